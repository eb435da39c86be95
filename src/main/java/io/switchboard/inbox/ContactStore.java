package io.switchboard.inbox;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Contacts with their current conversation. Every write is safe to repeat. */
public interface ContactStore {

    Optional<Contact> find(String workspaceId, String contactId);

    /**
     * Records a message from the contact: creates the contact if new, and opens a conversation with
     * id {@code conversationIdIfOpened} when none is open. Repeating the call with the same arguments
     * returns the same conversation, so a retried webhook cannot open a second one.
     */
    Contact recordIncoming(String workspaceId, IncomingContact contact, String channelId, Instant at,
            String conversationIdIfOpened);

    /**
     * As {@link #recordIncoming(String, IncomingContact, String, Instant, String)}, given the contact as
     * it was just read ({@code known}; null when not stored), so a store can choose its write at once.
     */
    default Contact recordIncoming(String workspaceId, IncomingContact contact, String channelId, Instant at,
            String conversationIdIfOpened, Contact known) {
        return recordIncoming(workspaceId, contact, channelId, at, conversationIdIfOpened);
    }

    /**
     * The conversation a message opens when the contact as just read ({@code known}; null when not stored)
     * has none open, not written yet: see {@link Opening}. A store that can write an opening and an
     * assignment in one write does; the default lands them as two.
     */
    default Opening prepareOpening(String workspaceId, IncomingContact contact, String channelId, Instant at,
            String conversationId, Contact known) {
        return Opening.inTwoWrites(this, workspaceId, contact, channelId, at, conversationId, known);
    }

    /**
     * The contact, created without a conversation when it does not exist yet (an Incoming Webhook
     * names a contact who never wrote). Safe to repeat: an existing contact is returned unchanged.
     */
    Contact createIfMissing(String workspaceId, String contactId, String name, Instant at);

    /** Records an outgoing message on the open conversation; empty when no conversation is open. */
    Optional<Contact> recordOutgoing(String workspaceId, String contactId, Instant at);

    /**
     * Sets the assignee ({@code null} unassigns). {@code effectKey} names the one change this call
     * makes: a second call with the same key changes nothing and reports the assignment made first,
     * with the assignee it replaced.
     */
    AssignmentChange assign(String workspaceId, String contactId, String assigneeId, String effectKey, Instant at);

    /**
     * As {@link #assign}, made only if the contact is still as {@code asRead} shows it: the same assignee, tags
     * and fields, and the same conversation with no message in or out since (what a wake-up's Branch decided on).
     * A repeat of {@code effectKey} reports the assignment made first, as {@link #assign} does, whatever
     * changed since. The same write records {@code effectKey} and {@code stepPath} as the contact's
     * {@link Contact#wakeUpMark()}: where the wake-up that made it had got to.
     *
     * @throws ChangedSinceRead when the contact moved on since the read: nothing was written
     */
    AssignmentChange assignAsRead(String workspaceId, String contactId, String assigneeId, String effectKey, Instant at,
            Contact asRead, String stepPath);

    /**
     * Opens conversation {@code conversationId} for the contact when none is open, on the channel of
     * its last conversation. Returns the contact when that conversation is open (now, or by an earlier
     * call with the same id); empty when another conversation is open.
     */
    Optional<Contact> openConversation(String workspaceId, String contactId, String conversationId,
            OpenedBy openedBy, Instant at);

    /** Closes the open conversation {@code conversationId}; false when it is not open any more. */
    boolean close(String workspaceId, String contactId, String conversationId, Instant at);

    /** Open conversations currently assigned to this agent: the load that "least open contacts" balances. */
    int openContactsOf(String workspaceId, String agentId);

    /**
     * The contact a platform identity on a channel was linked to (one person reaching the business on
     * WhatsApp and Messenger is one contact); empty when it was never linked, and the platform's id is
     * then the contact's id.
     */
    Optional<String> linkedContact(String workspaceId, String channelId, String externalId);

    /** The contact's identity on a channel it was linked to; empty when it has none there. */
    Optional<String> addressOn(String workspaceId, String contactId, String channelId);

    /**
     * Links a platform identity on a channel to the contact. False when that identity already belongs
     * to another contact; linking the same pair again is a no-op that returns true.
     */
    boolean link(String workspaceId, String contactId, String channelId, String externalId);

    /**
     * Adds and removes tags. {@code effectKey} names the one change this call makes: a second call with
     * the same key changes nothing and reports the change made first, so the triggers it fires can be
     * fired again with the same event ids.
     */
    TagsChange changeTags(String workspaceId, String contactId, Set<String> add, Set<String> remove,
            String effectKey, Instant at);

    /**
     * Sets contact fields; a null value removes the field. Keyed by {@code effectKey} as
     * {@link #changeTags}. The change lists only fields whose value actually changed.
     */
    FieldsChange changeFields(String workspaceId, String contactId, Map<String, String> values, String effectKey,
            Instant at);

    /**
     * Marks ({@code waiting} true) or unmarks a run as waiting for the contact's next message. Both are
     * safe to repeat; marking a contact that does not exist does nothing.
     */
    void awaitReply(String workspaceId, String contactId, String runId, boolean waiting);

    /** Tags a call actually added and removed, and the contact after it. */
    record TagsChange(Set<String> added, Set<String> removed, Contact contact) {
        public boolean changedSomething() {
            return !added.isEmpty() || !removed.isEmpty();
        }
    }

    /** Fields a call actually changed, with their new values (null: removed), and the contact after it. */
    record FieldsChange(Map<String, String> changed, Contact contact) {
    }

    /** Contact details carried by an incoming message. */
    record IncomingContact(String id, String name) {
    }

    /** What an assignment did: who had it before, who has it now, and whether this call changed it. */
    record AssignmentChange(String previousAssigneeId, String assigneeId, boolean applied) {
    }
}
