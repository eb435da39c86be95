package io.switchboard.inbox;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A contact with its fields, tags, assignee and current conversation. The assignee belongs to the
 * contact, as in the product we copy: a contact stays assigned after its conversation closes unless
 * someone unassigns it. {@code awaitingReply} names the runs whose Ask a Question waits for this
 * contact's next message: the message that arrives resumes them without a query for waiting runs.
 */
public record Contact(
        String workspaceId,
        String id,
        String name,
        Map<String, String> fields,
        Set<String> tags,
        String assigneeId,
        Conversation conversation,
        Set<String> awaitingReply) {

    public Contact {
        awaitingReply = awaitingReply == null ? Set.of() : Set.copyOf(awaitingReply);
    }

    public Contact(String workspaceId, String id, String name, Map<String, String> fields, Set<String> tags,
            String assigneeId, Conversation conversation) {
        this(workspaceId, id, name, fields, tags, assigneeId, conversation, Set.of());
    }

    public Optional<Conversation> currentConversation() {
        return Optional.ofNullable(conversation);
    }

    public boolean hasOpenConversation() {
        return conversation != null && conversation.isOpen();
    }

    public Contact withAssignee(String agentId) {
        return new Contact(workspaceId, id, name, fields, tags, agentId, conversation, awaitingReply);
    }

    public Contact withConversation(Conversation updated) {
        return new Contact(workspaceId, id, name, fields, tags, assigneeId, updated, awaitingReply);
    }
}
