package io.switchboard.engine.workflow;

import io.switchboard.inbox.Contact;
import io.switchboard.inbox.ContactStore.FieldsChange;
import io.switchboard.inbox.ContactStore.TagsChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Contact Tag Updated and Contact Field Updated events of one change: one event per tag added or
 * removed and per field changed, none when nothing changed. Event ids derive from the change's
 * effect key, so repeating the change fires the same events again and starts no second run.
 */
public final class ContactEvents {

    private ContactEvents() {
    }

    public static List<TriggerEvent> of(String workspaceId, TagsChange change, String effectKey, String source,
            Instant at) {
        List<TriggerEvent> events = new ArrayList<>();
        change.added().forEach(tag -> events.add(tagEvent(workspaceId, change.contact(), tag, "added", effectKey,
                source, at)));
        change.removed().forEach(tag -> events.add(tagEvent(workspaceId, change.contact(), tag, "removed", effectKey,
                source, at)));
        return events;
    }

    public static List<TriggerEvent> of(String workspaceId, FieldsChange change, String effectKey, String source,
            Instant at) {
        List<TriggerEvent> events = new ArrayList<>();
        change.changed().forEach((field, value) -> {
            Map<String, String> data = new LinkedHashMap<>();
            data.put("field", field);
            data.put("value", value == null ? "" : value);
            data.put("change", value == null ? "removed" : "set");
            data.put("source", source);
            events.add(event(workspaceId, TriggerType.CONTACT_FIELD_UPDATED, effectKey + "|field|" + field,
                    change.contact(), at, data));
        });
        return events;
    }

    private static TriggerEvent tagEvent(String workspaceId, Contact contact, String tag, String change,
            String effectKey, String source, Instant at) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("tag", tag);
        data.put("change", change);
        data.put("source", source);
        return event(workspaceId, TriggerType.CONTACT_TAG_UPDATED, effectKey + "|tag|" + change + "|" + tag, contact,
                at, data);
    }

    private static TriggerEvent event(String workspaceId, TriggerType type, String eventId, Contact contact,
            Instant at, Map<String, String> data) {
        String conversationId = contact.conversation() == null ? null : contact.conversation().id();
        return new TriggerEvent(workspaceId, type, eventId, contact.id(), conversationId, at, data);
    }
}
