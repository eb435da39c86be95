package io.switchboard.engine.step;

import io.switchboard.inbox.CommentStore;
import io.switchboard.inbox.ContactStore;
import io.switchboard.inbox.DirectoryStore;
import io.switchboard.inbox.MessageStore;
import io.switchboard.inbox.Outbox;

/**
 * The inbox state steps read and change, the outbox Send a Message sends through, the HTTP calls of
 * HTTP Request, and the messages and chat model an AI Agent converses with.
 */
public record InboxPorts(ContactStore contacts, DirectoryStore directory, CommentStore comments, Outbox outbox,
        HttpCalls http, MessageStore messages, AiModel ai) {

    /** Without an outbox or HTTP calls: for engines whose workflows send no messages and call nothing. */
    public InboxPorts(ContactStore contacts, DirectoryStore directory, CommentStore comments) {
        this(contacts, directory, comments, null, null, null, null);
    }

    /** Without an AI model: for engines whose workflows have no AI Agent. */
    public InboxPorts(ContactStore contacts, DirectoryStore directory, CommentStore comments, Outbox outbox,
            HttpCalls http) {
        this(contacts, directory, comments, outbox, http, null, null);
    }
}
