package io.switchboard.engine.run;

import io.switchboard.engine.step.InboxPorts;
import io.switchboard.inbox.Comment;
import io.switchboard.inbox.CommentStore;
import io.switchboard.inbox.Contact;
import io.switchboard.inbox.ContactStore;
import io.switchboard.inbox.ForwardingContactStore;
import io.switchboard.inbox.Opening;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The inbox as a first delivery's steps see it while the conversation its message opens is not written yet
 * ({@link Opening}): the contact reads as opened (and assigned, once a step assigned it), its first assignment
 * waits to be written with the opening, and every other write lands the opening (with that assignment) first,
 * so nothing is ever written about a conversation that is not. Only steps that repeat harmlessly run here (the
 * run's create lands the opening before any other, or with the run), so only the contact and comment ports
 * need to know.
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

    /** The contact store with the opening: reads see the contact opened, and any write lands the opening first. */
    private static final class Contacts extends ForwardingContactStore {

        private final Opening opening;

        Contacts(ContactStore store, Opening opening) {
            super(store);
            this.opening = opening;
        }

        private boolean pendingFor(String contactId) {
            return !opening.landed() && opening.contact().id().equals(contactId);
        }

        @Override
        protected void beforeWrite() {
            opening.land();
        }

        @Override
        public AssignmentChange assign(String ws, String contactId, String assigneeId, String effectKey, Instant at) {
            // a second assignment lands the opening with the first, then writes itself
            return pendingFor(contactId) && !opening.assignmentPending()
                    ? opening.assignWithOpening(assigneeId, effectKey, at)
                    : super.assign(ws, contactId, assigneeId, effectKey, at);
        }

        @Override
        public int openContactsOf(String ws, String agentId) {
            if (opening.assignmentPending()) {
                opening.land(); // the count must include the assignment decided on the opening
            }
            return super.openContactsOf(ws, agentId);
        }

        @Override
        public Optional<Contact> find(String ws, String contactId) {
            return pendingFor(contactId) ? Optional.of(opening.contact()) : super.find(ws, contactId);
        }
    }
}
