package io.switchboard.engine;

import io.switchboard.inbox.DeliveryStatus;
import io.switchboard.inbox.Message;
import io.switchboard.inbox.MessageStore;
import io.switchboard.inbox.OutboundSender;
import io.switchboard.inbox.OutgoingContent;
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
    /** The workflow messages sent, as the platform received them. */
    final List<OutgoingContent> contents = new ArrayList<>();
    /** Channel types by channel id ({@code whatsapp}); a channel not named here has no known type. */
    final Map<String, String> channelTypes = new LinkedHashMap<>();
    /** Channels whose platform has a 24-hour reply window, as WhatsApp and Messenger do. */
    final java.util.Set<String> windowed = new java.util.HashSet<>();
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
        Message m = stored.get(key(contactId, channelId, externalId));
        if (platformId != null && m != null) {
            stored.put(key(contactId, channelId, externalId), withPlatform(m, platformId, m.status()));
        }
    }

    /** Like the store's conditional delete: a message the platform accepted stays. */
    @Override
    public void discardUnsent(String ws, String contactId, String channelId, String externalId) {
        stored.computeIfPresent(key(contactId, channelId, externalId), (k, m) -> m.platformMessageId() == null ? null : m);
    }

    /** Found by the platform's id (a message we sent) or as the platform's own message (an echo); only moves up. */
    @Override
    public boolean recordStatus(String ws, String contactId, String channelId, String platformMessageId,
            DeliveryStatus status, Instant at, String error) {
        String key = stored.containsKey(key(contactId, channelId, platformMessageId))
                ? key(contactId, channelId, platformMessageId)
                : stored.entrySet().stream().filter(e -> e.getValue().contactId().equals(contactId)
                        && platformMessageId.equals(e.getValue().platformMessageId())).map(Map.Entry::getKey)
                        .findFirst().orElse(null);
        Message m = key == null ? null : stored.get(key);
        if (m == null || (m.status() != null && m.status().rank() >= status.rank())) {
            return false;
        }
        stored.put(key, withPlatform(m, m.platformMessageId(), status));
        return true;
    }

    private static Message withPlatform(Message m, String platformId, DeliveryStatus status) {
        return new Message(m.workspaceId(), m.contactId(), m.conversationId(), m.channelId(), m.externalId(),
                m.direction(), m.authorId(), m.text(), m.sentAt(), m.attachment(), platformId, status);
    }

    // --- the platform
    @Override
    public Optional<OutboundSender> forChannel(String ws, String channelId) {
        if (!windowed.contains(channelId)) {
            return Optional.of(this);
        }
        InMemoryMessages platform = this;
        return Optional.of(new OutboundSender() {
            @Override
            public Sent send(String recipientId, String text, String messageId) {
                return platform.send(recipientId, text, messageId);
            }

            @Override
            public Sent send(String recipientId, OutgoingContent content, String messageId) {
                return platform.send(recipientId, content, messageId);
            }

            @Override
            public Optional<java.time.Duration> replyWindow() {
                return Optional.of(java.time.Duration.ofHours(24));
            }
        });
    }

    @Override
    public Optional<String> typeOf(String ws, String channelId) {
        return Optional.ofNullable(channelTypes.get(channelId));
    }

    /** Every kind is accepted as it is (the platforms' own shapes are tested against local servers). */
    @Override
    public Sent send(String recipientId, OutgoingContent content, String messageId) {
        Sent result = send(recipientId, content.recorded(), messageId);
        contents.add(content);
        return result;
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
