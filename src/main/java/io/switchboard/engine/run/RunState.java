package io.switchboard.engine.run;

import java.util.Map;

/**
 * Where a run is, naming each kind of waiting. {@link RunStatus} is the coarser status the API has
 * always shown ({@code running}, {@code waiting}, {@code completed}, {@code failed}); the transitions
 * between states are {@link RunMachine}'s table.
 */
public enum RunState {
    /** Executing steps under a lease; if its process dies, the sweep takes it over when the lease lapses. */
    RUNNING(RunStatus.RUNNING),
    /** Paused on a Wait step until its due time. */
    WAITING_FOR_TIMER(RunStatus.WAITING),
    /** Ask a Question waits for the contact's answer, until its timeout. */
    AWAITING_REPLY(RunStatus.WAITING),
    /** An AI Agent waits for the contact's next message to take its turn, until its timeout. */
    AWAITING_AI_TURN(RunStatus.WAITING),
    /** Assign To found nobody eligible: the contact is offered again each minute, until the queue timeout. */
    QUEUED_FOR_ASSIGNMENT(RunStatus.WAITING),
    COMPLETED(RunStatus.COMPLETED),
    FAILED(RunStatus.FAILED);

    private final RunStatus status;

    RunState(RunStatus status) {
        this.status = status;
    }

    public RunStatus status() {
        return status;
    }

    public boolean isFinished() {
        return status == RunStatus.COMPLETED || status == RunStatus.FAILED;
    }

    public String wireName() {
        return name().toLowerCase();
    }

    /**
     * The state of a run stored before states were recorded, from its status and what its step awaits
     * (kept in its variables, see {@link Awaiting}).
     */
    public static RunState of(RunStatus status, Map<String, String> variables) {
        return switch (status) {
            case RUNNING -> RUNNING;
            case COMPLETED -> COMPLETED;
            case FAILED -> FAILED;
            case WAITING -> AwaitingVariables.read(variables).map(a -> a.kind().state()).orElse(WAITING_FOR_TIMER);
        };
    }
}
