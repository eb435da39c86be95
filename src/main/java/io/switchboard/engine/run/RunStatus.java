package io.switchboard.engine.run;

public enum RunStatus {
    /** Executing steps; the lease in {@code dueAt} lets the sweep resume it if its process dies. */
    RUNNING,
    /** Paused on a Wait step until {@code dueAt}. */
    WAITING,
    COMPLETED,
    FAILED;

    public String wireName() {
        return name().toLowerCase();
    }
}
