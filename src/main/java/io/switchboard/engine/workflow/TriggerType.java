package io.switchboard.engine.workflow;

public enum TriggerType {
    CONVERSATION_OPENED("conversation_opened"),
    CONVERSATION_CLOSED("conversation_closed"),
    CONTACT_TAG_UPDATED("contact_tag_updated"),
    CONTACT_FIELD_UPDATED("contact_field_updated"),
    /** Started for one contact through the API or by a Trigger Another Workflow step; names its workflow. */
    MANUAL("manual");

    private final String wireName;

    TriggerType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
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
