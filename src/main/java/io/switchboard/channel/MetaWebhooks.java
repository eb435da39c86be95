package io.switchboard.channel;

import java.util.Map;

/**
 * What WhatsApp, Messenger and Instagram webhooks share, as Meta documents it for all three: the
 * subscription handshake and the {@code X-Hub-Signature-256} body signature keyed with the app secret.
 */
public final class MetaWebhooks {

    public static final String SIGNATURE_HEADER = "X-Hub-Signature-256";

    private MetaWebhooks() {
    }

    /**
     * Meta's verification request {@code GET ?hub.mode=subscribe&hub.verify_token=..&hub.challenge=..}:
     * the challenge to echo back when the token is the channel's verify token.
     */
    public static String handshake(Map<String, String> query, String verifyToken) {
        String mode = query.get("hub.mode");
        if (!"subscribe".equals(mode)) {
            throw new WebhookRejected(400, "hub.mode must be \"subscribe\"");
        }
        if (!HmacSignature.sameSecret(verifyToken, query.get("hub.verify_token"))) {
            throw new WebhookRejected(403, "hub.verify_token does not match this channel's verifyToken");
        }
        String challenge = query.get("hub.challenge");
        if (challenge == null || challenge.isEmpty()) {
            throw new WebhookRejected(400, "hub.challenge is missing");
        }
        return challenge;
    }

    /** Checks {@code X-Hub-Signature-256: sha256=<hex>} before anything reads the body. */
    public static void verify(PlatformWebhook.Delivery delivery, String appSecret) {
        String value = delivery.requiredHeader(SIGNATURE_HEADER).trim();
        if (!value.startsWith("sha256=") || !HmacSignature.matchesHex(appSecret, delivery.body(), value.substring(7))) {
            throw new WebhookRejected(401, SIGNATURE_HEADER + " does not match the body signed with the app secret");
        }
    }
}
