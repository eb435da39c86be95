package io.switchboard.engine;

import java.util.Map;

/**
 * A start of one named workflow (Incoming Webhook, Shortcut) that was refused before anything was
 * stored: what was wrong, and for a form, the problem of each field by name.
 */
public final class StartRefused extends RuntimeException {

    public enum Reason {
        /** No such published workflow, user or contact. */
        NOT_FOUND,
        /** The user may not use this shortcut. */
        NOT_ALLOWED,
        /** The contact is unknown and the trigger does not create contacts. */
        UNKNOWN_CONTACT,
        /** Form values the form does not accept; see {@link #fieldProblems()}. */
        INVALID_FORM
    }

    private final Reason reason;
    private final Map<String, String> fieldProblems;

    public StartRefused(Reason reason, String message) {
        this(reason, message, Map.of());
    }

    public StartRefused(Reason reason, String message, Map<String, String> fieldProblems) {
        super(message);
        this.reason = reason;
        this.fieldProblems = Map.copyOf(fieldProblems);
    }

    public Reason reason() { return reason; }
    public Map<String, String> fieldProblems() { return fieldProblems; }
}
