package io.switchboard.engine.workflow;

import io.switchboard.engine.condition.ConditionGroup;
import java.util.Map;

/**
 * What starts a run, and the conditions the event must meet. {@code expected} holds the trigger's
 * own settings that the event must carry (Contact Tag Updated: {@code tag}, {@code change}; Contact
 * Field Updated: {@code field}, {@code value}), compared without regard to case. With
 * {@code oncePerContact} ("Trigger once per contact") a contact ever enrolled is never enrolled again;
 * with {@code oneRunAtATime} a contact is not enrolled while a run of the workflow for them is still in
 * progress (running or waiting), and may be again once it ended.
 * {@code webhook} and {@code shortcut} hold the settings of those two triggers, null for the others.
 */
public record Trigger(TriggerType type, ConditionGroup conditions, Map<String, String> expected,
        boolean oncePerContact, boolean oneRunAtATime, IncomingWebhook webhook, Shortcut shortcut) {

    public Trigger {
        expected = expected == null ? Map.of() : Map.copyOf(expected);
    }

    public Trigger(TriggerType type, ConditionGroup conditions, Map<String, String> expected, boolean oncePerContact,
            boolean oneRunAtATime) {
        this(type, conditions, expected, oncePerContact, oneRunAtATime, null, null);
    }

    public Trigger(TriggerType type, ConditionGroup conditions, Map<String, String> expected, boolean oncePerContact) {
        this(type, conditions, expected, oncePerContact, false);
    }

    public Trigger(TriggerType type, ConditionGroup conditions) {
        this(type, conditions, Map.of(), false, false);
    }

    /** True when the event carries every setting of this trigger. */
    public boolean accepts(TriggerEvent event) {
        return expected.entrySet().stream()
                .allMatch(e -> e.getValue().equalsIgnoreCase(event.data().getOrDefault(e.getKey(), "")));
    }
}
