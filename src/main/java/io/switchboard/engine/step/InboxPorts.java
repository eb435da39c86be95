package io.switchboard.engine.step;

import io.switchboard.engine.step.addgooglesheetsrow.GoogleSheets;
import io.switchboard.engine.step.aiagent.AiModel;
import io.switchboard.engine.step.httprequest.HttpCalls;

import io.switchboard.inbox.CommentStore;
import io.switchboard.inbox.ContactStore;
import io.switchboard.inbox.DirectoryStore;
import io.switchboard.inbox.MessageStore;
import io.switchboard.inbox.Outbox;

/**
 * The inbox state steps read and change, the outbox Send a Message sends through, the HTTP calls of
 * HTTP Request, the messages and chat model an AI Agent converses with, and Google Sheets with the
 * claims that keep its appends at most once.
 */
public record InboxPorts(ContactStore contacts, DirectoryStore directory, CommentStore comments, Outbox outbox,
        HttpCalls http, MessageStore messages, AiModel ai, GoogleSheets sheets, EffectClaims claims) {

    /** Without Google Sheets: for engines whose workflows add no rows. */
    public InboxPorts(ContactStore contacts, DirectoryStore directory, CommentStore comments, Outbox outbox,
            HttpCalls http, MessageStore messages, AiModel ai) {
        this(contacts, directory, comments, outbox, http, messages, ai, null, null);
    }

    /** Without an outbox or HTTP calls: for engines whose workflows send no messages and call nothing. */
    public InboxPorts(ContactStore contacts, DirectoryStore directory, CommentStore comments) {
        this(contacts, directory, comments, null, null, null, null);
    }

    /** Without an AI model: for engines whose workflows have no AI Agent. */
    public InboxPorts(ContactStore contacts, DirectoryStore directory, CommentStore comments, Outbox outbox,
            HttpCalls http) {
        this(contacts, directory, comments, outbox, http, null, null);
    }

    /** True when a port of this type was given: a step type's {@code ports()} are checked against it. */
    public boolean has(Class<?> port) {
        return java.util.stream.Stream.of(contacts, directory, comments, outbox, http, messages, ai, sheets, claims)
                .anyMatch(port::isInstance);
    }
}
