package io.switchboard.engine.run;

import io.switchboard.engine.step.InboxPorts;
import io.switchboard.inbox.Comment;
import io.switchboard.inbox.CommentStore;
import io.switchboard.inbox.Contact;
import io.switchboard.inbox.ContactStore;
import io.switchboard.inbox.FieldEdit;
import io.switchboard.inbox.ForwardingContactStore;
import io.switchboard.inbox.TagEdit;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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

    /** The contact store with the segment's writes of its contact held; every other call goes to the store. */
    private static final class Contacts extends ForwardingContactStore {

        private final HeldWrites held;
        private final Supplier<Contact> segmentContact;

        Contacts(ContactStore store, HeldWrites held, Supplier<Contact> segmentContact) {
            super(store);
            this.held = held;
            this.segmentContact = segmentContact;
        }

        @Override
        public AssignmentChange assign(String ws, String contactId, String assigneeId, String effectKey, Instant at) {
            Contact before = read(contactId, "an assignment");
            held.hold(new HeldWrites.Assignment(ws, contactId, assigneeId, effectKey, at, before));
            return new AssignmentChange(before.assigneeId(), assigneeId, true);
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
    }
}
