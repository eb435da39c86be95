package io.switchboard.inbox;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What setting contact fields does (a null value removes the field): every field after, and the fields
 * whose value actually changed, with their new value (null: removed). Worked out the same way by every
 * store and by a wake-up that holds the change.
 */
public record FieldEdit(Map<String, String> after, Map<String, String> changed) {

    public FieldEdit {
        after = Map.copyOf(after);
        changed = Collections.unmodifiableMap(new LinkedHashMap<>(changed)); // a removed field's value is null
    }

    public static FieldEdit of(Map<String, String> fields, Map<String, String> updates) {
        Map<String, String> after = new LinkedHashMap<>(fields);
        Map<String, String> changed = new LinkedHashMap<>();
        updates.forEach((name, value) -> {
            if (Objects.equals(after.get(name), value)) {
                return;
            }
            if (value == null) {
                after.remove(name);
            } else {
                after.put(name, value);
            }
            changed.put(name, value);
        });
        return new FieldEdit(after, changed);
    }
}
