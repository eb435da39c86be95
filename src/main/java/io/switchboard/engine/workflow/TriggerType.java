package io.switchboard.engine.workflow;

public enum TriggerType {
    CONVERSATION_OPENED("conversation_opened"),
    CONVERSATION_CLOSED("conversation_closed"),
    CONTACT_TAG_UPDATED("contact_tag_updated"),
    CONTACT_FIELD_UPDATED("contact_field_updated"),
    /** Started for one contact through the API or by a Trigger Another Workflow step; names its workflow. */
    MANUAL("manual"),
    /** An outside system POSTs to the workflow's own URL; names its workflow. */
    INCOMING_WEBHOOK("incoming_webhook"),
    /** An agent starts the workflow from the inbox for one contact, with an optional form; names its workflow. */
    SHORTCUT("shortcut");

    private final String wireName;

    TriggerType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /**
     * True for triggers whose events are aimed at one workflow (its id in the event data), rather
     * than broadcast to every workflow listening for the event.
     */
    public boolean namesItsWorkflow() {
        return this == MANUAL || this == INCOMING_WEBHOOK || this == SHORTCUT;
    }

    public static TriggerType fromWire(String value) {
        for (TriggerType t : values()) {
            if (t.wireName.equals(value)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown trigger type " + value);
    }
}
