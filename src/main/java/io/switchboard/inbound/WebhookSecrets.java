package io.switchboard.inbound;

import java.time.Instant;
import java.util.Optional;

/** Each Incoming Webhook workflow's signing secret, stored sealed. */
public interface WebhookSecrets {

    record Secret(String sealed, Instant createdAt) {
    }

    Optional<Secret> find(String ws, String workflowId);

    /**
     * Stores the secret unless the workflow has one; returns the one that is stored. Two first reads
     * racing each other thus agree on one secret.
     */
    Secret createIfMissing(String ws, String workflowId, String sealed, Instant now);

    /** Replaces the secret: the old one stops working at once. */
    Secret replace(String ws, String workflowId, String sealed, Instant now);
}
