package io.switchboard.engine.run;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;

/**
 * Every state a run can be in and every way it moves, in one table that the engine applies: a run
 * changes state only through {@link #fire}. Each row names the event, the guard that must hold, the
 * target state and the write that makes the move durable. {@code docs/run-states.md} is drawn from
 * this table ({@link #diagram()}), and the engine's tests fail when a row is never exercised.
 */
public final class RunMachine {

    /**
     * One row. {@code from} null is the start. {@code recordsWakeUp}: the move is a wake-up users see in
     * the run's history (a queue re-offer and a lease take-over are not).
     */
    public record Transition(RunState from, RunEvent event, String guard, BiPredicate<Run, Instant> holds,
            RunState to, String write, boolean recordsWakeUp) {

        @Override
        public String toString() {
            return (from == null ? "start" : from.name()) + " --" + event + "--> " + to;
        }
    }

    private static final BiPredicate<Run, Instant> ALWAYS = (run, now) -> true;
    private static final BiPredicate<Run, Instant> DUE_TIME_REACHED = (run, now) -> !run.dueAt().isAfter(now);
    private static final String CHECKPOINT = "run item at its version: cursor, due time and a new wake token; the wake-up armed";
    private static final String CLAIM = "run item at its version with a lease (only one delivery claims it)";
    /** A wake-up from a wait with a store that commits atomically (RunEngine.committingWakeUpsWith). */
    private static final String HELD = "nothing yet: the run's first write (its next wait, its end, or a claim before a "
            + "step that is not harmless to repeat) is at its version, with the assignment and comments its harmless "
            + "steps held, in one transaction (only one delivery's commit lands); else " + CLAIM;

    public static final List<Transition> TABLE = List.of(
            new Transition(null, RunEvent.TRIGGER_MATCHED, "the trigger's settings and conditions hold; "
                    + "once-per-contact and one-at-a-time slots taken", ALWAYS, RunState.RUNNING,
                    "run item put if absent (its id derives from the event)", false),
            new Transition(RunState.RUNNING, RunEvent.STEP_WAITS_FOR_TIMER, "", ALWAYS, RunState.WAITING_FOR_TIMER,
                    CHECKPOINT, false),
            new Transition(RunState.RUNNING, RunEvent.STEP_AWAITS_REPLY, "", ALWAYS, RunState.AWAITING_REPLY,
                    CHECKPOINT + " with its awaiting record (deadline, tries); the contact marked as awaited", false),
            new Transition(RunState.RUNNING, RunEvent.STEP_AWAITS_AI_TURN, "", ALWAYS, RunState.AWAITING_AI_TURN,
                    CHECKPOINT + " with its awaiting record (deadline, turns); the contact marked as awaited", false),
            new Transition(RunState.RUNNING, RunEvent.STEP_QUEUES, "", ALWAYS, RunState.QUEUED_FOR_ASSIGNMENT,
                    CHECKPOINT + " for the next offer, with its awaiting record (since, deadline); the contact in its "
                            + "pool's queue", false),
            new Transition(RunState.RUNNING, RunEvent.STEPS_END, "", ALWAYS, RunState.COMPLETED,
                    "run item, final; the one-at-a-time slot released", false),
            new Transition(RunState.RUNNING, RunEvent.STEP_FAILS, "", ALWAYS, RunState.FAILED,
                    "run item, final, the reason in its history", false),
            new Transition(RunState.RUNNING, RunEvent.WORKFLOW_GONE, "", ALWAYS, RunState.FAILED,
                    "run item, final, the reason in its history", false),
            new Transition(RunState.RUNNING, RunEvent.DUE, "lease lapsed: its process died",
                    (run, now) -> !run.leaseUntil().isAfter(now), RunState.RUNNING, CLAIM, false),
            new Transition(RunState.WAITING_FOR_TIMER, RunEvent.DUE, "due time reached", DUE_TIME_REACHED,
                    RunState.RUNNING, HELD + "; \"woke up\" in its history", true),
            new Transition(RunState.AWAITING_REPLY, RunEvent.DUE, "the question's timeout reached", DUE_TIME_REACHED,
                    RunState.RUNNING, HELD + "; the step takes its timeout path", true),
            new Transition(RunState.AWAITING_REPLY, RunEvent.REPLY_ARRIVES, "a message not already given to the run",
                    ALWAYS, RunState.RUNNING, CLAIM + ", the message in its awaiting record", false),
            new Transition(RunState.AWAITING_AI_TURN, RunEvent.DUE, "the agent's timeout reached", DUE_TIME_REACHED,
                    RunState.RUNNING, HELD + "; the step takes its timeout path", true),
            new Transition(RunState.AWAITING_AI_TURN, RunEvent.REPLY_ARRIVES, "a message not already given to the run",
                    ALWAYS, RunState.RUNNING, CLAIM + ", the message in its awaiting record", false),
            new Transition(RunState.QUEUED_FOR_ASSIGNMENT, RunEvent.DUE, "the next offer is due", DUE_TIME_REACHED,
                    RunState.RUNNING, CLAIM + "; not in its history", false),
            new Transition(RunState.QUEUED_FOR_ASSIGNMENT, RunEvent.AGENT_AVAILABLE, "an agent of its pool came online",
                    ALWAYS, RunState.RUNNING, CLAIM + "; not in its history", false));

    /** Rows applied since the class loaded: what the tests exercised. */
    private static final Set<Transition> EXERCISED = ConcurrentHashMap.newKeySet();

    private RunMachine() {
    }

    /** The new run's first state. */
    public static Transition start() {
        return apply(TABLE.get(0), null);
    }

    /**
     * Moves the run when a row for its state and this event holds; empty (nothing changed) otherwise,
     * for example a wake-up that comes before the due time.
     */
    public static Optional<Transition> fire(Run run, RunEvent event, Instant now) {
        for (Transition t : TABLE) {
            if (t.from() == run.state() && t.event() == event && t.holds().test(run, now)) {
                return Optional.of(apply(t, run));
            }
        }
        return Optional.empty();
    }

    /** As {@link #fire}, for events that must have a row (a step's outcome): a missing one is a bug. */
    public static Transition require(Run run, RunEvent event, Instant now) {
        return fire(run, event, now).orElseThrow(() -> new IllegalStateException(
                "no transition from " + run.state() + " on " + event));
    }

    /** The event a step's kind of waiting moves the run with. */
    public static RunEvent waitingFor(RunState state) {
        return switch (state) {
            case WAITING_FOR_TIMER -> RunEvent.STEP_WAITS_FOR_TIMER;
            case AWAITING_REPLY -> RunEvent.STEP_AWAITS_REPLY;
            case AWAITING_AI_TURN -> RunEvent.STEP_AWAITS_AI_TURN;
            case QUEUED_FOR_ASSIGNMENT -> RunEvent.STEP_QUEUES;
            default -> throw new IllegalArgumentException(state + " is not a kind of waiting");
        };
    }

    private static Transition apply(Transition t, Run run) {
        if (run != null) {
            run.enter(t.to());
        }
        EXERCISED.add(t);
        return t;
    }

    /** The rows no test has exercised since the class loaded. */
    public static List<Transition> unexercised() {
        List<Transition> missing = new ArrayList<>(TABLE);
        missing.removeAll(EXERCISED);
        return missing;
    }

    /** The table as a Mermaid state diagram, with each row's guard. */
    public static String diagram() {
        StringBuilder out = new StringBuilder("stateDiagram-v2\n");
        for (Transition t : TABLE) {
            out.append("    ").append(t.from() == null ? "[*]" : t.from().name()).append(" --> ")
                    .append(t.to().name()).append(" : ").append(t.event().name());
            if (!t.guard().isEmpty()) {
                out.append(" (").append(t.guard().replace(":", " -").replace(";", ",")).append(')');
            }
            out.append('\n');
        }
        out.append("    COMPLETED --> [*]\n    FAILED --> [*]\n");
        return out.toString();
    }
}
