package io.switchboard.channel.line;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.channel.ChannelEvent;
import io.switchboard.channel.Content;
import io.switchboard.channel.HmacSignature;
import io.switchboard.channel.JsonBodies;
import io.switchboard.channel.PlatformWebhook;
import io.switchboard.channel.WebhookRejected;
import io.switchboard.inbox.InboxActions.IncomingMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * LINE Messaging API webhooks: {@code X-Line-Signature} is the base64 HMAC-SHA256 of the body keyed
 * with the channel secret. Media is kept as LINE's message id (its content is fetched from
 * {@code /v2/bot/message/{id}/content} when needed) or the external URL LINE names. The console's
 * "Verify" button sends a signed delivery with no events, which is simply acknowledged.
 */
public final class LineWebhook implements PlatformWebhook {

    public static final String SIGNATURE_HEADER = "X-Line-Signature";

    private final ObjectMapper json;
    private final String channelSecret;

    public LineWebhook(ObjectMapper json, String channelSecret) {
        this.json = json;
        this.channelSecret = channelSecret;
    }

    @Override
    public List<ChannelEvent> receive(Delivery delivery) {
        String signature = delivery.requiredHeader(SIGNATURE_HEADER);
        if (!HmacSignature.matchesBase64(HmacSignature.sha256(channelSecret, delivery.body()), signature)) {
            throw new WebhookRejected(401, SIGNATURE_HEADER + " does not match the body signed with the channel secret");
        }
        JsonNode root = JsonBodies.read(json, delivery.body());
        List<ChannelEvent> events = new ArrayList<>();
        for (JsonNode event : root.path("events")) {
            String type = JsonBodies.text(event, "type");
            JsonNode source = event.path("source");
            String contact = JsonBodies.text(source, "groupId") != null ? JsonBodies.text(source, "groupId")
                    : JsonBodies.text(source, "roomId") != null ? JsonBodies.text(source, "roomId")
                    : JsonBodies.text(source, "userId");
            String id = JsonBodies.text(event, "message", "id");
            if (!"message".equals(type) || contact == null || id == null) {
                events.add(new ChannelEvent.Ignored(String.valueOf(type)));
                continue;
            }
            Content content = content(event.get("message"));
            events.add(new ChannelEvent.Incoming(new IncomingMessage(delivery.channelId(), id, contact, null,
                    content.text(), JsonBodies.epochMillis(event.get("timestamp"), delivery.receivedAt()),
                    content.attachment())));
        }
        return events;
    }

    static Content content(JsonNode m) {
        String type = JsonBodies.text(m, "type");
        String id = JsonBodies.text(m, "id");
        return switch (type == null ? "" : type) {
            case "text" -> Content.text(JsonBodies.text(m, "text"));
            case "image", "video", "audio" -> {
                String external = JsonBodies.text(m, "contentProvider", "originalContentUrl");
                yield Content.media(type, external != null ? external : id, null, null, null);
            }
            case "file" -> Content.media("file", id, null, null, JsonBodies.text(m, "fileName"));
            case "location" -> Content.location(m.path("latitude").asDouble(), m.path("longitude").asDouble(),
                    JsonBodies.text(m, "title"));
            case "sticker" -> Content.media("sticker",
                    JsonBodies.text(m, "packageId") + "/" + JsonBodies.text(m, "stickerId"), null, null, null);
            default -> Content.unsupported(type);
        };
    }
}
