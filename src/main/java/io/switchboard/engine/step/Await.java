package io.switchboard.engine.step;

import io.switchboard.engine.run.Awaiting;
import io.switchboard.engine.run.Run;
import io.switchboard.engine.workflow.Step;
import io.switchboard.inbox.QueuedContact;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The one way a step pauses for something from outside the run (the contact's reply, the contact's next
 * message for an AI turn, an agent for the queue) until a deadline, asks or offers again meanwhile, and
 * leaves by a named path. The step decides what each turn means; this class keeps the bookkeeping (one
 * {@link Awaiting} in the run) and the mark that lets the awaited thing find the run: the contact's list
 * of awaiting runs (so the next message resumes it without a query), or the pool's queue (so an agent
 * coming online is offered the contact at once).
 */
public final class Await {

    private final StepContext ctx;
    private final Step step;
    private final Awaiting.Kind kind;
    private final String pool;
    /** The run's record while this step awaits; null on the step's first turn. */
    private final Awaiting current;

    private Await(StepContext ctx, Step step, Awaiting.Kind kind, String pool) {
        this.ctx = ctx;
        this.step = step;
        this.kind = kind;
        this.pool = pool;
        this.current = ctx.run().awaiting().filter(a -> a.stepId().equals(step.id())).orElse(null);
    }

    /** The step awaits the contact's answer (Ask a Question). */
    public static Await reply(StepContext ctx, Step step) {
        return new Await(ctx, step, Awaiting.Kind.REPLY, null);
    }

    /** The step awaits the contact's next message to take its next turn (AI Agent). */
    public static Await aiTurn(StepContext ctx, Step step) {
        return new Await(ctx, step, Awaiting.Kind.AI_TURN, null);
    }

    /** The step awaits an agent of {@code pool} who can take the contact (Assign To's queue). */
    public static Await agent(StepContext ctx, Step step, String pool) {
        return new Await(ctx, step, Awaiting.Kind.AGENT, pool);
    }

    /** False on the step's first turn: it has not begun awaiting. */
    public boolean started() {
        return current != null;
    }

    /** When the step began awaiting; now on its first turn. */
    public Instant since() {
        return current == null || current.since() == null ? ctx.now() : current.since();
    }

    public Instant deadline() {
        return current == null ? null : current.deadline();
    }

    /** How often the step asked again or took a turn so far. */
    public int attempts() {
        return current == null ? 0 : current.attempts();
    }

    public boolean deadlinePassed() {
        return current != null && current.deadline() != null && !ctx.now().isBefore(current.deadline());
    }

    /** The contact's message that resumed the run, taken out of the record; null when time woke it. */
    public Awaiting.Reply takeReply() {
        Awaiting.Reply reply = current == null ? null : current.reply();
        if (reply != null) {
            ctx.run().await(current.withoutReply());
        }
        return reply;
    }

    /**
     * Pauses the run on the step until {@code deadline}; with {@code every}, the step runs again each
     * period before it (a re-offer). {@code attempts} is the count the step keeps (asked again, turns).
     */
    public StepResult until(Instant deadline, int attempts, Duration every, String outcome, Map<String, String> details,
            boolean recorded) {
        ctx.run().await(new Awaiting(kind, step.id(), current == null ? ctx.now() : current.since(), deadline,
                attempts, null));
        if (current == null) {
            mark(ctx.run().awaiting().orElseThrow(), true);
        }
        Instant next = every == null ? deadline : ctx.now().plus(every);
        return StepResult.awaitUntil(kind.state(), next.isBefore(deadline) ? next : deadline, outcome, details,
                recorded);
    }

    /** Woken before its deadline with nothing to do: awaits on, out of the history. */
    public StepResult stillWaiting(String outcome) {
        return StepResult.awaitUntil(kind.state(), current.deadline(), outcome, Map.of(), false);
    }

    /** The step no longer awaits: its record and its mark go (the contact's next message is not for it). */
    public void stop() {
        boolean awaited = ctx.run().awaiting().isPresent();
        ctx.run().await(null);
        if (current != null || (awaited && kind.awaitsTheContact())) {
            mark(current, false);
        }
    }

    /** Stops awaiting and ends the run (the conversation closed, a person took over, the channel refused). */
    public StepResult end(String outcome, Map<String, String> details) {
        stop();
        return StepResult.end(outcome, details);
    }

    /** Leaves for the steps after this one (answered, finished). */
    public StepResult leave(String outcome, Map<String, String> details) {
        stop();
        return StepResult.changed(outcome, details);
    }

    /**
     * Leaves by the step's nested path named {@code path} (onTimeout, onInvalid, onHandover): its steps
     * run, with {@code whenStepsRun} added to the outcome, or the run ends when it has none.
     */
    public StepResult leaveBy(String path, String outcome, String whenStepsRun, String whenRunEnds,
            Map<String, String> details) {
        stop();
        for (int i = 0; i < step.nested().size(); i++) {
            if (step.nested().get(i).name().equals(path)) {
                return step.nested().get(i).steps().isEmpty()
                        ? new StepResult(StepResult.Next.END, -1, null, outcome + whenRunEnds, details, List.of(), true)
                        : new StepResult(StepResult.Next.ENTER_BRANCH, i, null, outcome + whenStepsRun, details,
                                List.of(), true);
            }
        }
        throw new IllegalArgumentException(step.type() + " has no path " + path);
    }

    private void mark(Awaiting awaiting, boolean on) {
        Run run = ctx.run();
        if (kind.awaitsTheContact()) {
            ctx.inbox().contacts().awaitReply(run.workspaceId(), run.contactId(), run.id(), on);
            return;
        }
        QueuedContact queued = new QueuedContact(run.contactId(), run.id(), awaiting.since());
        if (on) {
            ctx.inbox().directory().enqueue(run.workspaceId(), pool, queued);
        } else {
            ctx.inbox().directory().dequeue(run.workspaceId(), pool, queued);
        }
    }
}
