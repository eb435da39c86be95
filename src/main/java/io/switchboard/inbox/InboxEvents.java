package io.switchboard.inbox;

import java.time.Instant;

/**
 * What the inbox tells the automation: the events workflows trigger on, and a contact's message for a
 * run that waits for one. The engine implements it; the inbox does not know workflows exist.
 * Each event carries what makes it unique, so a repeated call starts nothing twice.
 */
public interface InboxEvents {

    /**
     * A contact opened a conversation; {@code openingMessage} is what they wrote (shortened).
     * {@code firstDelivery} is true when this is the opening message's first processing (the conversation
     * was not open before it), and false for a redelivery of it, or when that is not known. Either way the
     * message's webhook is answered only after this returns, so a failure here is delivered again.
     */
    void conversationOpened(String workspaceId, Contact contact, Instant at, String openingMessage,
            boolean firstDelivery);

    /**
     * As {@link #conversationOpened} on a first delivery, with the opening not written yet: the workflows it
     * triggers may write it with their first write of the contact ({@link Opening}). Throws
     * {@link Opening.Refused} when the contact changed since it was read, having written nothing. The default
     * writes the opening first.
     */
    default void conversationOpening(String workspaceId, Opening opening, Instant at, String openingMessage) {
        conversationOpened(workspaceId, opening.land(), at, openingMessage, true);
    }

    /** A contact's message for the run {@code runId}, which waits for one (a question, an AI agent). */
    void replyArrived(String workspaceId, Contact contact, String runId, String text, String messageId);

    /** Tags changed by {@code key} (the request's or step's idempotency key). */
    void tagsChanged(String workspaceId, ContactStore.TagsChange change, String key, String source, Instant at);

    /** Fields changed by {@code key}. */
    void fieldsChanged(String workspaceId, ContactStore.FieldsChange change, String key, String source, Instant at);

    void conversationClosed(String workspaceId, String contactId, String conversationId, String closedBy, Instant at);
}
