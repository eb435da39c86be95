package io.switchboard.engine.workflow;

import java.time.Instant;
import java.util.Map;

/**
 * Something that happened to a contact and may start runs. {@code eventId} identifies the event
 * itself (a conversation id for Conversation Opened), so a redelivered event maps to the same run.
 */
public record TriggerEvent(String workspaceId, TriggerType type, String eventId, String contactId,
        String conversationId, Instant at, Map<String, String> data) {
}
