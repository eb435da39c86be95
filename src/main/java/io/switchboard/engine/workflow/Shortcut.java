package io.switchboard.engine.workflow;

import io.switchboard.inbox.Directory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Shortcut trigger's settings: the name agents see in the inbox, the form they fill, and who may
 * see it (the listed users and the members of the listed teams; nobody listed means everyone).
 */
public record Shortcut(String name, List<FormField> form, Set<String> users, Set<String> teams) {

    public Shortcut {
        form = List.copyOf(form);
        users = Set.copyOf(users);
        teams = Set.copyOf(teams);
    }

    public boolean visibleTo(String userId, Directory directory) {
        if (users.isEmpty() && teams.isEmpty()) {
            return true;
        }
        return users.contains(userId) || teams.stream().flatMap(t -> directory.team(t).stream())
                .anyMatch(team -> team.memberIds().contains(userId));
    }

    /** Form values as run variables ({@code form.<name>}) and the problems by field name; a form is used only without problems. */
    public record FilledForm(Map<String, String> values, Map<String, String> problems) {
    }

    /** Checks what the agent sent against the form: every field, and no field the form lacks. */
    public FilledForm fill(Map<String, Object> sent) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> problems = new LinkedHashMap<>();
        for (FormField field : form) {
            FormField.Checked checked = field.check(sent.get(field.name()));
            if (checked.problem() != null) {
                problems.put(field.name(), checked.problem());
            } else if (checked.value() != null) {
                values.put("form." + field.name(), checked.value());
            }
        }
        sent.keySet().stream().filter(k -> form.stream().noneMatch(f -> f.name().equals(k)))
                .forEach(k -> problems.put(k, "is not a field of this shortcut's form; fields: "
                        + form.stream().map(FormField::name).toList()));
        return new FilledForm(values, problems);
    }
}
