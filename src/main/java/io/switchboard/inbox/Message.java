package io.switchboard.inbox;

import java.time.Instant;

/** One message of a conversation, incoming from the contact or outgoing from an agent or a workflow. */
public record Message(
        String workspaceId,
        String contactId,
        String conversationId,
        String channelId,
        String externalId,
        Direction direction,
        String authorId,
        String text,
        Instant sentAt) {

    public enum Direction {
        INCOMING, OUTGOING;

        public String wireName() {
            return name().toLowerCase();
        }
    }
}
