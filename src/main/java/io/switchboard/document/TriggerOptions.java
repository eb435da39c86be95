package io.switchboard.document;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.engine.workflow.FormField;
import io.switchboard.engine.workflow.IncomingWebhook;
import io.switchboard.engine.workflow.Shortcut;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The settings of the Incoming Webhook and Shortcut triggers, read from a document the schema accepted. */
final class TriggerOptions {

    private TriggerOptions() {
    }

    static IncomingWebhook webhook(JsonNode trigger) {
        if (!"incoming_webhook".equals(trigger.get("type").asText())) {
            return null;
        }
        return new IncomingWebhook(trigger.get("contactIdPath").asText(),
                trigger.hasNonNull("contactNamePath") ? trigger.get("contactNamePath").asText() : null,
                trigger.path("createContact").asBoolean(false));
    }

    /** Field names must differ, since each becomes the variable {@code $trigger.form.<name>}. */
    static Shortcut shortcut(JsonNode trigger, String workflowName, List<Problem> problems) {
        if (!"shortcut".equals(trigger.get("type").asText())) {
            return null;
        }
        List<FormField> form = new ArrayList<>();
        Set<String> names = new HashSet<>();
        JsonNode fields = trigger.path("form");
        for (int i = 0; i < fields.size(); i++) {
            JsonNode f = fields.get(i);
            String name = f.get("name").asText();
            if (!names.add(name)) {
                problems.add(new Problem("$.trigger.form[" + i + "].name", "another field of the form is named \""
                        + name + "\"; each field needs its own name"));
            }
            List<String> options = new ArrayList<>();
            f.path("options").forEach(o -> options.add(o.asText()));
            form.add(new FormField(name, f.path("label").asText(name),
                    FormField.Type.valueOf(f.get("type").asText().toUpperCase()), options,
                    f.path("required").asBoolean(false)));
        }
        return new Shortcut(trigger.path("name").asText(workflowName), form,
                ids(trigger.path("visibleTo").path("users")), ids(trigger.path("visibleTo").path("teams")));
    }

    private static Set<String> ids(JsonNode array) {
        Set<String> out = new LinkedHashSet<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }
}
