package io.switchboard.engine;

import io.switchboard.inbox.DeliveryStatus;
import io.switchboard.inbox.Message;
import io.switchboard.inbox.MessageStore;
import io.switchboard.inbox.OutboundSender;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The conversation's messages and a platform that accepts every send, in memory, for the engine tier
 * only. {@link #sent} is what the contact received, in order; {@link #refuseNext} makes the platform
 * refuse the next send, as a closed messaging window does.
 */
final class InMemoryMessages implements MessageStore, OutboundSender, OutboundSender.Channels {

    private final Map<String, Message> stored = new LinkedHashMap<>();
    /** What reached the contact: "recipient: text", and the choices offered as buttons, if any. */
    final List<String> sent = new ArrayList<>();
    final List<Choices> choices = new ArrayList<>();
    private SendFailed refuseNext;

    void refuseNext(SendFailed failure) {
        refuseNext = failure;
    }

    private static String key(String contactId, String channelId, String externalId) {
        return contactId + "|" + channelId + "|" + externalId;
    }

    @Override
    public boolean exists(String ws, String contactId, String channelId, String externalId) {
        return stored.containsKey(key(contactId, channelId, externalId));
    }

    @Override
    public boolean append(Message m) {
        return stored.putIfAbsent(key(m.contactId(), m.channelId(), m.externalId()), m) == null;
    }

    @Override
    public List<Message> list(String ws, String contactId) {
        // as the store lists them: by time sent, ties in key order
        return stored.entrySet().stream().filter(e -> e.getValue().contactId().equals(contactId))
                .sorted(Map.Entry.comparingByKey()).map(Map.Entry::getValue)
                .sorted(java.util.Comparator.comparing(Message::sentAt)).toList();
    }

    @Override
    public void confirmSent(String ws, String contactId, String channelId, String externalId, String platformId) {
    }

    @Override
    public void discardUnsent(String ws, String contactId, String channelId, String externalId) {
        stored.remove(key(contactId, channelId, externalId));
    }

    @Override
    public boolean recordStatus(String ws, String contactId, String channelId, String platformMessageId,
            DeliveryStatus status, Instant at, String error) {
        return false;
    }

    // --- the platform
    @Override
    public Optional<OutboundSender> forChannel(String ws, String channelId) {
        return Optional.of(this);
    }

    @Override
    public Sent send(String recipientId, String text, String messageId) {
        if (refuseNext != null) {
            SendFailed failure = refuseNext;
            refuseNext = null;
            throw failure;
        }
        sent.add(recipientId + ": " + text);
        return new Sent("p-" + sent.size());
    }

    @Override
    public Sent send(String recipientId, String text, Choices offered, String messageId) {
        Sent result = send(recipientId, text, messageId);
        choices.add(offered);
        return result;
    }
}
