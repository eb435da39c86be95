package io.switchboard.inbox;

import java.time.Instant;
import java.util.List;

public interface MessageStore {

    boolean exists(String workspaceId, String contactId, String channelId, String externalId);

    /** Stores the message once; false when a message with the same channel and external id exists. */
    boolean append(Message message);

    List<Message> list(String workspaceId, String contactId);

    /**
     * Attaches the platform's id to a message stored before it was sent (see {@code append}), once the
     * platform accepted it; delivery reports then find it.
     */
    void confirmSent(String workspaceId, String contactId, String channelId, String externalId,
            String platformMessageId);

    /** Removes a message stored for sending that the platform refused, so that a retry may send it. */
    void discardUnsent(String workspaceId, String contactId, String channelId, String externalId);

    /**
     * Records a delivery report for the message the platform knows as {@code platformMessageId} on
     * {@code channelId}: a message sent through Switchboard, or one the business sent elsewhere (an
     * echo). Only moves the status up; a repeated or late report changes nothing. False when no such
     * message is stored or the report changed nothing.
     */
    boolean recordStatus(String workspaceId, String contactId, String channelId, String platformMessageId,
            DeliveryStatus status, Instant at, String error);

    /**
     * A contact edited a message they sent: the stored message takes the new text and records when it
     * was edited. Never creates a message; false when the original is not stored (it was never
     * received, or it expired).
     */
    default boolean recordEdit(String workspaceId, String contactId, String channelId, String originalExternalId,
            String text, Instant editedAt) {
        return false; // a store that keeps no edits (the engine's in-memory fakes)
    }
}
