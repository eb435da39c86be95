package io.switchboard.engine.run;

import io.switchboard.engine.condition.ConditionEvaluator;
import io.switchboard.engine.condition.Facts;
import io.switchboard.engine.step.StepContext;
import io.switchboard.engine.step.StepContext.SegmentCache;
import io.switchboard.engine.step.InboxPorts;
import io.switchboard.engine.step.StepResult;
import io.switchboard.engine.step.StepTypes;
import io.switchboard.engine.step.wait.WaitStep;
import io.switchboard.engine.workflow.PublishedWorkflows;
import io.switchboard.engine.workflow.Step;
import io.switchboard.engine.workflow.StepPath;
import io.switchboard.engine.workflow.TriggerEvent;
import io.switchboard.engine.workflow.TriggerType;
import io.switchboard.engine.workflow.WorkflowDefinition;
import io.switchboard.inbox.ChangedSinceRead;
import io.switchboard.inbox.ConcurrentUpdateException;
import io.switchboard.inbox.Contact;
import io.switchboard.inbox.Directory;
import io.switchboard.inbox.Opening;
import io.switchboard.inbox.WakeUpMark;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Starts runs for trigger events and advances them step by step. Stateless: everything a run needs
 * to continue is in the stored {@link Run}, so any process can resume any run.
 *
 * <p>Exactly-once effects rest on three rules. A run's id is derived from the workflow and the event,
 * so a redelivered event cannot start a second run. Every run write is conditional on the version
 * read, so of two processes resuming the same run only one advances it. Every step effect is keyed
 * by run id and step execution number, so a step re-executed after a crash changes nothing twice.
 */
public final class RunEngine {

    /** How long a process may hold a running run before the sweep may resume it elsewhere. */
    public static final Duration DEFAULT_LEASE = Duration.ofSeconds(30);
    /** A bound on steps per segment, so a malformed tree can never spin a process forever. */
    static final int MAX_STEPS_PER_SEGMENT = 500;
    /**
     * How many workflow-fired trigger events may follow one another: a run started by an event a run
     * caused is one link further down the chain; runs beyond this depth are not started (workflows
     * that tag, close or trigger each other would otherwise loop).
     */
    public static final int MAX_CHAIN_DEPTH = 5;
    /** The event data naming the workflow a manual, webhook or shortcut start is for. */
    public static final String MANUAL_WORKFLOW = "workflowId";
    /** The run variable holding the run's chain depth; absent for runs started by people or messages. */
    public static final String CHAIN_DEPTH = "chain.depth";

    private static final System.Logger LOG = System.getLogger(RunEngine.class.getName());

    /** Which exceptions mean the store was unavailable rather than the step failing; none until told. */
    private volatile java.util.function.Predicate<Throwable> storeOutage = e -> false;

    /**
     * Tells the engine, which knows no store technology, which failures are a store that stayed
     * unavailable through its client's retries: a step that meets one is left to the run's lease and
     * repeated by the sweep, never failed.
     */
    public RunEngine recognisingStoreOutages(java.util.function.Predicate<Throwable> outage) {
        this.storeOutage = outage;
        return this;
    }

    /**
     * How a wake-up from a wait writes: it claims its run before its first step (the default, for a store
     * that cannot write atomically), holds its writes and commits them with the run, or writes its effects first.
     */
    private enum WakeUpWrites { CLAIM_FIRST, COMMIT_HELD, EFFECTS_FIRST }

    private volatile WakeUpWrites wakeUpWrites = WakeUpWrites.CLAIM_FIRST;
    /**
     * What commits a wake-up's held writes with its run in one write: with {@link WakeUpWrites#COMMIT_HELD}, and with
     * {@link WakeUpWrites#EFFECTS_FIRST} for the runs it writes with their contact in one plain write.
     */
    private volatile SegmentCommits commits;

    /**
     * Lets wake-ups go without the write that claims the run: the steps that hold their writes
     * ({@code StepType.holdsItsWrites}) run first with their inbox writes held, and those writes go with the run's next write in one atomic
     * commit ({@link HeldWrites}). Without it (a store that cannot write atomically) a wake-up claims
     * its run before its first step.
     */
    public RunEngine committingWakeUpsWith(SegmentCommits commits) {
        this.commits = commits;
        this.wakeUpWrites = commits == null ? WakeUpWrites.CLAIM_FIRST : WakeUpWrites.COMMIT_HELD;
        return this;
    }

    /**
     * Lets wake-ups go without the write that claims the run and without a transaction: the steps that
     * repeat harmlessly run first and write the inbox themselves, each effect by its key and an assignment
     * only if the contact is still as the wake-up read it ({@link GuardedInbox}); the run's write at the
     * version read then claims it. One request per item written instead of one transaction of them all,
     * which costs twice their write units. Replaces {@link #committingWakeUpsWith}.
     */
    public RunEngine writingWakeUpEffectsFirst() {
        return writingWakeUpEffectsFirst(null);
    }

    /**
     * As {@link #writingWakeUpEffectsFirst()}, except for a run that {@code commits} writes with its contact in one
     * plain write ({@link SegmentCommits#inOneWrite}): its wake-up holds its writes and commits them in that write,
     * which is fewer requests than effects first and still no transaction.
     */
    public RunEngine writingWakeUpEffectsFirst(SegmentCommits commits) {
        this.commits = commits;
        this.wakeUpWrites = WakeUpWrites.EFFECTS_FIRST;
        return this;
    }

    private final PublishedWorkflows workflows;
    private final RunStore runs;
    private final WakeUpScheduler scheduler;
    private final InboxPorts inbox;
    private final Clock clock;
    private final Duration lease;
    private final StepTypes types;
    private final RunObserver observer;
    private final ConditionEvaluator evaluator = new ConditionEvaluator();

    public RunEngine(PublishedWorkflows workflows, RunStore runs, WakeUpScheduler scheduler, InboxPorts inbox,
            Clock clock, Duration lease) {
        this(workflows, runs, scheduler, inbox, clock, lease, StepTypes.STANDARD, RunObserver.NONE);
    }

    public RunEngine(PublishedWorkflows workflows, RunStore runs, WakeUpScheduler scheduler, InboxPorts inbox,
            Clock clock, Duration lease, StepTypes types) {
        this(workflows, runs, scheduler, inbox, clock, lease, types, RunObserver.NONE);
    }

    public RunEngine(PublishedWorkflows workflows, RunStore runs, WakeUpScheduler scheduler, InboxPorts inbox,
            Clock clock, Duration lease, RunObserver observer) {
        this(workflows, runs, scheduler, inbox, clock, lease, StepTypes.STANDARD, observer);
    }

    public RunEngine(PublishedWorkflows workflows, RunStore runs, WakeUpScheduler scheduler, InboxPorts inbox,
            Clock clock, Duration lease, StepTypes types, RunObserver observer) {
        this.types = types;
        this.observer = observer;
        this.workflows = workflows;
        this.runs = runs;
        this.scheduler = scheduler;
        this.inbox = inbox;
        this.clock = clock;
        this.lease = lease;
    }

    /** Starts a run of every published workflow whose trigger matches the event; returns the new runs. */
    public List<Run> handle(TriggerEvent event) {
        return handle(event, null);
    }

    /**
     * As {@link #handle(TriggerEvent)}, with the contact as the caller just wrote it, which saves
     * reading it again.
     */
    public List<Run> handle(TriggerEvent event, Contact contactNow) {
        return start(event, contactNow, 0, false);
    }

    /**
     * As {@link #handle(TriggerEvent, Contact)}, for the first delivery of an event that its source delivers
     * again until this call returns (a channel's webhook is answered only after it): each new run is stored
     * by its first write, at its first step that does not repeat harmlessly or at its first wait or end,
     * rather than before its first step. A run whose process dies before that write left only effects a
     * repeat changes nothing of, and the redelivery starts it again; one that cannot be stored because the
     * store is out fails this call, so that the source delivers again. A later delivery of the same event
     * must come through {@link #handle(TriggerEvent, Contact)}: its run may exist and have moved on. A
     * workflow set to one run at a time is stored first even here: its slot names a run that must exist.
     */
    public List<Run> handleFirstDelivery(TriggerEvent event, Contact contactNow) {
        return start(event, contactNow, 0, true, null);
    }

    /**
     * As {@link #handleFirstDelivery(TriggerEvent, Contact)}, on the contact as the conversation's opening
     * will write it, the opening not written yet: the first run to assign the contact writes both in one
     * write, and any other write lands the opening first ({@link OpeningInbox}). Throws
     * {@link Opening.Refused} when the contact changed since it was read; nothing was written then.
     */
    public List<Run> handleOpening(TriggerEvent event, Opening opening) {
        return start(event, opening.contact(), 0, true, opening);
    }

    private List<Run> start(TriggerEvent event, Contact contactNow, int depth, boolean firstDelivery) {
        return start(event, contactNow, depth, firstDelivery, null);
    }

    private List<Run> start(TriggerEvent event, Contact contactNow, int depth, boolean firstDelivery,
            Opening opening) {
        List<Run> started = new ArrayList<>();
        Matches matches = matching(event, contactNow);
        for (WorkflowDefinition workflow : matches.workflows()) {
            Instant now = clock.instant();
            if (opening != null && (workflow.trigger().oncePerContact() || workflow.trigger().oneRunAtATime())) {
                opening.land(); // an enrolment or a slot names a run of this conversation: it must be open first
            }
            if (workflow.trigger().oncePerContact()
                    && !runs.enrolOnce(event.workspaceId(), workflow.id(), event.contactId(), runId(workflow, event), now)) {
                continue;
            }
            if (workflow.trigger().oneRunAtATime() && !claimActive(event, workflow, runId(workflow, event))) {
                continue;
            }
            Run run = new Run(event.workspaceId(), runId(workflow, event), workflow.id(), workflow.version(),
                    event.contactId(), event.conversationId(), triggerData(event), now, RunMachine.start().to(),
                    workflow.steps().isEmpty() ? null : StepPath.START, 0, now.plus(lease), now.plus(lease), null,
                    now, 0, List.of(), depth == 0 ? Map.of() : Map.of(CHAIN_DEPTH, String.valueOf(depth)));
            if (run.id().equals(matches.contact().keptRunId())) {
                continue; // the contact's record keeps this run: the event was delivered before and its run stored
            }
            SegmentCache cache = new SegmentCache(matches.contact(), matches.directory());
            // a one-run-at-a-time slot names its run, which must exist for a later event to see it is live
            if (firstDelivery && !workflow.trigger().oneRunAtATime()) {
                // the run's first write creates it: one write fewer than a create before its first step
                Segment segment = Segment.creatingTheRun(opening);
                advance(run, workflow, cache, segment);
                if (!segment.lost()) {
                    started.add(run);
                }
            } else if (runs.create(run)) {
                observer.runStarted(run);
                advance(run, workflow, cache, Segment.claimed());
                started.add(run);
            }
        }
        return started;
    }

    private record Matches(Contact contact, Directory directory, List<WorkflowDefinition> workflows) {
    }

    /** True when a published workflow has a trigger of the event's type (its conditions not yet looked at). */
    private boolean anyWorkflowListens(TriggerEvent event) {
        return !workflows.publishedFor(event.workspaceId(), event.type()).isEmpty();
    }

    /** The published workflows whose trigger, settings and conditions the event meets. */
    private Matches matching(TriggerEvent event, Contact contactNow) {
        List<WorkflowDefinition> candidates = workflows.publishedFor(event.workspaceId(), event.type());
        if (candidates.isEmpty()) {
            return new Matches(null, null, List.of());
        }
        Contact contact = contactNow != null ? contactNow
                : inbox.contacts().find(event.workspaceId(), event.contactId()).orElse(null);
        if (contact == null) {
            return new Matches(null, null, List.of());
        }
        // read only if a condition names an agent: most triggers never do
        Directory directory = Directory.of(inbox.directory(), event.workspaceId());
        Facts facts = new Facts(contact, directory, clock.instant(), event.data());
        List<WorkflowDefinition> matched = candidates.stream()
                .filter(w -> !event.type().namesItsWorkflow() || w.id().equals(event.data().get(MANUAL_WORKFLOW)))
                .filter(w -> w.trigger().accepts(event))
                .filter(w -> evaluator.evaluate(w.trigger().conditions(), facts).matched())
                .toList();
        return new Matches(contact, directory, matched);
    }

    /**
     * Resumes a run whose wait is over, or whose lease ran out because its process died. Early,
     * late, repeated or concurrent deliveries change nothing: only the delivery that claims the run
     * (a write conditional on its version) resumes it.
     */
    public WakeUpResult wakeUp(WakeUpCall call) {
        return resume(call, RunEvent.DUE, null);
    }

    /**
     * As {@link #wakeUp(WakeUpCall)}, with the run and contact as {@link #readForWakeUps} read them a moment
     * ago (null: read now). A read that has gone stale costs only a retry: every write the wake-up makes is
     * conditional on what it read.
     */
    public WakeUpResult wakeUp(WakeUpCall call, RunStore.Resumable read) {
        return resume(call, RunEvent.DUE, read);
    }

    /** The runs and contacts of many wake-ups, in one read where the store can: for {@link #wakeUp(WakeUpCall, RunStore.Resumable)}. */
    public List<RunStore.Resumable> readForWakeUps(List<WakeUpCall> calls) {
        return runs.findAllToResume(calls);
    }

    /**
     * Offers a queued contact again now, because an agent of its pool came online: the run resumes at
     * its Assign To step as at a re-offer. A run no longer queued is left alone (NOT_DUE).
     */
    public WakeUpResult offerQueued(String workspaceId, String contactId, String runId) {
        return resume(new WakeUpCall(workspaceId, contactId, runId, null, null), RunEvent.AGENT_AVAILABLE, null);
    }

    private WakeUpResult resume(WakeUpCall call, RunEvent event, RunStore.Resumable read) {
        try {
            return resume(call, event, wakeUpWrites != WakeUpWrites.CLAIM_FIRST, read);
        } catch (ChangedSinceRead changedSinceRead) {
            // the held or guarded writes rested on a read the inbox has moved past: work it out again, claiming first
            return resume(call, event, false, null);
        }
    }

    private WakeUpResult resume(WakeUpCall call, RunEvent event, boolean mayHold, RunStore.Resumable read) {
        RunStore.Resumable resumable = read != null ? read
                : runs.findToResume(call.workspaceId(), call.contactId(), call.runId());
        Optional<Run> found = resumable.run();
        if (found.isEmpty()) {
            // a held call may come before its run's first write lands (the write that took it is still on its way)
            return call.storedVersion() > 0 ? WakeUpResult.NOT_YET : WakeUpResult.UNKNOWN_RUN;
        }
        Run run = found.get();
        if (run.isFinished()) {
            return WakeUpResult.ALREADY_FINISHED;
        }
        if (run.version() < call.storedVersion()) {
            return WakeUpResult.NOT_YET; // the write that stores this wait has not landed: no stale verdict yet
        }
        if (call.token() != null && !call.token().equals(run.wakeToken())) {
            return WakeUpResult.STALE_TOKEN;
        }
        Instant now = clock.instant();
        Instant due = run.dueAt();
        Optional<RunMachine.Transition> woken = RunMachine.fire(run, event, now);
        if (woken.isEmpty()) {
            // a held call is the run's only timer: one that comes a moment early must come again, not be dropped
            return call.storedVersion() > 0 ? WakeUpResult.NOT_YET : WakeUpResult.NOT_DUE;
        }
        run.lease(now.plus(lease), now);
        boolean wakesFromWait = woken.get().recordsWakeUp();
        Map<String, String> details = new LinkedHashMap<>();
        if (wakesFromWait) {
            details.put("dueAt", due.toString());
            details.put("lateness", Duration.between(due, now).toString());
            run.record(new StepRecord(run.beginStep(), "wake-up", "wake_up", null, now, "woke up", details, List.of()));
        }
        // a wake-up from a wait runs its first steps before claiming the run: their writes held (HeldWrites),
        // or made first, keyed and guarded by the read (GuardedInbox)
        Segment segment = !mayHold || !wakesFromWait ? Segment.claimed()
                : wakeUpWrites == WakeUpWrites.EFFECTS_FIRST && (commits == null || !commits.inOneWrite(run))
                        ? Segment.wakingUnclaimed() : Segment.holdingWrites();
        boolean claimed = !segment.holding() && !segment.unclaimed();
        if (claimed && !save(run)) {
            return WakeUpResult.CLAIMED_ELSEWHERE;
        }
        if (wakesFromWait) {
            // told once per wake-up: by the delivery that claimed the run, or by a holding one when its commit
            // lands (one that loses its commit to another delivery woke nothing up)
            segment.wokeUp(Duration.between(due, now));
            if (claimed) {
                tellWokeUp(run, segment);
            }
        }
        Optional<WorkflowDefinition> workflow = workflows.version(run.workspaceId(), run.workflowId(),
                run.workflowVersion());
        if (workflow.isEmpty()) {
            observer.entered(run);
            try {
                fail(run, null, RunEvent.WORKFLOW_GONE, "workflow version " + run.workflowVersion()
                        + " no longer exists", now, segment);
            } finally {
                observer.left(run);
            }
            return segment.lost() ? WakeUpResult.CLAIMED_ELSEWHERE : WakeUpResult.RESUMED;
        }
        // the contact read with the run is the segment's view of it, as a read by its first step would be
        Contact contact = resumable.contact();
        if (segment.unclaimed()) {
            contact = contact != null ? contact
                    : inbox.contacts().find(run.workspaceId(), run.contactId()).orElse(null);
            continueFromMark(run, workflow.get(), contact, details);
        }
        advance(run, workflow.get(), new SegmentCache(contact, null), segment);
        return segment.lost() ? WakeUpResult.CLAIMED_ELSEWHERE : WakeUpResult.RESUMED;
    }

    /**
     * A wake-up written effects first whose earlier delivery stopped after an assignment (the contact's
     * {@link WakeUpMark} names this run at a step past its stored progress: the run was not written since)
     * continues at that step. That delivery acted on its decision; deciding again would read a contact that
     * moved on since (a reply to the new assignee would send the run down the other path, leaving the
     * reassignment without its comment). The step's key makes its assignment change nothing, and the steps
     * after it run as they would have.
     */
    private static void continueFromMark(Run run, WorkflowDefinition workflow, Contact contact,
            Map<String, String> wakeUpDetails) {
        WakeUpMark mark = contact == null ? null : contact.wakeUpMark();
        int sequence = mark == null ? -1 : mark.sequenceOf(run.id());
        if (sequence <= run.executedSteps()) {
            return; // no mark, another run's, or one of this run's steps its stored progress is past
        }
        StepPath at;
        try {
            at = StepPath.parse(mark.stepPath());
        } catch (NumberFormatException notAPath) {
            return;
        }
        Step step = workflow.stepAt(at);
        if (step == null) {
            return;
        }
        run.continueAt(at, sequence);
        wakeUpDetails.put("continuedAt", step.id() + ", where an earlier delivery of this wake-up stopped");
    }

    /**
     * The run's write for this segment: a holding segment's first write commits what its steps held, all
     * or nothing, and claims the run. False when another process advanced the run first.
     */
    private boolean write(Run run, Segment segment) {
        if (segment.uncreated()) {
            // a run names its conversation: the conversation is written first, or with the run in one write
            Opening opening = segment.pendingOpening();
            if (!(opening == null ? runs.create(run) : runs.create(run, opening))) {
                segment.lostToAnother(); // another delivery of the event stored its run first
                return false;
            }
            segment.written();
            observer.runStarted(run);
            return true;
        }
        if (segment.unclaimed()) {
            if (!save(run)) {
                segment.lostToAnother(); // another delivery of the wake-up advanced the run first
                return false;
            }
            segment.written();
            tellWokeUp(run, segment);
            return true;
        }
        if (!segment.holding()) {
            return save(run);
        }
        try {
            commits.commit(run, segment.held());
        } catch (ConcurrentUpdateException e) {
            segment.lostToAnother();
            return false;
        }
        segment.committed();
        tellWokeUp(run, segment);
        return true;
    }

    private void tellWokeUp(Run run, Segment segment) {
        Duration late = segment.takeLateness();
        if (late != null) {
            observer.wokeUp(run, late);
        }
    }

    /**
     * Resumes a run whose step (Ask a Question, AI Agent) waits for this contact's next message. Only the delivery that claims
     * the run (a write conditional on its version) resumes it; a run that is no longer waiting (it
     * timed out, finished, or the same message already answered it) is left alone and the contact's
     * marker for it removed.
     */
    public WakeUpResult replied(String workspaceId, String contactId, String runId, Awaiting.Reply reply) {
        for (int attempt = 0; ; attempt++) {
            Optional<Run> found = runs.find(workspaceId, contactId, runId);
            Run run = found.orElse(null);
            Awaiting awaited = run == null || run.isFinished() ? null
                    : run.awaiting().filter(a -> a.kind().awaitsTheContact()).orElse(null);
            boolean asking = awaited != null;
            if (asking && run.state() == RunState.RUNNING && attempt < REPLY_RACE_RETRIES) {
                // the question was sent a moment ago and its run is being written: read it again shortly
                pause();
                continue;
            }
            if (asking && reply.messageId().equals(run.lastReplyId())) {
                return WakeUpResult.ALREADY_FINISHED; // a redelivered message that already answered
            }
            Instant now = clock.instant();
            if (!asking || RunMachine.fire(run, RunEvent.REPLY_ARRIVES, now).isEmpty()) {
                inbox.contacts().awaitReply(workspaceId, contactId, runId, false);
                return run == null ? WakeUpResult.UNKNOWN_RUN : WakeUpResult.ALREADY_FINISHED;
            }
            run.hand(awaited, reply);
            run.lease(now.plus(lease), now);
            if (!save(run)) {
                return WakeUpResult.CLAIMED_ELSEWHERE;
            }
            Optional<WorkflowDefinition> workflow = workflows.version(workspaceId, run.workflowId(),
                    run.workflowVersion());
            if (workflow.isEmpty()) {
                fail(run, null, RunEvent.WORKFLOW_GONE, "workflow version " + run.workflowVersion() + " no longer exists",
                        now, Segment.claimed());
            } else {
                advance(run, workflow.get(), new SegmentCache(), Segment.claimed());
            }
            return WakeUpResult.RESUMED;
        }
    }

    /** How often a reply re-reads a run that is still being written when the reply arrives. */
    private static final int REPLY_RACE_RETRIES = 10;

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void advance(Run run, WorkflowDefinition workflow, SegmentCache cache, Segment segment) {
        observer.entered(run);
        try {
            advanceSteps(run, workflow, cache, segment);
        } finally {
            observer.left(run);
        }
    }

    private void advanceSteps(Run run, WorkflowDefinition workflow, SegmentCache cache, Segment segment) {
        for (int executed = 0; ; executed++) {
            Instant now = clock.instant();
            StepPath at = run.cursor();
            Step step = at == null ? null : workflow.stepAt(at);
            if (step == null) {
                RunMachine.require(run, RunEvent.STEPS_END, now);
                run.finish(now);
                if (write(run, segment)) {
                    observer.runFinished(run);
                    released(run, workflow);
                }
                return;
            }
            if (executed >= MAX_STEPS_PER_SEGMENT) {
                fail(run, step, RunEvent.STEP_FAILS, "more than " + MAX_STEPS_PER_SEGMENT + " steps without a wait", now,
                        segment);
                released(run, workflow);
                return;
            }
            if (segment.holding() && !types.holdsItsWrites(step) && !write(run, segment)) {
                return; // a step that calls outside systems or writes more runs claimed: claim the run first
            }
            if (segment.unwritten() && !types.repeatsHarmlessly(step) && !write(run, segment)) {
                return; // only what a redelivery may repeat runs before the run is stored or claimed
            }
            int sequence = run.beginStep();
            StepResult result;
            StepContext ctx = context(run, workflow, sequence, now, cache, segment);
            observer.stepStarting(run, step.id(), step.type());
            long began = System.nanoTime();
            try {
                try {
                    result = types.run(step, ctx);
                } catch (HeldWrites.MustClaim cannotHold) {
                    // a write the segment cannot hold: claim with what is held, then the step again, claimed
                    if (!write(run, segment)) {
                        return;
                    }
                    ctx = context(run, workflow, sequence, now, cache, segment);
                    result = types.run(step, ctx);
                }
            } catch (ChangedSinceRead changedSinceRead) {
                throw changedSinceRead; // a held commit or guarded write, not the step: the wake-up is worked out again
            } catch (Opening.Refused openedMeanwhile) {
                throw openedMeanwhile; // the opening's write, not the step: the arrival is handled again
            } catch (RuntimeException e) {
                Duration took = Duration.ofNanos(System.nanoTime() - began);
                if (storeOutage.test(e)) {
                    // told at once: nothing is written, and the step is repeated by a redelivery or the sweep
                    observer.stepRan(run, step.id(), step.type(), RunObserver.StepOutcome.ERROR, took);
                    if (segment.uncreated()) {
                        throw e; // nothing of the run is stored: the event's source delivers it again
                    }
                    // The store, not the step, failed: write nothing (the write's fate is unknown) and leave the
                    // run to its lease, as after a crash; the sweep repeats the step, whose effects carry their keys.
                    LOG.log(System.Logger.Level.WARNING, "run " + run.id() + " left to the sweep: " + e.getMessage());
                    return;
                }
                segment.tell(() -> observer.stepRan(run, step.id(), step.type(), RunObserver.StepOutcome.ERROR, took));
                fail(run, step, RunEvent.STEP_FAILS, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(),
                        now, segment);
                released(run, workflow);
                return;
            }
            Duration took = Duration.ofNanos(System.nanoTime() - began);
            StepResult ran = result;
            segment.tell(() -> observer.stepRan(run, step.id(), step.type(), outcome(ran), took));
            if (result.next() == StepResult.Next.RETRY && result.recorded()) {
                segment.tell(() -> observer.runQueued(run)); // only the first attempt of a queued assignment is recorded
            }
            List<TriggerEvent> fired = ctx.fired();
            int depth = chainDepth(run) + 1;
            if (result.recorded()) {
                run.record(new StepRecord(sequence, step.id(), step.type(), at.toString(), now, result.outcome(),
                        withFiringNotes(result.details(), fired, depth), result.observations()));
            }
            switch (result.next()) {
                case CONTINUE -> run.moveTo(at.next(workflow.steps()));
                case ENTER_BRANCH -> run.moveTo(at.enter(result.branch(), workflow.steps()));
                case END -> run.moveTo(null);
                case JUMP -> run.moveTo(result.jumpTarget());
                case WAIT, RETRY -> {
                    run.moveTo(result.next() == StepResult.Next.WAIT ? at.next(workflow.steps()) : at);
                    String token = newToken();
                    RunMachine.require(run, RunMachine.waitingFor(result.waitingAs()), now);
                    WakeUpCall call = new WakeUpCall(run.workspaceId(), run.contactId(), run.id(), token,
                            result.waitUntil());
                    // the write below stores the next version: a held call names it, so an early delivery waits for it
                    boolean held = hold(call.storedAt(run.version() + 1));
                    run.waitUntil(token, result.waitUntil(), now, held);
                    if (write(run, segment) && !held) {
                        arm(call);
                    }
                    return;
                }
            }
            if (result.changedSomething() && !types.repeatsHarmlessly(step) && !savesNext(run.cursor(), workflow)
                    && !write(run, segment)) {
                return;
            }
            // an event no published workflow listens to starts nothing: held writes then wait for the run's next write
            if (depth <= MAX_CHAIN_DEPTH && fired.stream().anyMatch(this::anyWorkflowListens)) {
                // the runs an event starts must rest on written effects, not held ones
                if ((segment.holding() || segment.unwritten()) && !write(run, segment)) {
                    return;
                }
                // run ids derive from the event ids, which derive from this step's effect key: a step
                // repeated after a crash fires the same events and starts no second run
                fired.forEach(event -> start(event, null, depth, false));
                ctx.contactChanged(null);
            }
        }
    }

    /**
     * The step's details, with a note of the events it fired that start nothing: past the chain's depth,
     * or a manual start of a workflow no longer published with a manual trigger.
     */
    private Map<String, String> withFiringNotes(Map<String, String> details, List<TriggerEvent> fired, int depth) {
        long refused = depth > MAX_CHAIN_DEPTH
                ? fired.stream().filter(e -> !matching(e, null).workflows().isEmpty()).count() : 0;
        if (refused > 0) {
            details = new LinkedHashMap<>(details);
            details.put("triggersNotFired", refused + " trigger event(s) would start workflows but were not "
                    + "fired: more than " + MAX_CHAIN_DEPTH + " workflows in a row started by workflows");
        }
        List<String> unstartable = depth > MAX_CHAIN_DEPTH ? List.of() : fired.stream()
                .filter(e -> e.type() == TriggerType.MANUAL && matching(e, null).workflows().isEmpty())
                .map(e -> e.data().get(MANUAL_WORKFLOW)).toList();
        if (!unstartable.isEmpty()) {
            // a target unpublished after this workflow was published: say so rather than start nothing silently
            details = new LinkedHashMap<>(details);
            details.put("notStarted", "workflow " + String.join(", ", unstartable) + " is not published with a "
                    + "manual trigger, or its conditions do not match; nothing was started");
        }
        return details;
    }

    /**
     * Takes the workflow's one-run-at-a-time slot for the contact. A slot held by a run that has ended
     * (its process died between the end and the release) is taken over; one held by a live run is not.
     */
    private boolean claimActive(TriggerEvent event, WorkflowDefinition workflow, String runId) {
        String holder = runs.claimActive(event.workspaceId(), workflow.id(), event.contactId(), runId, null);
        if (runId.equals(holder)) {
            return true;
        }
        boolean holderEnded = holder == null || runs.find(event.workspaceId(), event.contactId(), holder)
                .map(Run::isFinished).orElse(true);
        return holderEnded
                && runId.equals(runs.claimActive(event.workspaceId(), workflow.id(), event.contactId(), runId, holder));
    }

    private void released(Run run, WorkflowDefinition workflow) {
        if (workflow.trigger().oneRunAtATime()) {
            runs.releaseActive(run.workspaceId(), workflow.id(), run.contactId(), run.id());
        }
    }

    private static int chainDepth(Run run) {
        String depth = run.variable(CHAIN_DEPTH);
        return depth == null ? 0 : Integer.parseInt(depth);
    }

    /**
     * True when the run is about to end or wait, which writes the run anyway with nothing in between
     * that could fail: the checkpoint after the previous step rides on that write.
     */
    private static boolean savesNext(StepPath next, WorkflowDefinition workflow) {
        return next == null || workflow.stepAt(next) == null || workflow.stepAt(next) instanceof WaitStep;
    }

    /**
     * Offers the scheduler the whole wait before the run is written; a scheduler that fails to take it
     * leaves the due entry the timer of record, so a failure here costs two index writes, never the wake-up.
     */
    private boolean hold(WakeUpCall call) {
        try {
            return scheduler.hold(call);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not hand the wake-up of run " + call.runId()
                    + " to the scheduler; its due entry times it", e);
            return false;
        }
    }

    /**
     * For a wait the scheduler did not hold, the stored run is the timer of record: its due entry is swept
     * even if the scheduler never delivers. So a scheduler that cannot be reached delays a wake-up to the
     * next sweep; it must not fail the webhook or step that reached the Wait.
     */
    private void arm(WakeUpCall call) {
        try {
            scheduler.arm(call);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not arm wake-up of run " + call.runId()
                    + "; the due-timer sweep will resume it", e);
        }
    }

    /**
     * The step's context; a holding segment's steps see the inbox through {@link HoldingInbox}, and those of
     * a first delivery whose opening is not written yet through {@link OpeningInbox}.
     */
    private StepContext context(Run run, WorkflowDefinition workflow, int sequence, Instant now, SegmentCache cache,
            Segment segment) {
        InboxPorts ports = segment.holding() ? HoldingInbox.over(inbox, segment.held(), cache::contactRead)
                : segment.unclaimed() ? GuardedInbox.over(inbox, cache::contactRead, run.cursor().toString())
                : segment.pendingOpening() != null ? OpeningInbox.over(inbox, segment.pendingOpening()) : inbox;
        return new StepContext(run, workflow, run.id() + "#" + sequence, now, ports, cache, types);
    }

    private void fail(Run run, Step step, RunEvent why, String reason, Instant now, Segment segment) {
        run.record(new StepRecord(run.beginStep(), step == null ? null : step.id(), step == null ? null : step.type(),
                run.cursor() == null ? null : run.cursor().toString(), now, "failed: " + reason, Map.of(), List.of()));
        RunMachine.require(run, why, now);
        run.finish(now);
        if (write(run, segment)) {
            observer.runFinished(run);
        }
    }

    private static RunObserver.StepOutcome outcome(StepResult result) {
        return switch (result.next()) {
            case WAIT -> RunObserver.StepOutcome.WAITING;
            case RETRY -> RunObserver.StepOutcome.QUEUED;
            case END -> RunObserver.StepOutcome.ENDED;
            default -> RunObserver.StepOutcome.OK;
        };
    }

    /** False when another process advanced the run first; that process carries on, this one stops. */
    private boolean save(Run run) {
        try {
            runs.save(run);
            return true;
        } catch (ConcurrentUpdateException e) {
            return false;
        }
    }

    /** The id of the run an event starts: the same for a redelivered event, so it starts nothing twice. */
    public static String runId(WorkflowDefinition workflow, TriggerEvent event) {
        String name = event.workspaceId() + "|" + workflow.id() + "|" + event.type() + "|" + event.eventId();
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static Map<String, String> triggerData(TriggerEvent event) {
        Map<String, String> data = new LinkedHashMap<>(event.data());
        data.put("type", event.type().wireName());
        return data;
    }

    private static String newToken() {
        return UUID.randomUUID().toString();
    }
}
