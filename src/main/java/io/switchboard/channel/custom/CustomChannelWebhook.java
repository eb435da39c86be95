package io.switchboard.channel.custom;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.channel.HmacSignature;
import io.switchboard.channel.InboundLimits;
import io.switchboard.channel.WebhookRejected;
import io.switchboard.inbox.InboxActions.IncomingMessage;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The custom channel: any system can deliver contact messages in this JSON format.
 *
 * <pre>
 * POST /webhooks/custom/{channelId}
 * X-Switchboard-Signature: sha256=&lt;hex HMAC-SHA256 of the raw body, keyed with the channel secret&gt;
 * {"contact": {"id": "+15550100", "name": "Ada"},
 *  "message": {"id": "m-1", "text": "Hello", "time": "2026-11-24T10:00:00Z"}}
 * </pre>
 *
 * The signature is checked before the body is even parsed: an unsigned request learns nothing.
 */
public final class CustomChannelWebhook {

    public static final String SIGNATURE_HEADER = "X-Switchboard-Signature";

    private final ObjectMapper json;

    public CustomChannelWebhook(ObjectMapper json) {
        this.json = json;
    }

    public void verify(String secret, byte[] body, String signatureHeader) {
        if (signatureHeader == null || signatureHeader.isBlank()) {
            throw new WebhookRejected(401, "missing " + SIGNATURE_HEADER + " header; sign the raw body with "
                    + "HMAC-SHA256 and the channel secret, as sha256=<hex>");
        }
        String hex = signatureHeader.startsWith("sha256=") ? signatureHeader.substring(7) : signatureHeader;
        if (!HmacSignature.matchesHex(secret, body, hex.trim())) {
            throw new WebhookRejected(401, SIGNATURE_HEADER + " does not match the body signed with this channel's secret");
        }
    }

    public IncomingMessage parse(String channelId, byte[] body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonParseException e) {
            throw new WebhookRejected(400, "malformed JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new WebhookRejected(400, "malformed JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new WebhookRejected(400, "body must be a JSON object with \"contact\" and \"message\"");
        }
        JsonNode contact = object(root, "contact", "$.contact");
        JsonNode message = object(root, "message", "$.message");
        String contactId = text(contact, "id", "$.contact.id");
        if (!contactId.matches("[A-Za-z0-9_+.@-]{1,128}")) {
            throw new WebhookRejected(400, "$.contact.id may hold only letters, digits and + . @ - _ (1-128 characters)");
        }
        String messageId = text(message, "id", "$.message.id");
        if (messageId.length() > 256 || messageId.contains("#")) {
            throw new WebhookRejected(400, "$.message.id must be at most 256 characters and must not contain '#'");
        }
        Instant time;
        String timeText = text(message, "time", "$.message.time");
        try {
            time = Instant.parse(timeText);
        } catch (DateTimeParseException e) {
            throw new WebhookRejected(400, "$.message.time must be an ISO-8601 instant such as 2026-11-24T10:00:00Z, not "
                    + abbreviated(timeText));
        }
        if (!InboundLimits.storable(time)) {
            throw new WebhookRejected(400, "$.message.time must be between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59Z, not "
                    + abbreviated(timeText));
        }
        JsonNode text = message.get("text");
        if (text != null && !text.isTextual()) {
            throw new WebhookRejected(400, "$.message.text must be a string");
        }
        // a long text or name is cut, not refused (InboundLimits): the contact's message is kept
        return InboundLimits.message(new IncomingMessage(channelId, messageId, contactId,
                contact.hasNonNull("name") ? contact.get("name").asText() : null,
                text == null ? "" : text.asText(), time), time);
    }

    private static String abbreviated(String s) {
        return s.length() <= 64 ? s : s.substring(0, 64) + "...";
    }

    private static JsonNode object(JsonNode parent, String field, String path) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isObject()) {
            throw new WebhookRejected(400, path + " is required and must be an object");
        }
        return node;
    }

    private static String text(JsonNode parent, String field, String path) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            throw new WebhookRejected(400, path + " is required and must be a non-empty string");
        }
        return node.asText();
    }
}
