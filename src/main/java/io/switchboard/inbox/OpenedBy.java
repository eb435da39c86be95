package io.switchboard.inbox;

/** Who opened a conversation: the Conversation Opened trigger's "Source" condition. */
public enum OpenedBy {
    CONTACT, USER, WORKFLOW, API;

    public String wireName() {
        return name().toLowerCase();
    }

    public static OpenedBy fromWire(String value) {
        return valueOf(value.toUpperCase());
    }
}
