package io.switchboard.engine.step;

import io.switchboard.engine.condition.Observation;
import io.switchboard.engine.run.RunState;
import io.switchboard.engine.workflow.FailurePathStep;
import io.switchboard.engine.workflow.StepPath;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a step did and where the run goes next. {@code changedSomething} tells the engine to
 * checkpoint the run right after the step; steps that only read (Branch) ride on the next checkpoint.
 * {@code RETRY} pauses the run on the same step until {@code waitUntil} (a queued assignment);
 * {@code recorded} false keeps such repeated attempts out of the history.
 */
public record StepResult(Next next, int branch, Instant waitUntil, String outcome, Map<String, String> details,
        List<Observation> observations, boolean changedSomething, boolean recorded, StepPath jumpTarget,
        RunState waitingAs) {

    public enum Next {
        CONTINUE, ENTER_BRANCH, WAIT, RETRY, END, JUMP
    }

    public StepResult(Next next, int branch, Instant waitUntil, String outcome, Map<String, String> details,
            List<Observation> observations, boolean changedSomething, boolean recorded) {
        this(next, branch, waitUntil, outcome, details, observations, changedSomething, recorded, null, null);
    }

    /** Continues at {@code target}, anywhere in the workflow (Jump To). */
    public static StepResult jump(StepPath target, String outcome, Map<String, String> details) {
        return new StepResult(Next.JUMP, -1, null, outcome, details, List.of(), true, true, target, null);
    }

    public StepResult(Next next, int branch, Instant waitUntil, String outcome, Map<String, String> details,
            List<Observation> observations, boolean changedSomething) {
        this(next, branch, waitUntil, outcome, details, observations, changedSomething, true);
    }

    /**
     * Pauses the run on this step in the state {@code waitingAs} (awaiting a reply or an AI turn, or
     * queued for assignment) until {@code at}, when the step runs again; a reply may resume it sooner.
     * Only {@link Await} makes one, so every awaiting step keeps its bookkeeping in the run's one record.
     */
    static StepResult awaitUntil(RunState waitingAs, Instant at, String outcome, Map<String, String> details,
            boolean recorded) {
        return new StepResult(Next.RETRY, -1, at, outcome, details, List.of(), true, recorded, null, waitingAs);
    }

    public static StepResult end(String outcome, Map<String, String> details) {
        return new StepResult(Next.END, -1, null, outcome, details, List.of(), false);
    }

    public static StepResult changed(String outcome, Map<String, String> details) {
        return new StepResult(Next.CONTINUE, -1, null, outcome, details, List.of(), true);
    }

    public static StepResult unchanged(String outcome, Map<String, String> details) {
        return new StepResult(Next.CONTINUE, -1, null, outcome, details, List.of(), false);
    }

    public static StepResult enter(int branch, String outcome, List<Observation> observations) {
        return new StepResult(Next.ENTER_BRANCH, branch, null, outcome, Map.of(), observations, false);
    }

    /**
     * A step with an effect failed: its failure path runs, or without one the failure is recorded and
     * the run goes on with the next step.
     */
    public static StepResult failed(FailurePathStep step, String outcome, Map<String, String> details) {
        if (step.failurePath().isEmpty()) {
            return changed(outcome, details);
        }
        return new StepResult(Next.ENTER_BRANCH, 0, null, outcome + "; the failure steps run", details, List.of(),
                true);
    }

    public static StepResult waitUntil(Instant due, String outcome, Map<String, String> details) {
        return new StepResult(Next.WAIT, -1, due, outcome, details, List.of(), true, true, null,
                RunState.WAITING_FOR_TIMER);
    }
}
