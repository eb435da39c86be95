package io.switchboard.channel;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;

/** Reading platform JSON leniently: a field a platform leaves out is "missing", never a crash. */
public final class JsonBodies {

    private JsonBodies() {
    }

    public static JsonNode read(ObjectMapper json, byte[] body) {
        try {
            JsonNode root = json.readTree(body);
            if (root == null || !root.isObject()) {
                throw new WebhookRejected(400, "body must be a JSON object");
            }
            return root;
        } catch (JsonParseException e) {
            throw new WebhookRejected(400, "malformed JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new WebhookRejected(400, "malformed JSON: " + e.getMessage());
        }
    }

    /** The text at the path, or null. */
    public static String text(JsonNode node, String... path) {
        JsonNode n = node;
        for (String p : path) {
            if (n == null) {
                return null;
            }
            n = n.get(p);
        }
        return n == null || n.isNull() || n.isContainerNode() ? null : n.asText();
    }

    public static Instant epochSeconds(JsonNode value, Instant fallback) {
        return value == null || !value.canConvertToLong() && !value.isTextual() ? fallback
                : parse(value.asText(), fallback, false);
    }

    public static Instant epochMillis(JsonNode value, Instant fallback) {
        return value == null || !value.canConvertToLong() && !value.isTextual() ? fallback
                : parse(value.asText(), fallback, true);
    }

    private static Instant parse(String text, Instant fallback, boolean millis) {
        try {
            long v = Long.parseLong(text.trim());
            return millis ? Instant.ofEpochMilli(v) : Instant.ofEpochSecond(v);
        } catch (NumberFormatException | java.time.DateTimeException e) {
            // not a number, or seconds no calendar holds: the time we received it
            return fallback;
        }
    }
}
