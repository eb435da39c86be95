package io.switchboard.inbox;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * Sends a message to a contact through the channel of their open conversation and records it as an
 * outgoing message: an agent's reply and a workflow's Send a Message go out the same way. The custom
 * channel only records the message.
 */
public final class Outbox {

    /** Where messages sent through Switchboard are recorded, keyed by the sender's id for them. */
    static final String SOURCE = "api";

    private final ContactStore contacts;
    private final MessageStore messages;
    private final OutboundSender.Channels senders;
    private final Clock clock;

    public Outbox(ContactStore contacts, MessageStore messages, OutboundSender.Channels senders, Clock clock) {
        this.contacts = contacts;
        this.messages = messages;
        this.senders = senders;
        this.clock = clock;
    }

    /**
     * Sends {@code text} on {@code contact}'s open conversation. {@code messageId} is the idempotency
     * key: a message already stored under it is not sent again (empty result). The contact, with its
     * last outgoing time moved, when this call sent it.
     *
     * @throws OutboundSender.SendFailed when the platform refused the message; nothing stays recorded
     */
    public Optional<Contact> send(String workspaceId, Contact contact, String author, String text, String messageId) {
        return send(workspaceId, contact, author, text, null, messageId);
    }

    /**
     * As {@link #send(String, Contact, String, String, String)}, offering {@code choices} as buttons on
     * platforms that have them; {@code text} (the question with its answers listed) is what is recorded.
     */
    public Optional<Contact> send(String workspaceId, Contact contact, String author, String text,
            OutboundSender.Choices choices, String messageId) {
        String channelId = contact.conversation().channelId();
        return deliver(workspaceId, contact, channelId, author, text, null, messageId, sender -> {
            String address = contacts.addressOn(workspaceId, contact.id(), channelId).orElse(contact.id());
            return choices == null ? sender.send(address, text, messageId) : sender.send(address, text, choices, messageId);
        });
    }

    /** Was a message with this id sent (or is it being sent) already? */
    public boolean alreadySent(String workspaceId, String contactId, String messageId) {
        return messages.exists(workspaceId, contactId, SOURCE, messageId);
    }

    /**
     * Where a workflow's message to the contact goes: {@code channelId}, or the channel the contact last
     * wrote from when it is null; the contact's identity there; and when the platform's reply window
     * closes (null: the channel has none). A channel with a window where the contact never wrote counts
     * as closed.
     *
     * @throws NoRoute when there is no such channel or the contact has no identity on it
     */
    public Route route(String workspaceId, Contact contact, String channelId) {
        String channel = channelId != null ? channelId : contact.lastInteractedChannel().orElseThrow(() -> new NoRoute(
                "no_last_interacted_channel", "the contact has not written from any channel yet"));
        Optional<String> type = senders.typeOf(workspaceId, channel);
        if (channelId != null && type.isEmpty()) {
            throw new NoRoute("unknown_channel", "channel " + channelId + " is not connected to this workspace");
        }
        // the contact's identity: a linked one, or the contact's own id on a channel it wrote from (or began on)
        boolean reachedUsThere = contact.lastIncomingOn(channel).isPresent() || contact.conversation() != null
                && channel.equals(contact.conversation().channelId());
        String address = contacts.addressOn(workspaceId, contact.id(), channel)
                .or(() -> reachedUsThere ? Optional.of(contact.id()) : Optional.empty())
                .orElseThrow(() -> new NoRoute("no_identity_on_channel", "the contact has no identity on channel "
                        + channel + type.map(t -> " (" + t + ")").orElse("")
                        + ": they never wrote from it and were not linked to it"));
        Instant windowClosesAt = senders.forChannel(workspaceId, channel).flatMap(OutboundSender::replyWindow)
                .map(window -> contact.lastIncomingOn(channel).map(at -> at.plus(window)).orElse(Instant.EPOCH))
                .orElse(null);
        return new Route(channel, type.orElse(null), address, windowClosesAt);
    }

    /**
     * Sends {@code content} along {@code route} and records it on the contact's open conversation, once
     * per {@code messageId} as {@link #send(String, Contact, String, String, String)} does.
     *
     * @throws OutboundSender.SendFailed when the platform refused the message; nothing stays recorded
     */
    public Optional<Contact> send(String workspaceId, Contact contact, Route route, String author,
            OutgoingContent content, String messageId) {
        Attachment attachment = content instanceof OutgoingContent.Media media
                ? new Attachment(media.kind().wireName(), media.url(), null) : null;
        return deliver(workspaceId, contact, route.channelId(), author, content.recorded(), attachment, messageId,
                sender -> sender.send(route.address(), content, messageId));
    }

    private Optional<Contact> deliver(String workspaceId, Contact contact, String channelId, String author,
            String recordedText, Attachment attachment, String messageId,
            Function<OutboundSender, OutboundSender.Sent> sending) {
        String contactId = contact.id();
        // The message is stored before it is sent: of two concurrent deliveries of the same message only
        // the one that stored it sends it, and one sent already (a retried call) is refused by the same
        // conditional write, so no read comes first: a repeat is rare, a first send is every send. A refused
        // send removes it again so that a retry can send.
        if (!messages.append(new Message(workspaceId, contactId, contact.conversation().id(), SOURCE, messageId,
                Message.Direction.OUTGOING, author, recordedText, clock.instant(), attachment, null, null))) {
            return Optional.empty();
        }
        String platformMessageId;
        try {
            platformMessageId = senders.forChannel(workspaceId, channelId)
                    .map(sending).map(OutboundSender.Sent::platformMessageId).orElse(null);
        } catch (RuntimeException refusedOrUnreachable) {
            messages.discardUnsent(workspaceId, contactId, SOURCE, messageId);
            throw refusedOrUnreachable;
        }
        messages.confirmSent(workspaceId, contactId, SOURCE, messageId, platformMessageId);
        return contacts.recordOutgoing(workspaceId, contactId, clock.instant());
    }

    /**
     * The channel a message goes out on, its type ({@code whatsapp}, {@code custom}; null when unknown),
     * the contact's identity there, and when the platform's reply window closes (null: no window).
     */
    public record Route(String channelId, String channelType, String address, Instant windowClosesAt) {

        public boolean windowOpenAt(Instant now) {
            return windowClosesAt == null || now.isBefore(windowClosesAt);
        }
    }

    /** A message that has nowhere to go; {@code code} is a stable name for the reason. */
    public static final class NoRoute extends RuntimeException {
        private final String code;

        public NoRoute(String code, String message) {
            super(message);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }
}
