package io.switchboard.engine.run;

import io.switchboard.engine.step.InboxPorts;
import io.switchboard.inbox.Comment;
import io.switchboard.inbox.CommentStore;
import io.switchboard.inbox.Contact;
import io.switchboard.inbox.ContactStore;
import io.switchboard.inbox.FieldEdit;
import io.switchboard.inbox.OpenedBy;
import io.switchboard.inbox.TagEdit;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The inbox as a wake-up's steps see it before the run is claimed: a write of the segment's contact (an
 * assignment, the close of its conversation, a change of its tags or fields) and comments are held in
 * {@link HeldWrites} and answered as the stores would answer a first write; reads and every other write go
 * to the stores. The steps that run unclaimed are only those that hold their writes (the engine claims
 * before any other), so nothing but those is written here.
 */
final class HoldingInbox {

    private HoldingInbox() {
    }

    /** {@code segmentContact}: the contact as the segment holds it (null when it has not read it). */
    static InboxPorts over(InboxPorts inbox, HeldWrites held, Supplier<Contact> segmentContact) {
        return new InboxPorts(new Contacts(inbox.contacts(), held, segmentContact), inbox.directory(),
                new Comments(inbox.comments(), held), inbox.outbox(), inbox.http(), inbox.messages(), inbox.ai(),
                inbox.sheets(), inbox.claims());
    }

    private record Comments(CommentStore store, HeldWrites held) implements CommentStore {
        @Override
        public boolean add(Comment comment) {
            held.hold(comment);
            return true;
        }

        @Override
        public List<Comment> list(String workspaceId, String contactId, String conversationId) {
            return store.list(workspaceId, contactId, conversationId);
        }
    }

    private record Contacts(ContactStore store, HeldWrites held, Supplier<Contact> segmentContact)
            implements ContactStore {

        @Override
        public AssignmentChange assign(String ws, String contactId, String assigneeId, String effectKey, Instant at) {
            Contact before = read(contactId, "an assignment");
            held.hold(new HeldWrites.Assignment(ws, contactId, assigneeId, effectKey, at, before));
            return new AssignmentChange(before.assigneeId(), assigneeId, true);
        }

        @Override
        public Optional<Contact> find(String ws, String contactId) {
            return store.find(ws, contactId);
        }

        @Override
        public Contact recordIncoming(String ws, IncomingContact contact, String channelId, Instant at,
                String conversationIdIfOpened) {
            return store.recordIncoming(ws, contact, channelId, at, conversationIdIfOpened);
        }

        @Override
        public Contact createIfMissing(String ws, String contactId, String name, Instant at) {
            return store.createIfMissing(ws, contactId, name, at);
        }

        @Override
        public Optional<Contact> recordOutgoing(String ws, String contactId, Instant at) {
            return store.recordOutgoing(ws, contactId, at);
        }

        @Override
        public Optional<Contact> openConversation(String ws, String contactId, String conversationId,
                OpenedBy openedBy, Instant at) {
            return store.openConversation(ws, contactId, conversationId, openedBy, at);
        }

        @Override
        public boolean close(String ws, String contactId, String conversationId, Instant at) {
            Contact before = read(contactId, "a close");
            if (!before.hasOpenConversation() || !before.conversation().id().equals(conversationId)) {
                return false; // as the store answers: that conversation is not open
            }
            held.hold(new HeldWrites.Close(ws, contactId, conversationId, at, before));
            return true;
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
            return store.link(ws, contactId, channelId, externalId);
        }

        @Override
        public TagsChange changeTags(String ws, String contactId, Set<String> add, Set<String> remove,
                String effectKey, Instant at) {
            Contact before = read(contactId, "a tag change");
            TagEdit edit = TagEdit.of(before.tags(), add, remove);
            held.hold(new HeldWrites.Tags(ws, contactId, edit, effectKey, at, before));
            return new TagsChange(edit.added(), edit.removed(), before.withTags(edit.after()));
        }

        @Override
        public FieldsChange changeFields(String ws, String contactId, Map<String, String> values, String effectKey,
                Instant at) {
            Contact before = read(contactId, "a field change");
            FieldEdit edit = FieldEdit.of(before.fields(), values);
            held.hold(new HeldWrites.Fields(ws, contactId, edit, effectKey, at, before));
            return new FieldsChange(edit.changed(), before.withFields(edit.after()));
        }

        /** The contact as the segment read it; a write of any other makes the engine claim first. */
        private Contact read(String contactId, String what) {
            Contact before = segmentContact.get();
            if (before == null || !before.id().equals(contactId)) {
                throw new HeldWrites.MustClaim(what + " of a contact the segment did not read");
            }
            return before;
        }

        @Override
        public void awaitReply(String ws, String contactId, String runId, boolean waiting) {
            store.awaitReply(ws, contactId, runId, waiting);
        }
    }
}
