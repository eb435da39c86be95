package io.switchboard.engine.run;

import io.switchboard.engine.step.InboxPorts;
import io.switchboard.inbox.Comment;
import io.switchboard.inbox.CommentStore;
import io.switchboard.inbox.Contact;
import io.switchboard.inbox.ContactStore;
import io.switchboard.inbox.OpenedBy;
import io.switchboard.inbox.Opening;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The inbox as a first delivery's steps see it while the conversation its message opens is not written yet
 * ({@link Opening}): the contact reads as opened, its first assignment is written with the opening in one
 * write, and every other write lands the opening alone first, so nothing is ever written about a
 * conversation that is not. Only steps that repeat harmlessly run here (the run's create lands the opening
 * before any other), so only the contact and comment ports need to know.
 */
final class OpeningInbox {

    private OpeningInbox() {
    }

    static InboxPorts over(InboxPorts inbox, Opening opening) {
        return new InboxPorts(new Contacts(inbox.contacts(), opening), inbox.directory(),
                new Comments(inbox.comments(), opening), inbox.outbox(), inbox.http(), inbox.messages(), inbox.ai(),
                inbox.sheets(), inbox.claims());
    }

    private record Comments(CommentStore store, Opening opening) implements CommentStore {
        @Override
        public boolean add(Comment comment) {
            opening.land();
            return store.add(comment);
        }

        @Override
        public List<Comment> list(String workspaceId, String contactId, String conversationId) {
            return store.list(workspaceId, contactId, conversationId);
        }
    }

    private record Contacts(ContactStore store, Opening opening) implements ContactStore {

        private boolean pendingFor(String contactId) {
            return !opening.landed() && opening.contact().id().equals(contactId);
        }

        @Override
        public AssignmentChange assign(String ws, String contactId, String assigneeId, String effectKey, Instant at) {
            if (pendingFor(contactId)) {
                return opening.landWith(assigneeId, effectKey, at);
            }
            opening.land();
            return store.assign(ws, contactId, assigneeId, effectKey, at);
        }

        @Override
        public Optional<Contact> find(String ws, String contactId) {
            return pendingFor(contactId) ? Optional.of(opening.contact()) : store.find(ws, contactId);
        }

        @Override
        public Contact recordIncoming(String ws, IncomingContact contact, String channelId, Instant at,
                String conversationIdIfOpened) {
            opening.land();
            return store.recordIncoming(ws, contact, channelId, at, conversationIdIfOpened);
        }

        @Override
        public Contact createIfMissing(String ws, String contactId, String name, Instant at) {
            opening.land();
            return store.createIfMissing(ws, contactId, name, at);
        }

        @Override
        public Optional<Contact> recordOutgoing(String ws, String contactId, Instant at) {
            opening.land();
            return store.recordOutgoing(ws, contactId, at);
        }

        @Override
        public Optional<Contact> openConversation(String ws, String contactId, String conversationId,
                OpenedBy openedBy, Instant at) {
            opening.land();
            return store.openConversation(ws, contactId, conversationId, openedBy, at);
        }

        @Override
        public boolean close(String ws, String contactId, String conversationId, Instant at) {
            opening.land();
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
            opening.land();
            return store.link(ws, contactId, channelId, externalId);
        }

        @Override
        public TagsChange changeTags(String ws, String contactId, Set<String> add, Set<String> remove,
                String effectKey, Instant at) {
            opening.land();
            return store.changeTags(ws, contactId, add, remove, effectKey, at);
        }

        @Override
        public FieldsChange changeFields(String ws, String contactId, Map<String, String> values, String effectKey,
                Instant at) {
            opening.land();
            return store.changeFields(ws, contactId, values, effectKey, at);
        }

        @Override
        public void awaitReply(String ws, String contactId, String runId, boolean waiting) {
            opening.land();
            store.awaitReply(ws, contactId, runId, waiting);
        }
    }
}
