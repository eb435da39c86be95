package io.switchboard.engine.condition;

import io.switchboard.inbox.Contact;
import io.switchboard.inbox.Directory;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * What conditions are evaluated against: the contact as it is now, the agents, the clock, the trigger,
 * and the run's variables by their full name ({@code trigger.form.reason}, {@code http.tier},
 * {@code answer.email}) for the {@code variable} category.
 */
public record Facts(Contact contact, Directory directory, Instant now, Map<String, String> triggerData,
        Map<String, String> variables) {

    /** Before a run exists (trigger conditions): the event's data is all there is, as {@code trigger.*}. */
    public Facts(Contact contact, Directory directory, Instant now, Map<String, String> triggerData) {
        this(contact, directory, now, triggerData, runVariables(triggerData, Map.of()));
    }

    /** Every value a run can name: its trigger data under {@code trigger.}, then what its steps saved. */
    public static Map<String, String> runVariables(Map<String, String> triggerData, Map<String, String> saved) {
        Map<String, String> all = new HashMap<>();
        triggerData.forEach((k, v) -> all.put("trigger." + k, v));
        all.putAll(saved);
        return all;
    }
}
