package io.switchboard.inbox;

import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A contact with its fields, tags, assignee and current conversation. The assignee belongs to the
 * contact, as in the product we copy: a contact stays assigned after its conversation closes unless
 * someone unassigns it. {@code awaitingReply} names the runs whose Ask a Question waits for this
 * contact's next message: the message that arrives resumes them without a query for waiting runs.
 * {@code lastIncomingByChannel} says when the contact last wrote from each channel: the channel they
 * last interacted on, and whether a platform's reply window (WhatsApp's and Messenger's 24 hours) is
 * still open there. {@code wakeUpMark} is where a wake-up that writes its effects first last assigned the
 * contact ({@link WakeUpMark}); null when none did. {@code keptRunId} names the run a store keeps in the
 * contact's own record (its first run, written with the opening that started it, so that one write holds both);
 * null when none is.
 */
public record Contact(
        String workspaceId,
        String id,
        String name,
        Map<String, String> fields,
        Set<String> tags,
        String assigneeId,
        Conversation conversation,
        Set<String> awaitingReply,
        Map<String, Instant> lastIncomingByChannel,
        WakeUpMark wakeUpMark,
        String keptRunId) {

    public Contact {
        awaitingReply = awaitingReply == null ? Set.of() : Set.copyOf(awaitingReply);
        lastIncomingByChannel = lastIncomingByChannel == null ? Map.of() : Map.copyOf(lastIncomingByChannel);
    }

    public Contact(String workspaceId, String id, String name, Map<String, String> fields, Set<String> tags,
            String assigneeId, Conversation conversation, Set<String> awaitingReply,
            Map<String, Instant> lastIncomingByChannel, WakeUpMark wakeUpMark) {
        this(workspaceId, id, name, fields, tags, assigneeId, conversation, awaitingReply, lastIncomingByChannel,
                wakeUpMark, null);
    }

    public Contact(String workspaceId, String id, String name, Map<String, String> fields, Set<String> tags,
            String assigneeId, Conversation conversation, Set<String> awaitingReply,
            Map<String, Instant> lastIncomingByChannel) {
        this(workspaceId, id, name, fields, tags, assigneeId, conversation, awaitingReply, lastIncomingByChannel, null);
    }

    public Contact(String workspaceId, String id, String name, Map<String, String> fields, Set<String> tags,
            String assigneeId, Conversation conversation, Set<String> awaitingReply) {
        this(workspaceId, id, name, fields, tags, assigneeId, conversation, awaitingReply, Map.of());
    }

    public Contact(String workspaceId, String id, String name, Map<String, String> fields, Set<String> tags,
            String assigneeId, Conversation conversation) {
        this(workspaceId, id, name, fields, tags, assigneeId, conversation, Set.of(), Map.of());
    }

    /**
     * The channel the contact last wrote from; a contact recorded before channels were tracked one by
     * one falls back to its conversation's channel. Empty when it never wrote and has no conversation.
     */
    public Optional<String> lastInteractedChannel() {
        return lastIncomingByChannel.entrySet().stream().max(Map.Entry.comparingByValue(Comparator.naturalOrder()))
                .map(Map.Entry::getKey)
                .or(() -> Optional.ofNullable(conversation).map(Conversation::channelId));
    }

    /** When the contact last wrote from {@code channelId}; empty when it never did (as far as is recorded). */
    public Optional<Instant> lastIncomingOn(String channelId) {
        Instant at = lastIncomingByChannel.get(channelId);
        if (at == null && conversation != null && channelId.equals(conversation.channelId())) {
            at = conversation.lastIncomingAt();
        }
        return Optional.ofNullable(at);
    }

    public Optional<Conversation> currentConversation() {
        return Optional.ofNullable(conversation);
    }

    public boolean hasOpenConversation() {
        return conversation != null && conversation.isOpen();
    }

    public Contact withAssignee(String agentId) {
        return new Contact(workspaceId, id, name, fields, tags, agentId, conversation, awaitingReply,
                lastIncomingByChannel, wakeUpMark, keptRunId);
    }

    public Contact withTags(Set<String> updated) {
        return new Contact(workspaceId, id, name, fields, updated, assigneeId, conversation, awaitingReply,
                lastIncomingByChannel, wakeUpMark, keptRunId);
    }

    public Contact withFields(Map<String, String> updated) {
        return new Contact(workspaceId, id, name, updated, tags, assigneeId, conversation, awaitingReply,
                lastIncomingByChannel, wakeUpMark, keptRunId);
    }

    public Contact withWakeUpMark(WakeUpMark mark) {
        return new Contact(workspaceId, id, name, fields, tags, assigneeId, conversation, awaitingReply,
                lastIncomingByChannel, mark, keptRunId);
    }

    public Contact withKeptRun(String runId) {
        return new Contact(workspaceId, id, name, fields, tags, assigneeId, conversation, awaitingReply,
                lastIncomingByChannel, wakeUpMark, runId);
    }

    public Contact withConversation(Conversation updated) {
        return new Contact(workspaceId, id, name, fields, tags, assigneeId, updated, awaitingReply,
                lastIncomingByChannel, wakeUpMark, keptRunId);
    }
}
