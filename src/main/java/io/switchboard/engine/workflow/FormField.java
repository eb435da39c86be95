package io.switchboard.engine.workflow;

import java.math.BigDecimal;
import java.util.List;

/** One field of a Shortcut's form, as the agent fills it in the inbox. */
public record FormField(String name, String label, Type type, List<String> options, boolean required) {

    /** The longest text an agent may enter; values become run variables stored with the run. */
    public static final int MAX_TEXT = 1000;

    public enum Type {
        TEXT, NUMBER, CHOICE
    }

    public FormField {
        options = options == null ? List.of() : List.copyOf(options);
    }

    /**
     * The value as the run will see it, or why it is refused. {@code value} is what the caller sent:
     * a String, a Number, or anything else (refused).
     */
    public Checked check(Object value) {
        String text = value instanceof String s ? s.trim() : value instanceof BigDecimal d ? d.toPlainString()
                : value instanceof Number n ? n.toString() : null;
        if (value != null && text == null) {
            return Checked.refused("must be " + expected());
        }
        if (text == null || text.isEmpty()) {
            return required ? Checked.refused("is required") : Checked.accepted(null);
        }
        return switch (type) {
            case TEXT -> text.length() > MAX_TEXT ? Checked.refused("must be at most " + MAX_TEXT + " characters")
                    : Checked.accepted(text);
            case NUMBER -> isNumber(text) ? Checked.accepted(text) : Checked.refused("must be a number, not \"" + text + "\"");
            case CHOICE -> options.stream().filter(o -> o.equalsIgnoreCase(text)).findFirst().map(Checked::accepted)
                    .orElseGet(() -> Checked.refused("must be one of " + options + ", not \"" + text + "\""));
        };
    }

    private String expected() {
        return switch (type) {
            case TEXT -> "a string";
            case NUMBER -> "a number";
            case CHOICE -> "one of " + options;
        };
    }

    private static boolean isNumber(String text) {
        try {
            new BigDecimal(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** A field's value once checked: {@code problem} is null when accepted ({@code value} null: left empty). */
    public record Checked(String value, String problem) {
        static Checked accepted(String value) {
            return new Checked(value, null);
        }

        static Checked refused(String problem) {
            return new Checked(null, problem);
        }
    }
}
