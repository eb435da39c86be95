package io.switchboard.inbox;

import java.time.Instant;

/**
 * What the inbox tells the automation: the events workflows trigger on, and a contact's message for a
 * run that waits for one. The engine implements it; the inbox does not know workflows exist.
 * Each event carries what makes it unique, so a repeated call starts nothing twice.
 */
public interface InboxEvents {

    /** A contact opened a conversation; {@code openingMessage} is what they wrote (shortened). */
    void conversationOpened(String workspaceId, Contact contact, Instant at, String openingMessage);

    /** A contact's message for the run {@code runId}, which waits for one (a question, an AI agent). */
    void replyArrived(String workspaceId, Contact contact, String runId, String text, String messageId);

    /** Tags changed by {@code key} (the request's or step's idempotency key). */
    void tagsChanged(String workspaceId, ContactStore.TagsChange change, String key, String source, Instant at);

    /** Fields changed by {@code key}. */
    void fieldsChanged(String workspaceId, ContactStore.FieldsChange change, String key, String source, Instant at);

    void conversationClosed(String workspaceId, String contactId, String conversationId, String closedBy, Instant at);
}
