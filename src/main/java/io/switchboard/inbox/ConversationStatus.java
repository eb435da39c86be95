package io.switchboard.inbox;

public enum ConversationStatus {
    OPEN, CLOSED;

    public String wireName() {
        return name().toLowerCase();
    }
}
