package io.switchboard.inbox;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A conversation that a contact's message opens, worked out on the contact as the arrival read it and
 * not written yet. On the opening message's first delivery the workflows it triggers run on the contact as
 * {@link #contact() it will be}, and the first of them to assign the contact has the assignment written with
 * the opening ({@link #assignWithOpening}): by the run's first write where the store can keep the run in the
 * contact's record, else by the opening's own write ({@link #land}), which any other write makes first,
 * and so does the arrival itself when nothing did. So the headline ingress opens, assigns and stores its
 * waiting run with one write of the contact.
 *
 * <p>The write is conditional on the contact as read. When the contact changed meanwhile (another message
 * of theirs opened a conversation first, an agent assigned them) it is {@link Refused}: nothing was
 * written, and the arrival is handled again the way it was before openings were deferred (the opening
 * written first, then the triggers).
 */
public abstract class Opening {

    /** An assignment decided on the opening and not written yet: it goes with the opening's write. */
    public record Assignment(String assigneeId, String effectKey, Instant at) {
    }

    private Contact contact;
    private boolean landed;
    private Assignment pending;

    protected Opening(Contact predicted) {
        this.contact = predicted;
    }

    /** The contact with the conversation open: as it will be written until it is, then as written. */
    public final Contact contact() {
        return contact;
    }

    public final boolean landed() {
        return landed;
    }

    /** The conversation this message opens. */
    public final String conversationId() {
        return contact.conversation().id();
    }

    /** True while an assignment waits to be written with the opening. */
    public final boolean assignmentPending() {
        return pending != null;
    }

    /** Writes the opening (with the assignment decided on it, if any) alone, once; the contact as written. */
    public final Contact land() {
        if (!landed) {
            landAs(pending == null ? write() : writeWithAssignment(pending.assigneeId(), pending.effectKey(),
                    pending.at()));
        }
        return contact;
    }

    /**
     * Assigns the contact to {@code assigneeId} (null: unassigned), keyed by {@code effectKey} as
     * {@link ContactStore#assign} keys it, with the opening: the assignment waits for the opening's write
     * ({@link #land}, or a store's write that carries more, such as the first write of the run that decided
     * it), so the opening, the assignment and that write are one. Only before it landed, once.
     */
    public final ContactStore.AssignmentChange assignWithOpening(String assigneeId, String effectKey, Instant at) {
        if (landed || pending != null) {
            throw new IllegalStateException("the opening of " + conversationId() + " is assigned or written already");
        }
        String previous = contact.assigneeId();
        pending = new Assignment(assigneeId, effectKey, at);
        contact = contact.withAssignee(assigneeId);
        return new ContactStore.AssignmentChange(previous, assigneeId, true);
    }

    /** Writes the opening together with the contact's assignment at once: {@link #assignWithOpening}, then {@link #land}. */
    public final ContactStore.AssignmentChange landWith(String assigneeId, String effectKey, Instant at) {
        ContactStore.AssignmentChange change = assignWithOpening(assigneeId, effectKey, at);
        land();
        return new ContactStore.AssignmentChange(change.previousAssigneeId(), contact.assigneeId(), true);
    }

    /** The assignment waiting for the opening's write; null when none. For a store writing more with it. */
    protected final Assignment pendingAssignment() {
        return pending;
    }

    /** A store's write of the opening (and of its pending assignment) landed: the contact as written. */
    protected final void landAs(Contact written) {
        contact = written;
        landed = true;
        pending = null;
    }

    /** The opening's write, conditional on the contact as read; the contact as written. */
    protected abstract Contact write() throws Refused;

    /** The opening and the assignment in one write, conditional as {@link #write}; the contact as written. */
    protected abstract Contact writeWithAssignment(String assigneeId, String effectKey, Instant at) throws Refused;

    /** The contact changed since the arrival read it: nothing was written. */
    public static final class Refused extends RuntimeException {
        public Refused(String conversationId) {
            super("contact changed before conversation " + conversationId + " was opened", null, false, false);
        }
    }

    /**
     * The contact {@code known} (null: not stored yet) once a message from {@code incoming} on
     * {@code channelId} at {@code at} opened conversation {@code conversationId}: as every contact store
     * writes an opening.
     */
    public static Contact opened(String workspaceId, Contact known, ContactStore.IncomingContact incoming,
            String channelId, Instant at, String conversationId) {
        String name = incoming.name() != null ? incoming.name()
                : known != null && known.name() != null ? known.name() : incoming.id();
        Map<String, Instant> lastIncoming = new HashMap<>(known == null ? Map.of() : known.lastIncomingByChannel());
        lastIncoming.put(channelId, at);
        return new Contact(workspaceId, incoming.id(), name, known == null ? Map.of() : known.fields(),
                known == null ? Set.of() : known.tags(), known == null ? null : known.assigneeId(),
                new Conversation(conversationId, ConversationStatus.OPEN, OpenedBy.CONTACT, channelId, at, null, at, null),
                known == null ? Set.of() : known.awaitingReply(), lastIncoming, null,
                known == null ? null : known.keptRunId());
    }

    /**
     * An opening written as two writes when it lands with an assignment: for stores that cannot write both
     * at once. Refused when the write finds another conversation open.
     */
    static Opening inTwoWrites(ContactStore store, String workspaceId, ContactStore.IncomingContact incoming,
            String channelId, Instant at, String conversationId, Contact known) {
        return new Opening(opened(workspaceId, known, incoming, channelId, at, conversationId)) {
            @Override
            protected Contact write() {
                Contact written = store.recordIncoming(workspaceId, incoming, channelId, at, conversationId, known);
                if (!written.conversation().id().equals(conversationId)) {
                    throw new Refused(conversationId);
                }
                return written;
            }

            @Override
            protected Contact writeWithAssignment(String assigneeId, String effectKey, Instant at2) {
                Contact written = write();
                return written.withAssignee(store.assign(workspaceId, incoming.id(), assigneeId, effectKey, at2)
                        .assigneeId());
            }
        };
    }
}
