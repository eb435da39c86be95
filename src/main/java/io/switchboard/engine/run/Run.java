package io.switchboard.engine.run;

import io.switchboard.engine.workflow.StepPath;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The persisted state of one workflow run for one contact. Stores write it with a condition on
 * {@code version}, so two processes resuming the same run cannot both advance it.
 */
public final class Run {

    private final String workspaceId;
    private final String id;
    private final String workflowId;
    private final int workflowVersion;
    private final String contactId;
    private final String conversationId;
    private final Map<String, String> triggerData;
    private final Instant startedAt;
    private RunState state;
    private StepPath cursor;
    private int executedSteps;
    private Instant dueAt;
    private Instant leaseUntil;
    private String wakeToken;
    /** The scheduler holds this wait's wake-up ({@link WakeUpScheduler#hold}): the stored run has no due entry. */
    private boolean timerHeld;
    /** Set by a store keeping the run in its contact's record (see {@code RunStore.create(Run, Opening)}). */
    private boolean keptWithContact;
    private int keptRoom;
    private Instant updatedAt;
    private long version;
    private final List<StepRecord> history;
    private final Map<String, String> variables;

    public Run(String workspaceId, String id, String workflowId, int workflowVersion, String contactId,
            String conversationId, Map<String, String> triggerData, Instant startedAt, RunStatus status,
            StepPath cursor, int executedSteps, Instant dueAt, Instant leaseUntil, String wakeToken, Instant updatedAt,
            long version,
            List<StepRecord> history, Map<String, String> variables) {
        this(workspaceId, id, workflowId, workflowVersion, contactId, conversationId, triggerData, startedAt,
                RunState.of(status, variables), cursor, executedSteps, dueAt, leaseUntil, wakeToken, updatedAt, version,
                history, variables);
    }

    public Run(String workspaceId, String id, String workflowId, int workflowVersion, String contactId,
            String conversationId, Map<String, String> triggerData, Instant startedAt, RunState state,
            StepPath cursor, int executedSteps, Instant dueAt, Instant leaseUntil, String wakeToken, Instant updatedAt,
            long version, List<StepRecord> history, Map<String, String> variables) {
        this.workspaceId = workspaceId;
        this.id = id;
        this.workflowId = workflowId;
        this.workflowVersion = workflowVersion;
        this.contactId = contactId;
        this.conversationId = conversationId;
        this.triggerData = Map.copyOf(triggerData);
        this.startedAt = startedAt;
        this.state = state;
        this.cursor = cursor;
        this.executedSteps = executedSteps;
        this.dueAt = dueAt;
        this.leaseUntil = leaseUntil;
        this.wakeToken = wakeToken;
        this.updatedAt = updatedAt;
        this.version = version;
        this.history = new ArrayList<>(history);
        this.variables = new java.util.TreeMap<>(variables);
    }

    public String workspaceId() { return workspaceId; }
    public String id() { return id; }
    public String workflowId() { return workflowId; }
    public int workflowVersion() { return workflowVersion; }
    public String contactId() { return contactId; }
    public String conversationId() { return conversationId; }
    public Map<String, String> triggerData() { return triggerData; }
    public Instant startedAt() { return startedAt; }
    /** The coarse status the API shows: running, waiting, completed or failed. */
    public RunStatus status() { return state.status(); }
    /** The state, naming the kind of waiting; changed only by {@link RunMachine}. */
    public RunState state() { return state; }
    public StepPath cursor() { return cursor; }
    public int executedSteps() { return executedSteps; }
    /** When the sweep should look at this run: the end of its wait, or when a dead process's lease may be taken over. */
    public Instant dueAt() { return dueAt; }
    public Instant leaseUntil() { return leaseUntil; }
    public String wakeToken() { return wakeToken; }
    /**
     * True while the run waits on a wake-up its scheduler holds: stores leave it out of the due index, since
     * the scheduler delivers it. A lease or the run's end clears it: a running run's due entry is its lease.
     */
    public boolean timerHeld() { return timerHeld; }
    public Instant updatedAt() { return updatedAt; }
    public long version() { return version; }
    public List<StepRecord> history() { return List.copyOf(history); }
    /** Values steps keep for the rest of the run (a queued assignment's start, later saved answers). */
    public Map<String, String> variables() { return Map.copyOf(variables); }

    public String variable(String name) {
        return variables.get(name);
    }

    /** Sets ({@code value} non-null) or removes a run variable; persisted with the next checkpoint. */
    public void setVariable(String name, String value) {
        if (value == null) {
            variables.remove(name);
        } else {
            variables.put(name, value);
        }
    }

    public boolean isFinished() {
        return state.isFinished();
    }

    /** What the paused step awaits and until when; empty when no step awaits anything but a timer. */
    public java.util.Optional<Awaiting> awaiting() {
        return AwaitingVariables.read(variables);
    }

    /**
     * What a run's stored variables say it awaits, for a reader that has the variables but not the run
     * (the conversation list's "queued since"); runs stored in the old form included.
     */
    public static java.util.Optional<Awaiting> awaitingIn(Map<String, String> storedVariables) {
        return AwaitingVariables.read(storedVariables);
    }

    /** Records what the step awaits ({@code null}: nothing any more); persisted with the next checkpoint. */
    public void await(Awaiting awaiting) {
        AwaitingVariables.write(variables, awaiting);
    }

    /** The id of the last message of the contact's handed to the run. */
    String lastReplyId() {
        return variables.get(AwaitingVariables.LAST_REPLY);
    }

    /** The contact's message, handed to the awaiting step, which takes it when the run resumes. */
    void hand(Awaiting awaiting, Awaiting.Reply reply) {
        await(awaiting.withReply(reply));
        variables.put(AwaitingVariables.LAST_REPLY, reply.messageId());
    }

    /** Number of the next step execution; with the run id it keys that step's effects. */
    int beginStep() {
        return ++executedSteps;
    }

    void record(StepRecord entry) {
        history.add(entry);
    }

    /** Set by {@link RunMachine} only. */
    void enter(RunState next) {
        state = next;
    }

    void moveTo(StepPath next) {
        cursor = next;
    }

    /**
     * Moves to step {@code at}, whose execution will be number {@code sequence}: where an earlier delivery of
     * this segment had got to, so that the step's effects carry the keys they were first made with.
     */
    void continueAt(StepPath at, int sequence) {
        cursor = at;
        executedSteps = sequence - 1;
    }

    /**
     * Running under a lease: if this process dies, the sweep takes the run over after {@code until}.
     * {@code dueAt} is left as it is (already past, or the lease end for a new run), so claiming a
     * run does not rewrite its entry in the due index.
     */
    void lease(Instant until, Instant now) {
        wakeToken = null;
        timerHeld = false;
        leaseUntil = until;
        if (dueAt == null) {
            dueAt = until;
        }
        updatedAt = now;
    }

    void waitUntil(String token, Instant due, Instant now, boolean held) {
        wakeToken = token;
        timerHeld = held;
        dueAt = due;
        leaseUntil = null;
        updatedAt = now;
    }

    void finish(Instant now) {
        cursor = null;
        wakeToken = null;
        timerHeld = false;
        dueAt = null;
        leaseUntil = null;
        updatedAt = now;
    }

    /** Called by stores reading back a run stored while its scheduler held its wake-up. */
    public Run markTimerHeld() {
        this.timerHeld = true;
        return this;
    }

    /** True while the store keeps the run in its contact's record rather than in a record of its own. */
    public boolean keptWithContact() {
        return keptWithContact;
    }

    /** Called by stores that keep (true) or stopped keeping (false) the run in its contact's record. */
    public Run markKeptWithContact(boolean kept) {
        this.keptWithContact = kept;
        return this;
    }

    /**
     * Bytes the contact's record had to spare for this run and what its next write adds there, as its store
     * counts them when it read the run (0 when it does not know): what lets a store tell whether a comment can
     * ride in that write without the record passing the size its writes are billed by.
     */
    public int keptRoom() {
        return keptRoom;
    }

    /** Called by stores reading back a run they keep in its contact's record, with the room that record had. */
    public Run markKeptWithContact(int room) {
        this.keptWithContact = true;
        this.keptRoom = room;
        return this;
    }

    /** Called by stores after a successful conditional write. */
    public void markSaved(long newVersion) {
        this.version = newVersion;
    }
}
