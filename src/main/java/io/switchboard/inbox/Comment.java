package io.switchboard.inbox;

import java.time.Instant;

/**
 * An internal note on a conversation, never sent to the contact. The id is the idempotency key of
 * whoever wrote it (a workflow step writes one per run and step visit), so a retried write is a no-op.
 */
public record Comment(
        String workspaceId,
        String contactId,
        String conversationId,
        String id,
        String author,
        String text,
        Instant createdAt) {
}
