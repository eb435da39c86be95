package io.switchboard.channel;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One platform's inbound webhook: checks the delivery's authentication, then reads its events. Each
 * implementation is plain Java and Jackson, built from one channel's settings.
 */
public interface PlatformWebhook {

    /**
     * Verifies, then parses. Throws {@link WebhookRejected} (401/403) before reading the body when the
     * authentication does not match, and (400) when the body is not the platform's format.
     */
    List<ChannelEvent> receive(Delivery delivery);

    /**
     * One request as the platform made it: {@code url} is the public URL it called (Twilio signs it),
     * {@code headers} have lower-case names, {@code body} is byte for byte.
     */
    record Delivery(String channelId, String url, Map<String, String> headers, byte[] body, Instant receivedAt) {

        public Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase()));
        }

        /** The header a platform signs or authenticates with; its absence is a 401, before the body is read. */
        public String requiredHeader(String name) {
            return header(name).filter(v -> !v.isBlank())
                    .orElseThrow(() -> new WebhookRejected(401, "missing " + name + " header"));
        }
    }
}
