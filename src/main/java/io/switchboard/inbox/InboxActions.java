package io.switchboard.inbox;

import io.switchboard.inbox.ContactStore.AssignmentChange;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What happens in the inbox (a contact writes, an agent replies, someone assigns or closes), and the
 * events each of these tells the automation ({@link InboxEvents}).
 *
 * <p>An incoming message is processed so that any step may be repeated: the conversation it opens has
 * an id derived from the message, the trigger's run id derives from that, and the message itself is
 * stored last. A redelivery that finds the message stored is acknowledged and changes nothing; one
 * that races the first delivery repeats only idempotent writes.
 */
public final class InboxActions {

    private final ContactStore contacts;
    private final MessageStore messages;
    private final InboxEvents events;
    private final Clock clock;
    private final Outbox outbox;
    private final ArrivalReads arrivals;

    public InboxActions(ContactStore contacts, MessageStore messages, InboxEvents events, Clock clock) {
        this(contacts, messages, events, clock, (ws, channelId) -> Optional.empty());
    }

    public InboxActions(ContactStore contacts, MessageStore messages, InboxEvents events, Clock clock,
            OutboundSender.Channels senders) {
        this(contacts, messages, events, clock, senders, ArrivalReads.of(contacts, messages));
    }

    public InboxActions(ContactStore contacts, MessageStore messages, InboxEvents events, Clock clock,
            OutboundSender.Channels senders, ArrivalReads arrivals) {
        this.arrivals = arrivals;
        this.contacts = contacts;
        this.messages = messages;
        this.events = events;
        this.clock = clock;
        this.outbox = new Outbox(contacts, messages, senders, clock);
    }

    /**
     * A message from a contact, already authenticated and parsed by its channel. {@code text} is what an
     * agent reads: the message's text, a caption, or a rendering such as "[image]"; {@code attachment}
     * is null for plain text.
     */
    public record IncomingMessage(String channelId, String externalId, String contactId, String contactName,
            String text, Instant sentAt, Attachment attachment) {

        public IncomingMessage(String channelId, String externalId, String contactId, String contactName, String text,
                Instant sentAt) {
            this(channelId, externalId, contactId, contactName, text, sentAt, null);
        }
    }

    /**
     * A message the business sent to the contact outside Switchboard (from the platform's own app), as
     * the platform echoes it back. It counts as a reply.
     */
    public record OutgoingEcho(String channelId, String externalId, String contactId, String text, Instant sentAt,
            Attachment attachment) {
    }

    /** A platform's delivery report for an outgoing message, named by the platform's message id. */
    public record StatusReport(String channelId, String contactId, String platformMessageId, DeliveryStatus status,
            Instant at, String error) {
    }

    public record Received(boolean duplicate, Contact contact, boolean openedConversation) {
    }

    public Received receive(String workspaceId, IncomingMessage raw) {
        ArrivalReads.Arrival arrival = arrivals.read(workspaceId, raw.channelId(), raw.contactId(), raw.externalId());
        String contactId = arrival.contactId();
        IncomingMessage m = contactId.equals(raw.contactId()) ? raw : new IncomingMessage(raw.channelId(),
                raw.externalId(), contactId, raw.contactName(), raw.text(), raw.sentAt(), raw.attachment());
        if (arrival.duplicate()) {
            return new Received(true, arrival.contactRead() ? arrival.contact()
                    : contacts.find(workspaceId, m.contactId()).orElse(null), false);
        }
        Instant now = clock.instant();
        String conversationId = derivedId(workspaceId, m.contactId(), m.channelId(), m.externalId());
        ContactStore.IncomingContact incoming = new ContactStore.IncomingContact(m.contactId(), m.contactName());
        Contact before = arrival.contact();
        // this message opens a conversation on the contact as read: its workflows may write the opening with
        // their first write (null: the contact changed since the read, and nothing was written)
        boolean opening = arrival.contactRead() && (before == null || !before.hasOpenConversation());
        Contact contact = opening ? openingFirst(workspaceId, incoming, m, now, conversationId, before) : null;
        boolean opened;
        if (contact != null) {
            opened = true;
        } else {
            contact = arrival.contactRead() && !opening
                    ? contacts.recordIncoming(workspaceId, incoming, m.channelId(), now, conversationId, before)
                    : contacts.recordIncoming(workspaceId, incoming, m.channelId(), now, conversationId);
            opened = contact.conversation().id().equals(conversationId);
            if (opened) {
                // a redelivery finds the conversation this message opened already open: its runs may exist
                boolean firstDelivery = arrival.contactRead() && (before == null || !before.hasOpenConversation()
                        || !before.conversation().id().equals(conversationId));
                events.conversationOpened(workspaceId, contact, now, abbreviated(m.text()), firstDelivery);
            }
        }
        Contact recorded = contact;
        Conversation conversation = recorded.conversation();
        // a step waiting for this contact's message (a question, an AI agent) takes it as its reply; before the message is
        // stored, so a redelivery after a crash offers it again (a run it already resumed ignores it)
        recorded.awaitingReply().forEach(runId -> events.replyArrived(workspaceId, recorded, runId, m.text(),
                m.externalId()));
        boolean stored = messages.append(new Message(workspaceId, m.contactId(), conversation.id(), m.channelId(),
                m.externalId(), Message.Direction.INCOMING, m.contactId(), m.text(), m.sentAt(), m.attachment(), null,
                null));
        return new Received(!stored, recorded, opened);
    }

    /**
     * The first delivery of a message that opens a conversation on the contact as read: the opening is
     * handed to the triggers unwritten and written by the first write they make of the contact, or here when
     * they made none. Null when the contact changed since the read (nothing was written): the caller then
     * records the message as if the opening had never been tried.
     */
    private Contact openingFirst(String workspaceId, ContactStore.IncomingContact incoming, IncomingMessage m,
            Instant now, String conversationId, Contact before) {
        Opening opening = contacts.prepareOpening(workspaceId, incoming, m.channelId(), now, conversationId, before);
        try {
            events.conversationOpening(workspaceId, opening, now, abbreviated(m.text()));
            return opening.land();
        } catch (Opening.Refused changedSinceRead) {
            return null;
        }
    }

    /**
     * Records an echo as an outgoing message, exactly as an agent's reply: the conversation's last
     * outgoing time moves, which the Branch condition "time since last outgoing message" reads. Keyed by
     * the platform's message id, so a redelivered echo changes nothing. False when it was a duplicate or
     * the contact has no open conversation (an echo never opens one).
     */
    public boolean recordEcho(String workspaceId, OutgoingEcho raw) {
        String contactId = contactOf(workspaceId, raw.channelId(), raw.contactId());
        OutgoingEcho echo = contactId.equals(raw.contactId()) ? raw : new OutgoingEcho(raw.channelId(),
                raw.externalId(), contactId, raw.text(), raw.sentAt(), raw.attachment());
        if (messages.exists(workspaceId, echo.contactId(), echo.channelId(), echo.externalId())) {
            return false;
        }
        Instant now = clock.instant();
        Optional<Contact> updated = contacts.recordOutgoing(workspaceId, echo.contactId(), now);
        return updated.map(c -> messages.append(new Message(workspaceId, echo.contactId(), c.conversation().id(),
                echo.channelId(), echo.externalId(), Message.Direction.OUTGOING, "platform:" + echo.channelId(),
                echo.text(), echo.sentAt(), echo.attachment(), echo.externalId(), null))).orElse(false);
    }

    /**
     * A contact's edit of a message they sent: recorded on the original message only; it opens no
     * conversation, fires no trigger and answers no question. False when the original is not stored.
     */
    public boolean recordEdit(String workspaceId, String channelId, String platformContactId, String originalId,
            String text, Instant editedAt) {
        return messages.recordEdit(workspaceId, contactOf(workspaceId, channelId, platformContactId), channelId,
                originalId, text, editedAt);
    }

    /**
     * Records what the contact sent but the platform cannot show (an unsupported message kind) in their
     * open conversation, without triggers or answering a waiting question. False when no conversation
     * is open or it was recorded before.
     */
    public boolean recordNotice(String workspaceId, IncomingMessage raw) {
        String contactId = contactOf(workspaceId, raw.channelId(), raw.contactId());
        Optional<Contact> contact = contacts.find(workspaceId, contactId);
        if (contact.isEmpty() || !contact.get().hasOpenConversation()
                || messages.exists(workspaceId, contactId, raw.channelId(), raw.externalId())) {
            return false;
        }
        return messages.append(new Message(workspaceId, contactId, contact.get().conversation().id(), raw.channelId(),
                raw.externalId(), Message.Direction.INCOMING, contactId, raw.text(), raw.sentAt(), raw.attachment(), null,
                null));
    }

    /** Records a delivery report on its message; never opens a conversation. False when nothing changed. */
    public boolean recordStatus(String workspaceId, StatusReport report) {
        return messages.recordStatus(workspaceId, contactOf(workspaceId, report.channelId(), report.contactId()),
                report.channelId(), report.platformMessageId(),
                report.status(), report.at(), report.error());
    }

    /**
     * An agent's reply, sent through the platform of the conversation's channel when that channel sends
     * (the custom channel only records it). {@code messageId} is the caller's id for the message;
     * sending it again changes nothing. The message is recorded only after the platform accepted it, so
     * a refused send ({@link OutboundSender.SendFailed}) leaves the conversation as it was. Empty when the
     * contact has no open conversation.
     */
    public Optional<Contact> reply(String workspaceId, String contactId, String agentId, String text,
            String messageId) {
        return contacts.find(workspaceId, contactId).flatMap(contact -> reply(workspaceId, contact, agentId, text, messageId));
    }

    /**
     * As {@link #reply(String, String, String, String, String)} with the contact as the caller just read it, so
     * that a reply reads it once: the send's own writes are conditional, and the conversation it is recorded on
     * is the one read here.
     */
    public Optional<Contact> reply(String workspaceId, Contact contact, String agentId, String text, String messageId) {
        if (!contact.hasOpenConversation()) {
            return Optional.empty();
        }
        return outbox.send(workspaceId, contact, agentId, text, messageId).or(() -> Optional.of(contact));
    }

    /** Assigns or ({@code agentId == null}) unassigns; {@code requestId} makes a retried call a no-op. */
    public AssignmentChange assign(String workspaceId, String contactId, String agentId, String requestId) {
        return contacts.assign(workspaceId, contactId, agentId, "api:" + requestId, clock.instant());
    }

    /**
     * Adds and removes a contact's tags and fires Contact Tag Updated for each tag that actually
     * changed; {@code requestId} makes a retried call a no-op.
     */
    public ContactStore.TagsChange changeTags(String workspaceId, String contactId, Set<String> add,
            Set<String> remove, String requestId, String source) {
        String key = "api:" + requestId;
        Instant now = clock.instant();
        ContactStore.TagsChange change = contacts.changeTags(workspaceId, contactId, add, remove, key, now);
        events.tagsChanged(workspaceId, change, key, source, now);
        return change;
    }

    /**
     * Sets (null: removes) a contact's fields and fires Contact Field Updated for each field whose
     * value actually changed; {@code requestId} makes a retried call a no-op.
     */
    public ContactStore.FieldsChange changeFields(String workspaceId, String contactId, Map<String, String> values,
            String requestId, String source) {
        String key = "api:" + requestId;
        Instant now = clock.instant();
        ContactStore.FieldsChange change = contacts.changeFields(workspaceId, contactId, values, key, now);
        events.fieldsChanged(workspaceId, change, key, source, now);
        return change;
    }

    /** Closes the contact's open conversation and fires Conversation Closed; false when none was open. */
    public boolean close(String workspaceId, String contactId, String closedBy) {
        return contacts.find(workspaceId, contactId).map(contact -> close(workspaceId, contact, closedBy)).orElse(false);
    }

    /**
     * As {@link #close(String, String, String)} with the contact as the caller just read it, so that a close
     * reads it once: the close's write is conditional on that conversation being the open one.
     */
    public boolean close(String workspaceId, Contact contact, String closedBy) {
        if (!contact.hasOpenConversation()) {
            return false;
        }
        String contactId = contact.id();
        Conversation conversation = contact.conversation();
        Instant now = clock.instant();
        boolean closed = contacts.close(workspaceId, contactId, conversation.id(), now);
        if (closed) {
            events.conversationClosed(workspaceId, contactId, conversation.id(), closedBy, now);
        }
        return closed;
    }

    /**
     * The opening message as trigger data ({@code $trigger.message}), kept short: every run of the
     * conversation's workflows carries its trigger data, and a run item over 1 KB costs a second write unit.
     */
    static final int MAX_TRIGGER_MESSAGE = 500;

    private static String abbreviated(String text) {
        String value = text == null ? "" : text;
        return value.length() <= MAX_TRIGGER_MESSAGE ? value : value.substring(0, MAX_TRIGGER_MESSAGE);
    }

    /** The contact a platform identity belongs to: the one it was linked to, or the identity itself. */
    private String contactOf(String workspaceId, String channelId, String platformId) {
        return contacts.linkedContact(workspaceId, channelId, platformId).orElse(platformId);
    }

    /** What became of a request to link an identity to a contact. */
    public enum Linking {
        LINKED,
        /** The identity is a contact of its own, with its own conversations: merging is not supported. */
        IS_ANOTHER_CONTACT,
        /** The identity is already linked to another contact. */
        LINKED_ELSEWHERE
    }

    /**
     * Links the contact's identity on another channel (their Messenger id, say, to the contact who
     * writes on WhatsApp): messages and echoes from that identity then belong to this contact, and
     * replies on that channel are addressed to it. Linking it again to the same contact is a no-op.
     */
    public Linking link(String workspaceId, String contactId, String channelId, String externalId) {
        if (!externalId.equals(contactId) && contacts.find(workspaceId, externalId).isPresent()) {
            return Linking.IS_ANOTHER_CONTACT;
        }
        return contacts.link(workspaceId, contactId, channelId, externalId) ? Linking.LINKED : Linking.LINKED_ELSEWHERE;
    }

    /** Message ids are unique per contact and channel at best, so the contact is part of the name. */
    static String derivedId(String workspaceId, String contactId, String channelId, String externalId) {
        String name = workspaceId + "|" + contactId + "|" + channelId + "|" + externalId;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
