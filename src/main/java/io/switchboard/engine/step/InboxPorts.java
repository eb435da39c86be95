package io.switchboard.engine.step;

import io.switchboard.inbox.CommentStore;
import io.switchboard.inbox.ContactStore;
import io.switchboard.inbox.DirectoryStore;
import io.switchboard.inbox.Outbox;

/**
 * The inbox state steps read and change, the outbox Send a Message sends through, the HTTP calls
 * of HTTP Request, and Google Sheets with the claims that keep its appends at most once.
 */
public record InboxPorts(ContactStore contacts, DirectoryStore directory, CommentStore comments, Outbox outbox,
        HttpCalls http, GoogleSheets sheets, EffectClaims claims) {

    public InboxPorts(ContactStore contacts, DirectoryStore directory, CommentStore comments, Outbox outbox,
            HttpCalls http) {
        this(contacts, directory, comments, outbox, http, null, null);
    }

    /** Without an outbox or HTTP calls: for engines whose workflows send no messages and call nothing. */
    public InboxPorts(ContactStore contacts, DirectoryStore directory, CommentStore comments) {
        this(contacts, directory, comments, null, null);
    }
}
