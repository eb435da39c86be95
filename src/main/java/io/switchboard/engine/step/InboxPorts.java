package io.switchboard.engine.step;

import io.switchboard.inbox.CommentStore;
import io.switchboard.inbox.ContactStore;
import io.switchboard.inbox.DirectoryStore;
import io.switchboard.inbox.Outbox;

/**
 * The inbox state steps read and change, the outbox Send a Message sends through, and the HTTP calls
 * of HTTP Request.
 */
public record InboxPorts(ContactStore contacts, DirectoryStore directory, CommentStore comments, Outbox outbox,
        HttpCalls http) {

    /** Without an outbox or HTTP calls: for engines whose workflows send no messages and call nothing. */
    public InboxPorts(ContactStore contacts, DirectoryStore directory, CommentStore comments) {
        this(contacts, directory, comments, null, null);
    }
}
