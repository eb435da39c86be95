package io.switchboard.channel.viber;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.channel.ContactIds;
import io.switchboard.channel.JsonBodies;
import io.switchboard.channel.PlatformHttp;
import io.switchboard.channel.SendFailures;
import io.switchboard.inbox.OutboundSender;
import io.switchboard.inbox.OutgoingContent;
import java.net.URI;
import java.net.http.HttpRequest;

/**
 * Viber REST bot API {@code POST /pa/send_message} with {@code X-Viber-Auth-Token}. Viber answers 200
 * with a {@code status} code in the body; 0 is success. No idempotency key: retried only on 429.
 */
public final class ViberSender implements OutboundSender {

    private static final String PLATFORM = "Viber";

    private final PlatformHttp http;
    private final ObjectMapper json;
    private final String apiUrl;
    private final String authToken;
    private final String senderName;

    public ViberSender(PlatformHttp http, ObjectMapper json, String apiUrl, String authToken, String senderName) {
        this.http = http;
        this.json = json;
        this.apiUrl = apiUrl;
        this.authToken = authToken;
        this.senderName = senderName;
    }

    @Override
    public Sent send(String recipientId, String text, String messageId) {
        return post(message(recipientId, messageId, "text").put("text", text));
    }

    /**
     * The options as a keyboard of reply buttons, one per row (a tap sends the option's text as the
     * contact's message); more options than {@value #MAX_BUTTONS} go as the text with the options listed.
     */
    @Override
    public Sent send(String recipientId, String text, Choices choices, String messageId) {
        if (choices.options().size() > MAX_BUTTONS) {
            return send(recipientId, text, messageId);
        }
        ObjectNode body = message(recipientId, messageId, "text").put("text", choices.question());
        ObjectNode keyboard = body.putObject("keyboard").put("Type", "keyboard").put("DefaultHeight", false);
        var buttons = keyboard.putArray("Buttons");
        choices.options().forEach(option -> buttons.addObject().put("Columns", 6).put("Rows", 1)
                .put("ActionType", "reply").put("ActionBody", option).put("Text", option).put("TextSize", "regular"));
        return post(body);
    }

    static final int MAX_BUTTONS = 24;
    /** Viber's limit for a picture's description; a longer caption follows as a text. */
    static final int MAX_PICTURE_TEXT = 512;

    /**
     * Media as Viber's {@code picture} (the caption as its text), {@code video} and {@code file}
     * messages. Viber requires the size of a video or file and a file's name, and has no audio message
     * (an audio goes as a file): without the size the caption and link go as text. A video's or file's
     * caption follows as a text.
     */
    @Override
    public Sent send(String recipientId, OutgoingContent content, String messageId) {
        OutgoingContent message = content instanceof OutgoingContent.Tagged tagged ? tagged.message() : content;
        if (!(message instanceof OutgoingContent.Media media)) {
            return OutboundSender.super.send(recipientId, message, messageId);
        }
        if (media.kind() == OutgoingContent.MediaKind.IMAGE) {
            boolean fits = !media.hasCaption() || media.caption().length() <= MAX_PICTURE_TEXT;
            Sent sent = post(message(recipientId, messageId, "picture")
                    .put("text", media.hasCaption() && fits ? media.caption() : "").put("media", media.url()));
            if (!fits) {
                send(recipientId, media.caption(), messageId + "#caption");
            }
            return sent;
        }
        if (media.sizeBytes() == null) {
            return send(recipientId, media.asText(), messageId);
        }
        ObjectNode body = media.kind() == OutgoingContent.MediaKind.VIDEO
                ? message(recipientId, messageId, "video").put("media", media.url()).put("size", media.sizeBytes())
                : message(recipientId, messageId, "file").put("media", media.url()).put("size", media.sizeBytes())
                        .put("file_name", media.displayName());
        if (media.kind() == OutgoingContent.MediaKind.VIDEO && media.durationSeconds() != null) {
            body.put("duration", media.durationSeconds());
        }
        Sent sent = post(body);
        if (media.hasCaption()) {
            send(recipientId, media.caption(), messageId + "#caption");
        }
        return sent;
    }

    private ObjectNode message(String recipientId, String messageId, String type) {
        ObjectNode body = json.createObjectNode().put("receiver", ContactIds.toViber(recipientId))
                .put("min_api_version", 1);
        body.putObject("sender").put("name", senderName);
        return body.put("tracking_data", messageId).put("type", type);
    }

    private Sent post(ObjectNode body) {
        PlatformHttp.Reply reply = http.exchange(PLATFORM, HttpRequest.newBuilder(URI.create(apiUrl + "/pa/send_message"))
                .header("X-Viber-Auth-Token", authToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())), false);
        JsonNode answer;
        try {
            answer = json.readTree(reply.body() == null || reply.body().isEmpty() ? "{}" : reply.body());
        } catch (Exception e) {
            answer = json.createObjectNode();
        }
        int status = answer.path("status").asInt(-1);
        if (reply.ok() && status == 0) {
            return new Sent(JsonBodies.text(answer, "message_token"));
        }
        String detail = "Viber status " + status + ": " + answer.path("status_message").asText("HTTP " + reply.status());
        throw switch (status) {
            case 2 -> SendFailures.credentials(PLATFORM, detail);
            case 5, 6 -> SendFailures.unsubscribed(PLATFORM, detail);
            case 7 -> SendFailures.blocked(PLATFORM, detail);
            case 12 -> SendFailures.rateLimited(PLATFORM, detail);
            default -> reply.status() == 429 ? SendFailures.rateLimited(PLATFORM, detail)
                    : reply.status() >= 500 ? SendFailures.unavailable(PLATFORM, detail)
                    : SendFailures.rejected(PLATFORM, detail);
        };
    }
}
