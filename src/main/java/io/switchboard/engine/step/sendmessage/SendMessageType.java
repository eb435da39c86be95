package io.switchboard.engine.step.sendmessage;

import io.switchboard.engine.step.DeclaredStepType;
import io.switchboard.engine.step.PublishContext;
import io.switchboard.engine.step.StepReader;
import io.switchboard.engine.step.sendmessage.SendMessageStep.ChannelResponse;
import io.switchboard.inbox.Outbox;
import io.switchboard.inbox.OutgoingContent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The SendMessage step type: its name, record, handler and how its document is read. The schema
 * fragment checks each field's shape; here are the rules between fields (a default message is text or
 * media, a template is WhatsApp's, a message tag Messenger's and Instagram's).
 */
public final class SendMessageType extends DeclaredStepType<SendMessageStep> {

    public static final String NAME = "send_message";

    /** The channel types a response may name; a response naming anything else names a channel id. */
    public static final List<String> CHANNEL_TYPES = List.of("whatsapp", "messenger", "instagram", "telegram", "line",
            "viber", "twilio", "custom");

    public SendMessageType() {
        super(NAME, SendMessageStep.class, new SendMessageHandler(), SendMessageType::read);
        needs(Outbox.class);
    }

    /**
     * The channels a step names must be connected to the workspace when it is published; a response for a
     * channel id must suit that channel's type (a template WhatsApp's, a tag Messenger's or Instagram's).
     */
    @Override
    public void checkOnPublish(SendMessageStep step, String path, PublishContext publish) {
        if (step.channel() != null && publish.channelType(step.channel()).isEmpty()) {
            publish.problem(path + ".channel", "no channel " + step.channel() + " is connected to this workspace; "
                    + "name a connected channel's id, or last_interacted");
        }
        for (int i = 0; i < step.responses().size(); i++) {
            String channel = step.responses().get(i).channel();
            String at = path + ".responses[" + i + "]";
            if (CHANNEL_TYPES.contains(channel)) {
                continue;
            }
            Optional<String> type = publish.channelType(channel);
            if (type.isEmpty()) {
                publish.problem(at + ".channel", channel + " is neither a channel type (" + String.join(", ", CHANNEL_TYPES)
                        + ") nor the id of a channel connected to this workspace");
                continue;
            }
            OutgoingContent message = step.responses().get(i).message();
            if (message instanceof OutgoingContent.Template && !"whatsapp".equals(type.get())) {
                publish.problem(at + ".template", "message templates are WhatsApp's; channel " + channel + " is "
                        + type.get());
            }
            if (message instanceof OutgoingContent.Tagged && !List.of("messenger", "instagram").contains(type.get())) {
                publish.problem(at + ".tag", "message tags are Messenger's and Instagram's; channel " + channel + " is "
                        + type.get());
            }
        }
    }

    private static SendMessageStep read(StepReader step) {
        String channel = step.text("channel", SendMessageStep.LAST_INTERACTED);
        OutgoingContent message = defaultMessage(step);
        List<ChannelResponse> responses = new ArrayList<>();
        for (StepReader response : step.objects("responses")) {
            responses.add(new ChannelResponse(response.text("channel"), response(response)));
        }
        return new SendMessageStep(step.id(), SendMessageStep.LAST_INTERACTED.equals(channel) ? null : channel,
                message, responses, step.steps("onFailure"));
    }

    private static OutgoingContent defaultMessage(StepReader step) {
        boolean text = step.has("text");
        boolean media = step.has("media");
        if (text && media) {
            step.problem("media", "the default message is text or media, not both; put the text in the media's caption");
        }
        if (!text && !media) {
            step.problem("text", "a Send a Message needs a default message: text, or media with an optional caption");
            return new OutgoingContent.Text("");
        }
        return media ? media(step.object("media")) : new OutgoingContent.Text(step.text("text"));
    }

    private static OutgoingContent response(StepReader response) {
        String channel = response.text("channel");
        List<String> present = new ArrayList<>();
        for (String field : List.of("text", "media", "template")) {
            if (response.has(field)) {
                present.add(field);
            }
        }
        if (present.size() != 1) {
            response.problem(present.isEmpty() ? "text" : present.get(1), "a response is exactly one of text, media "
                    + "or template" + (present.isEmpty() ? "" : "; this one has " + String.join(" and ", present)));
        }
        boolean aType = CHANNEL_TYPES.contains(channel);
        if (response.has("template")) {
            if (aType && !"whatsapp".equals(channel)) {
                response.problem("template", "message templates are WhatsApp's; this response is for " + channel);
            }
            return template(response.object("template"));
        }
        OutgoingContent message = response.has("media") ? media(response.object("media"))
                : new OutgoingContent.Text(response.text("text", ""));
        String tag = response.text("tag");
        if (tag == null) {
            return message;
        }
        if (aType && !"messenger".equals(channel) && !"instagram".equals(channel)) {
            response.problem("tag", "message tags are Messenger's and Instagram's; this response is for " + channel);
        }
        return new OutgoingContent.Tagged(tag, message);
    }

    private static OutgoingContent.Media media(StepReader media) {
        BigDecimal size = media.decimal("sizeBytes");
        return new OutgoingContent.Media(
                OutgoingContent.MediaKind.valueOf(media.text("kind").toUpperCase(Locale.ROOT)), media.text("url"),
                media.text("caption"), media.text("fileName"), size == null ? null : size.longValue(),
                media.integer("durationSeconds"), media.text("previewUrl"));
    }

    private static OutgoingContent.Template template(StepReader template) {
        List<OutgoingContent.Template.Button> buttons = new ArrayList<>();
        List<StepReader> documented = template.objects("buttons");
        for (int i = 0; i < documented.size(); i++) {
            StepReader button = documented.get(i);
            buttons.add(new OutgoingContent.Template.Button(button.integer("index", i), button.text("subType"),
                    button.text("parameter")));
        }
        return new OutgoingContent.Template(template.text("name"), template.text("language"),
                template.texts("header"), template.texts("body"), buttons);
    }
}
