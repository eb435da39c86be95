package io.switchboard.inbox;

/** A user of the workspace who can be assigned conversations. */
public record Agent(String id, String name, String email, boolean online) {

    public Agent withOnline(boolean value) {
        return new Agent(id, name, email, value);
    }
}
