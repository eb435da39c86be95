package io.switchboard.engine.step;

import io.switchboard.inbox.Agent;
import io.switchboard.inbox.Contact;
import io.switchboard.inbox.Directory;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dynamic variables such as {@code $contact.name} or {@code $conversation.assignee}. As in the product
 * we copy, a variable without a value is left in the text as written, never an error.
 */
public final class Variables {

    /** A namespace and a name that may go on in dotted segments: {@code $trigger.order.items.0.sku}. */
    private static final Pattern VARIABLE = Pattern.compile("\\$([a-z_]+)\\.([A-Za-z0-9_]+(?:\\.[A-Za-z0-9_]+)*)");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private final Map<String, String> values;

    public Variables(Map<String, String> values) {
        this.values = values;
    }

    public static Variables of(StepContext ctx) {
        Map<String, String> v = new HashMap<>();
        Contact contact = ctx.contact();
        Directory directory = ctx.directory();
        put(v, "contact.id", contact.id());
        put(v, "contact.name", contact.name());
        if (contact.name() != null) {
            // the product's first and last name: a name's first word, and the rest
            String[] parts = contact.name().strip().split("\\s+", 2);
            put(v, "contact.firstname", parts[0]);
            put(v, "contact.lastname", parts.length > 1 ? parts[1] : null);
        }
        contact.fields().forEach((k, value) -> put(v, "contact." + k, value));
        contact.currentConversation().ifPresent(c -> {
            put(v, "conversation.id", c.id());
            put(v, "conversation.status", c.status().wireName());
        });
        directory.agent(contact.assigneeId()).ifPresent(a -> {
            put(v, "conversation.assignee", a.name());
            put(v, "assignee.name", a.name());
            put(v, "assignee.email", a.email());
            put(v, "assignee.id", a.id());
        });
        previousAssignee(ctx).flatMap(directory::agent).map(Agent::name)
                .ifPresent(name -> put(v, "conversation.previous_assignee", name));
        ctx.run().triggerData().forEach((k, value) -> put(v, "trigger." + k, value));
        put(v, "system.current_datetime", DATE_TIME.format(ctx.now()));
        put(v, "system.current_date", DATE_TIME.format(ctx.now()).substring(0, 10));
        put(v, "system.current_time", DATE_TIME.format(ctx.now()).substring(11));
        put(v, "workflow.name", ctx.workflow().name());
        // the variables steps write ($http.*, $answer.*, $ai.*): the namespaces their types declare
        java.util.Set<String> namespaces = ctx.types().variableNamespaces();
        ctx.run().variables().forEach((k, value) -> {
            int dot = k.indexOf('.');
            if (dot > 0 && namespaces.contains(k.substring(0, dot))) {
                put(v, k, value);
            }
        });
        return new Variables(v);
    }

    /** The assignee before the run's latest assignment, from the run's own history. */
    private static java.util.Optional<String> previousAssignee(StepContext ctx) {
        var history = ctx.run().history();
        for (int i = history.size() - 1; i >= 0; i--) {
            var record = history.get(i);
            if ("assign_to".equals(record.stepType()) && record.details().containsKey("assignee")) {
                return java.util.Optional.ofNullable(record.details().get("previousAssignee"));
            }
        }
        return java.util.Optional.empty();
    }

    private static void put(Map<String, String> map, String key, String value) {
        if (value != null && !value.isEmpty()) {
            map.put(key, value);
        }
    }

    /**
     * The value of the longest known name the text starts with, followed by the rest as written:
     * "$contact.name.Thanks" still renders the name; null when no prefix is known.
     */
    private String longestKnown(String name, java.util.function.UnaryOperator<String> escape) {
        for (String candidate = name; ; candidate = candidate.substring(0, candidate.lastIndexOf('.'))) {
            String value = values.get(candidate);
            if (value != null) {
                return escape.apply(value) + name.substring(candidate.length());
            }
            if (candidate.indexOf('.') == candidate.lastIndexOf('.')) {
                return null;
            }
        }
    }

    /** Text a person reads (a message, a comment): a variable without a value stays as written. */
    public String render(String text) {
        return render(text, java.util.function.UnaryOperator.identity(), false);
    }

    /**
     * A value stored as data (a contact field, a spreadsheet cell): a variable without a value renders
     * empty, so "$trigger.page" never becomes a contact's page.
     */
    public String renderValue(String text) {
        return render(text, java.util.function.UnaryOperator.identity(), true);
    }

    /** As {@link #renderValue}, each value passed through {@code escape} (Google Sheets keeps formulas out). */
    public String renderValue(String text, java.util.function.UnaryOperator<String> escape) {
        return render(text, escape, true);
    }

    private String render(String text, java.util.function.UnaryOperator<String> escape, boolean missingEmpty) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String rendered = longestKnown(m.group(1) + "." + m.group(2), escape);
            m.appendReplacement(out, Matcher.quoteReplacement(rendered != null ? rendered : missingEmpty ? "" : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }
}
