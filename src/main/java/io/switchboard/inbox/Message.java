package io.switchboard.inbox;

import java.time.Instant;

/**
 * One message of a conversation, incoming from the contact or outgoing from an agent or a workflow.
 * {@code attachment} is null for plain text; {@code platformMessageId} is the platform's id for an
 * outgoing message sent through it, and {@code status} the furthest delivery status it reported.
 */
public record Message(
        String workspaceId,
        String contactId,
        String conversationId,
        String channelId,
        String externalId,
        Direction direction,
        String authorId,
        String text,
        Instant sentAt,
        Attachment attachment,
        String platformMessageId,
        DeliveryStatus status) {

    public Message(String workspaceId, String contactId, String conversationId, String channelId, String externalId,
            Direction direction, String authorId, String text, Instant sentAt) {
        this(workspaceId, contactId, conversationId, channelId, externalId, direction, authorId, text, sentAt, null,
                null, null);
    }

    public enum Direction {
        INCOMING, OUTGOING;

        public String wireName() {
            return name().toLowerCase();
        }
    }
}
