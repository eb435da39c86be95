package io.switchboard.channel.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.channel.ContactIds;
import io.switchboard.channel.JsonBodies;
import io.switchboard.channel.PlatformHttp;
import io.switchboard.channel.SendFailures;
import io.switchboard.inbox.OutboundSender;
import io.switchboard.inbox.OutgoingContent;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.List;
import java.net.http.HttpRequest;

/**
 * WhatsApp Cloud API: {@code POST /{version}/{phone-number-id}/messages} with the system user's access
 * token. The API takes no idempotency key, so a send is retried only on 429.
 */
public final class WhatsAppSender implements OutboundSender {

    private static final String PLATFORM = "WhatsApp";

    private final PlatformHttp http;
    private final ObjectMapper json;
    private final String graphUrl;
    private final String version;
    private final String phoneNumberId;
    private final String accessToken;

    public WhatsAppSender(PlatformHttp http, ObjectMapper json, String graphUrl, String version, String phoneNumberId,
            String accessToken) {
        this.http = http;
        this.json = json;
        this.graphUrl = graphUrl;
        this.version = version;
        this.phoneNumberId = phoneNumberId;
        this.accessToken = accessToken;
    }

    /** WhatsApp's customer-service window: free-form messages only within 24 hours of the contact's last message. */
    @Override
    public Optional<Duration> replyWindow() {
        return Optional.of(Duration.ofHours(24));
    }

    @Override
    public Sent send(String recipientId, String text, String messageId) {
        ObjectNode body = envelope(recipientId, "text");
        body.putObject("text").put("preview_url", false).put("body", text);
        return post(body);
    }

    /**
     * Media as WhatsApp's own {@code image}, {@code video}, {@code audio} and {@code document} messages by
     * {@code link}; an audio message has no caption, so its caption follows as a text. Templates as the
     * Cloud API's {@code template} message, with text parameters per component.
     */
    @Override
    public Sent send(String recipientId, OutgoingContent content, String messageId) {
        if (content instanceof OutgoingContent.Media media) {
            String type = media.kind() == OutgoingContent.MediaKind.FILE ? "document" : media.kind().wireName();
            ObjectNode body = envelope(recipientId, type);
            ObjectNode object = body.putObject(type).put("link", media.url());
            boolean captioned = media.hasCaption() && media.kind() != OutgoingContent.MediaKind.AUDIO;
            if (captioned) {
                object.put("caption", media.caption());
            }
            if (media.kind() == OutgoingContent.MediaKind.FILE) {
                object.put("filename", media.displayName());
            }
            Sent sent = post(body);
            if (media.hasCaption() && !captioned) {
                send(recipientId, media.caption(), messageId);
            }
            return sent;
        }
        if (content instanceof OutgoingContent.Template template) {
            return post(template(recipientId, template));
        }
        if (content instanceof OutgoingContent.Tagged tagged) {
            return send(recipientId, tagged.message(), messageId);
        }
        return OutboundSender.super.send(recipientId, content, messageId);
    }

    private ObjectNode template(String recipientId, OutgoingContent.Template template) {
        ObjectNode body = envelope(recipientId, "template");
        ObjectNode t = body.putObject("template").put("name", template.name());
        t.putObject("language").put("code", template.language());
        ArrayNode components = json.createArrayNode();
        if (!template.header().isEmpty()) {
            textParameters(components.addObject().put("type", "header"), template.header());
        }
        if (!template.body().isEmpty()) {
            textParameters(components.addObject().put("type", "body"), template.body());
        }
        for (OutgoingContent.Template.Button button : template.buttons()) {
            ObjectNode component = components.addObject().put("type", "button").put("sub_type", button.subType())
                    .put("index", String.valueOf(button.index()));
            // a quick-reply button carries the payload its tap returns; a URL button the suffix of its URL
            ObjectNode parameter = component.putArray("parameters").addObject();
            if ("quick_reply".equals(button.subType())) {
                parameter.put("type", "payload").put("payload", button.parameter());
            } else {
                parameter.put("type", "text").put("text", button.parameter());
            }
        }
        if (!components.isEmpty()) {
            t.set("components", components);
        }
        return body;
    }

    private static void textParameters(ObjectNode component, List<String> values) {
        ArrayNode parameters = component.putArray("parameters");
        values.forEach(value -> parameters.addObject().put("type", "text").put("text", value));
    }

    /**
     * Up to 3 short options as reply buttons, up to 10 as a list; more, or longer texts than the
     * interactive message allows, go as plain text with the options listed.
     */
    @Override
    public Sent send(String recipientId, String text, Choices choices, String messageId) {
        List<String> options = choices.options();
        boolean fits = choices.question().length() <= MAX_INTERACTIVE_BODY;
        if (fits && options.size() <= MAX_BUTTONS && options.stream().allMatch(o -> o.length() <= MAX_BUTTON_TITLE)) {
            ObjectNode body = envelope(recipientId, "interactive");
            ObjectNode interactive = interactive(body, "button", choices.question());
            ArrayNode buttons = interactive.putObject("action").putArray("buttons");
            for (int i = 0; i < options.size(); i++) {
                buttons.addObject().put("type", "reply").putObject("reply")
                        .put("id", "option-" + (i + 1)).put("title", options.get(i));
            }
            return post(body);
        }
        if (fits && options.size() <= MAX_ROWS && options.stream().allMatch(o -> o.length() <= MAX_ROW_TITLE)) {
            ObjectNode body = envelope(recipientId, "interactive");
            ObjectNode interactive = interactive(body, "list", choices.question());
            ObjectNode action = interactive.putObject("action").put("button", "Choose");
            ArrayNode rows = action.putArray("sections").addObject().put("title", "Options").putArray("rows");
            for (int i = 0; i < options.size(); i++) {
                rows.addObject().put("id", "option-" + (i + 1)).put("title", options.get(i));
            }
            return post(body);
        }
        return send(recipientId, text, messageId);
    }

    static final int MAX_INTERACTIVE_BODY = 1024;
    static final int MAX_BUTTONS = 3;
    static final int MAX_BUTTON_TITLE = 20;
    static final int MAX_ROWS = 10;
    static final int MAX_ROW_TITLE = 24;
    private static ObjectNode interactive(ObjectNode message, String type, String question) {
        ObjectNode interactive = message.putObject("interactive").put("type", type);
        interactive.putObject("body").put("text", question);
        return interactive;
    }

    private ObjectNode envelope(String recipientId, String type) {
        return json.createObjectNode()
                .put("messaging_product", "whatsapp")
                .put("recipient_type", "individual")
                .put("to", ContactIds.digits(recipientId))
                .put("type", type);
    }

    private Sent post(ObjectNode body) {
        PlatformHttp.Reply reply = http.exchange(PLATFORM, HttpRequest.newBuilder(
                        URI.create(graphUrl + "/" + version + "/" + phoneNumberId + "/messages"))
                .header("Authorization", "Bearer " + accessToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())), false);
        JsonNode answer = parse(reply.body());
        if (reply.ok()) {
            return new Sent(JsonBodies.text(answer.path("messages").path(0), "id"));
        }
        throw failure(reply.status(), answer.path("error"));
    }

    private JsonNode parse(String body) {
        try {
            return json.readTree(body == null || body.isEmpty() ? "{}" : body);
        } catch (Exception e) {
            return json.createObjectNode();
        }
    }

    static SendFailed failure(int status, JsonNode error) {
        int code = error.path("code").asInt(-1);
        String detail = "WhatsApp error " + code + ": " + error.path("message").asText("HTTP " + status);
        return switch (code) {
            case 131047 -> SendFailures.outsideWindow(PLATFORM, detail);
            case 131026 -> SendFailures.invalidRecipient(PLATFORM, detail);
            case 131030 -> SendFailures.invalidRecipient(PLATFORM, detail + "; add the number to the test recipients");
            case 190, 10 -> SendFailures.credentials(PLATFORM, detail);
            case 4, 80007, 130429, 131048, 131056 -> SendFailures.rateLimited(PLATFORM, detail);
            default -> status == 429 ? SendFailures.rateLimited(PLATFORM, detail)
                    : status == 401 ? SendFailures.credentials(PLATFORM, detail)
                    : status >= 500 ? SendFailures.unavailable(PLATFORM, detail)
                    : SendFailures.rejected(PLATFORM, detail);
        };
    }
}
