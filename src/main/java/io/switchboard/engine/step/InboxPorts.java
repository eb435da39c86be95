package io.switchboard.engine.step;

import io.switchboard.inbox.CommentStore;
import io.switchboard.inbox.ContactStore;
import io.switchboard.inbox.DirectoryStore;

/** The inbox state steps read and change. */
public record InboxPorts(ContactStore contacts, DirectoryStore directory, CommentStore comments) {
}
