package io.switchboard.inbox;

import java.time.Instant;

/**
 * The contact's current conversation. A contact has at most one open conversation; a message from a
 * contact whose conversation is closed opens a new one with a new id.
 */
public record Conversation(
        String id,
        ConversationStatus status,
        OpenedBy openedBy,
        String channelId,
        Instant openedAt,
        Instant closedAt,
        Instant lastIncomingAt,
        Instant lastOutgoingAt) {

    public boolean isOpen() {
        return status == ConversationStatus.OPEN;
    }
}
