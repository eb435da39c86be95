package io.switchboard.channel.viber;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.channel.ChannelEvent;
import io.switchboard.channel.ContactIds;
import io.switchboard.channel.Content;
import io.switchboard.channel.HmacSignature;
import io.switchboard.channel.JsonBodies;
import io.switchboard.channel.PlatformWebhook;
import io.switchboard.channel.WebhookRejected;
import io.switchboard.inbox.InboxActions.IncomingMessage;
import io.switchboard.inbox.InboxActions.StatusReport;
import io.switchboard.inbox.DeliveryStatus;
import java.util.List;

/**
 * Viber bot callbacks: {@code X-Viber-Content-Signature} is the hex HMAC-SHA256 of the body keyed with
 * the bot's auth token. Viber calls with {@code event: webhook} when the webhook is set and expects 200;
 * {@code delivered}, {@code seen} and {@code failed} report on messages the bot sent.
 */
public final class ViberWebhook implements PlatformWebhook {

    public static final String SIGNATURE_HEADER = "X-Viber-Content-Signature";

    private final ObjectMapper json;
    private final String authToken;

    public ViberWebhook(ObjectMapper json, String authToken) {
        this.json = json;
        this.authToken = authToken;
    }

    @Override
    public List<ChannelEvent> receive(Delivery delivery) {
        String signature = delivery.requiredHeader(SIGNATURE_HEADER);
        if (!HmacSignature.matchesHex(authToken, delivery.body(), signature.trim())) {
            throw new WebhookRejected(401, SIGNATURE_HEADER + " does not match the body signed with the auth token");
        }
        JsonNode root = JsonBodies.read(json, delivery.body());
        String event = String.valueOf(JsonBodies.text(root, "event"));
        var at = JsonBodies.epochMillis(root.get("timestamp"), delivery.receivedAt());
        String token = JsonBodies.text(root, "message_token");
        switch (event) {
            case "message" -> {
                String sender = JsonBodies.text(root, "sender", "id");
                if (sender == null || token == null) {
                    return List.of(new ChannelEvent.Ignored("message without sender or token"));
                }
                Content content = content(root.path("message"));
                return List.of(new ChannelEvent.Incoming(new IncomingMessage(delivery.channelId(), token,
                        ContactIds.fromViber(sender), JsonBodies.text(root, "sender", "name"), content.text(), at,
                        content.attachment())));
            }
            case "delivered", "seen", "failed" -> {
                String user = JsonBodies.text(root, "user_id");
                if (user == null || token == null) {
                    return List.of(new ChannelEvent.Ignored(event + " without user or token"));
                }
                DeliveryStatus status = switch (event) {
                    case "delivered" -> DeliveryStatus.DELIVERED;
                    case "seen" -> DeliveryStatus.READ;
                    default -> DeliveryStatus.FAILED;
                };
                return List.of(new ChannelEvent.Status(new StatusReport(delivery.channelId(), ContactIds.fromViber(user),
                        token, status, at, JsonBodies.text(root, "desc"))));
            }
            default -> {
                return List.of(new ChannelEvent.Ignored(event));
            }
        }
    }

    static Content content(JsonNode m) {
        String type = JsonBodies.text(m, "type");
        String text = JsonBodies.text(m, "text");
        return switch (type == null ? "" : type) {
            case "text" -> Content.text(text);
            case "picture" -> Content.media("image", JsonBodies.text(m, "media"), null, text, null);
            case "video", "file" -> Content.media(type, JsonBodies.text(m, "media"), null, text,
                    JsonBodies.text(m, "file_name"));
            case "sticker" -> Content.media("sticker", JsonBodies.text(m, "sticker_id"), null, null, null);
            case "url" -> Content.text(JsonBodies.text(m, "media"));
            case "location" -> Content.location(m.path("location").path("lat").asDouble(),
                    m.path("location").path("lon").asDouble(), null);
            case "contact" -> Content.contact(JsonBodies.text(m, "contact", "name"),
                    JsonBodies.text(m, "contact", "phone_number"), null);
            default -> Content.unsupported(type);
        };
    }
}
