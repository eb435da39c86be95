package io.switchboard.engine.run;

import io.switchboard.engine.step.InboxPorts;
import io.switchboard.inbox.Contact;
import io.switchboard.inbox.ContactStore;
import io.switchboard.inbox.ForwardingContactStore;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * The inbox as a wake-up's steps see it before the run is claimed when wake-ups write without a
 * transaction: each step writes the inbox itself, keyed by its effect key, and an assignment of the
 * segment's contact is made only if the contact is still as the wake-up read it
 * ({@link ContactStore#assignAsRead}). Only steps that repeat harmlessly run here (the engine claims the run
 * before any other), so a second delivery of the wake-up that works out the same steps finds its effects
 * made and changes nothing, and one whose read went stale is refused and works the wake-up out again.
 */
final class GuardedInbox {

    private GuardedInbox() {
    }

    /**
     * {@code segmentContact}: the contact as the segment holds it (null when it has not read it); {@code stepPath}:
     * the place of the step these ports are for, recorded with its assignment ({@link io.switchboard.inbox.WakeUpMark}).
     */
    static InboxPorts over(InboxPorts inbox, Supplier<Contact> segmentContact, String stepPath) {
        return new InboxPorts(new Contacts(inbox.contacts(), segmentContact, stepPath), inbox.directory(), inbox.comments(),
                inbox.outbox(), inbox.http(), inbox.messages(), inbox.ai(), inbox.sheets(), inbox.claims());
    }

    private static final class Contacts extends ForwardingContactStore {

        private final Supplier<Contact> segmentContact;
        private final String stepPath;

        Contacts(ContactStore store, Supplier<Contact> segmentContact, String stepPath) {
            super(store);
            this.segmentContact = segmentContact;
            this.stepPath = stepPath;
        }

        @Override
        public AssignmentChange assign(String ws, String contactId, String assigneeId, String effectKey, Instant at) {
            Contact before = segmentContact.get();
            if (before == null || !before.id().equals(contactId)) {
                // a contact the segment did not read: nothing to guard the write with, so claim the run first
                throw new HeldWrites.MustClaim("an assignment of a contact the segment did not read");
            }
            return store.assignAsRead(ws, contactId, assigneeId, effectKey, at, before, stepPath);
        }
    }
}
