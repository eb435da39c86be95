package io.switchboard.inbox;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A contact with its fields, tags, assignee and current conversation. The assignee belongs to the
 * contact, as in the product we copy: a contact stays assigned after its conversation closes unless
 * someone unassigns it.
 */
public record Contact(
        String workspaceId,
        String id,
        String name,
        Map<String, String> fields,
        Set<String> tags,
        String assigneeId,
        Conversation conversation) {

    public Optional<Conversation> currentConversation() {
        return Optional.ofNullable(conversation);
    }

    public boolean hasOpenConversation() {
        return conversation != null && conversation.isOpen();
    }

    public Contact withAssignee(String agentId) {
        return new Contact(workspaceId, id, name, fields, tags, agentId, conversation);
    }

    public Contact withConversation(Conversation updated) {
        return new Contact(workspaceId, id, name, fields, tags, assigneeId, updated);
    }
}
