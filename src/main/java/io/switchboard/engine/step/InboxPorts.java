package io.switchboard.engine.step;

import io.switchboard.inbox.CommentStore;
import io.switchboard.inbox.ContactStore;
import io.switchboard.inbox.DirectoryStore;
import io.switchboard.inbox.Outbox;

/** The inbox state steps read and change, and the outbox Send a Message sends through. */
public record InboxPorts(ContactStore contacts, DirectoryStore directory, CommentStore comments, Outbox outbox) {

    /** Without an outbox: for engines whose workflows send no messages. */
    public InboxPorts(ContactStore contacts, DirectoryStore directory, CommentStore comments) {
        this(contacts, directory, comments, null);
    }
}
