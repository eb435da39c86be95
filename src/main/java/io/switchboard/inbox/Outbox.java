package io.switchboard.inbox;

import java.time.Clock;
import java.util.Optional;

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
        String contactId = contact.id();
        if (messages.exists(workspaceId, contactId, SOURCE, messageId)) {
            return Optional.empty();
        }
        // The message is stored before it is sent: of two concurrent deliveries of the same message only
        // the one that stored it sends it. A refused send removes it again so that a retry can send.
        String channelId = contact.conversation().channelId();
        if (!messages.append(new Message(workspaceId, contactId, contact.conversation().id(), SOURCE, messageId,
                Message.Direction.OUTGOING, author, text, clock.instant(), null, null, null))) {
            return Optional.empty();
        }
        String platformMessageId;
        try {
            String address = contacts.addressOn(workspaceId, contactId, channelId).orElse(contactId);
            platformMessageId = senders.forChannel(workspaceId, channelId)
                    .map(sender -> (choices == null ? sender.send(address, text, messageId)
                            : sender.send(address, text, choices, messageId)).platformMessageId())
                    .orElse(null);
        } catch (RuntimeException refusedOrUnreachable) {
            messages.discardUnsent(workspaceId, contactId, SOURCE, messageId);
            throw refusedOrUnreachable;
        }
        messages.confirmSent(workspaceId, contactId, SOURCE, messageId, platformMessageId);
        return contacts.recordOutgoing(workspaceId, contactId, clock.instant());
    }
}
