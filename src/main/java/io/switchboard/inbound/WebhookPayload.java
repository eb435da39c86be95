package io.switchboard.inbound;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.channel.HmacSignature;
import io.switchboard.engine.IncomingWebhooks.Delivery;
import io.switchboard.engine.workflow.IncomingWebhook;
import io.switchboard.outbound.JsonPaths;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an outside system posts to a workflow's Incoming Webhook:
 *
 * <pre>
 * POST /webhooks/workflows/{workspaceId}/{workflowId}
 * X-Switchboard-Signature: sha256=&lt;hex HMAC-SHA256 of the raw body, keyed with the workflow's webhook secret&gt;
 * Idempotency-Key: &lt;optional; the same for a retry of the same delivery&gt;
 * {"contact": {"id": "ada"}, "order": {"id": "A-1001", "total": 42.5}}
 * </pre>
 *
 * The signature is checked before the body is parsed. Every scalar value of the body becomes a
 * variable named by its dotted path ({@code order.id}; array items by index, {@code items.0.sku}).
 */
public final class WebhookPayload {

    public static final String SIGNATURE_HEADER = "X-Switchboard-Signature";
    public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
    /** The body is kept with the run, and every run write pays for its size. */
    public static final int MAX_BYTES = 16 * 1024;
    private static final String CONTACT_ID = "[A-Za-z0-9_+.@-]{1,128}";

    private final JsonNode root;
    private final byte[] raw;

    private WebhookPayload(JsonNode root, byte[] raw) {
        this.root = root;
        this.raw = raw;
    }

    /** Checks the signature, then reads the body; refuses what it cannot use, saying what and where. */
    public static WebhookPayload read(ObjectMapper json, String secret, byte[] body, String signature) {
        if (signature == null || signature.isBlank()) {
            throw new DeliveryRefused(401, "unauthorized", SIGNATURE_HEADER, "missing " + SIGNATURE_HEADER
                    + " header; sign the raw body with HMAC-SHA256 and the workflow's webhook secret, as sha256=<hex>");
        }
        String hex = signature.startsWith("sha256=") ? signature.substring(7) : signature;
        if (!HmacSignature.matchesHex(secret, body, hex.trim())) {
            throw new DeliveryRefused(401, "unauthorized", SIGNATURE_HEADER, SIGNATURE_HEADER
                    + " does not match the body signed with this workflow's webhook secret");
        }
        if (body.length > MAX_BYTES) {
            throw new DeliveryRefused(413, "payload_too_large", "$", "the body is " + body.length
                    + " bytes; an incoming webhook accepts at most " + MAX_BYTES);
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonParseException e) {
            throw new DeliveryRefused(400, "malformed_json", "$", "malformed JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new DeliveryRefused(400, "malformed_json", "$", "malformed JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new DeliveryRefused(400, "malformed_json", "$", "the body must be a JSON object");
        }
        return new WebhookPayload(root, body);
    }

    /**
     * The delivery for the engine. Its id is the caller's Idempotency-Key when sent, else the SHA-256
     * of the body: a retry of the same delivery starts nothing twice either way.
     */
    public Delivery delivery(IncomingWebhook settings, String idempotencyKey) {
        String path = settings.contactIdPath();
        String contactId = JsonPaths.read(root, path).orElseThrow(() -> new DeliveryRefused(422, "missing_contact", path,
                "no contact id at " + path + "; this workflow's trigger reads the contact id there"));
        if (!contactId.matches(CONTACT_ID)) {
            throw new DeliveryRefused(422, "invalid_contact", path, path + " must hold a contact id of letters, digits "
                    + "and + . @ - _ (1-128 characters)");
        }
        String name = settings.contactNamePath() == null ? null : JsonPaths.read(root, settings.contactNamePath())
                .orElse(null);
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 255)) {
            throw new DeliveryRefused(400, "invalid_idempotency_key", IDEMPOTENCY_HEADER, IDEMPOTENCY_HEADER
                    + " must be 1-255 characters");
        }
        String deliveryId = idempotencyKey != null ? "key:" + idempotencyKey : "sha256:" + sha256(raw);
        return new Delivery(contactId, name, deliveryId, variables());
    }

    /** Every scalar by its dotted path; nulls are left out, so they read as missing. */
    Map<String, String> variables() {
        Map<String, String> out = new LinkedHashMap<>();
        flatten("", root, out);
        return out;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                flatten(prefix + e.getKey() + ".", e.getValue(), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix + i + ".", node.get(i), out);
            }
        } else if (!node.isNull()) {
            out.put(prefix.substring(0, prefix.length() - 1), node.asText());
        }
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
