package io.switchboard.inbox;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A contact store that hands every call to another, for views of the store that change a few calls: the
 * inbox a wake-up's steps see while their writes are held, and the one a first delivery's steps see while
 * the conversation's opening is not written. {@link #beforeWrite()} runs before every write is handed on.
 */
public abstract class ForwardingContactStore implements ContactStore {

    protected final ContactStore store;

    protected ForwardingContactStore(ContactStore store) {
        this.store = store;
    }

    /** Runs before each write is handed to the store; nothing by default. */
    protected void beforeWrite() {
    }

    @Override
    public Optional<Contact> find(String ws, String contactId) {
        return store.find(ws, contactId);
    }

    @Override
    public Contact recordIncoming(String ws, IncomingContact contact, String channelId, Instant at,
            String conversationIdIfOpened) {
        beforeWrite();
        return store.recordIncoming(ws, contact, channelId, at, conversationIdIfOpened);
    }

    @Override
    public Contact createIfMissing(String ws, String contactId, String name, Instant at) {
        beforeWrite();
        return store.createIfMissing(ws, contactId, name, at);
    }

    @Override
    public Optional<Contact> recordOutgoing(String ws, String contactId, Instant at) {
        beforeWrite();
        return store.recordOutgoing(ws, contactId, at);
    }

    @Override
    public AssignmentChange assign(String ws, String contactId, String assigneeId, String effectKey, Instant at) {
        beforeWrite();
        return store.assign(ws, contactId, assigneeId, effectKey, at);
    }

    @Override
    public AssignmentChange assignAsRead(String ws, String contactId, String assigneeId, String effectKey, Instant at,
            Contact asRead, String stepPath) {
        beforeWrite();
        return store.assignAsRead(ws, contactId, assigneeId, effectKey, at, asRead, stepPath);
    }

    @Override
    public Optional<Contact> openConversation(String ws, String contactId, String conversationId, OpenedBy openedBy,
            Instant at) {
        beforeWrite();
        return store.openConversation(ws, contactId, conversationId, openedBy, at);
    }

    @Override
    public boolean close(String ws, String contactId, String conversationId, Instant at) {
        beforeWrite();
        return store.close(ws, contactId, conversationId, at);
    }

    @Override
    public int openContactsOf(String ws, String agentId) {
        return store.openContactsOf(ws, agentId);
    }

    @Override
    public Optional<String> linkedContact(String ws, String channelId, String externalId) {
        return store.linkedContact(ws, channelId, externalId);
    }

    @Override
    public Optional<String> addressOn(String ws, String contactId, String channelId) {
        return store.addressOn(ws, contactId, channelId);
    }

    @Override
    public boolean link(String ws, String contactId, String channelId, String externalId) {
        beforeWrite();
        return store.link(ws, contactId, channelId, externalId);
    }

    @Override
    public TagsChange changeTags(String ws, String contactId, Set<String> add, Set<String> remove, String effectKey,
            Instant at) {
        beforeWrite();
        return store.changeTags(ws, contactId, add, remove, effectKey, at);
    }

    @Override
    public FieldsChange changeFields(String ws, String contactId, Map<String, String> values, String effectKey,
            Instant at) {
        beforeWrite();
        return store.changeFields(ws, contactId, values, effectKey, at);
    }

    @Override
    public void awaitReply(String ws, String contactId, String runId, boolean waiting) {
        beforeWrite();
        store.awaitReply(ws, contactId, runId, waiting);
    }
}
