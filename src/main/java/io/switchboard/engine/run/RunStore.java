package io.switchboard.engine.run;

import io.switchboard.inbox.Contact;
import io.switchboard.inbox.ConcurrentUpdateException;
import io.switchboard.inbox.Opening;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface RunStore {

    /** Stores a new run; false when a run with this id exists (the same trigger event delivered again). */
    boolean create(Run run);

    /**
     * As {@link #create(Run)}, for a run started by the conversation {@code opening} opens, before the
     * opening is written: a store that can keep the run in its contact's record writes the opening (with
     * the assignment decided on it), the run and its wait in one write; by default the opening lands
     * first, then the run is created. Throws {@link Opening.Refused} when the contact changed since the
     * arrival read it; nothing was written then.
     */
    default boolean create(Run run, Opening opening) {
        opening.land();
        return create(run);
    }

    /**
     * Records that the contact is enrolled in the workflow by run {@code runId}; false when the contact
     * was enrolled before by another run ("Trigger once per contact"). Repeating it for the same run
     * returns true, so a redelivered event still resumes its own run.
     */
    boolean enrolOnce(String workspaceId, String workflowId, String contactId, String runId, Instant at);

    /**
     * Claims the workflow's "one run at a time" slot for the contact for run {@code runId}, or takes it
     * over from run {@code replacing} (which ended without releasing it); repeating it for the same run
     * succeeds. Returns the run holding the slot afterwards: {@code runId} when claimed.
     */
    String claimActive(String workspaceId, String workflowId, String contactId, String runId, String replacing);

    /** Frees the slot when run {@code runId} holds it; does nothing otherwise. */
    void releaseActive(String workspaceId, String workflowId, String contactId, String runId);

    Optional<Run> find(String workspaceId, String contactId, String runId);

    /** A run about to resume, with its contact when the store read both at once (else null: read on use). */
    record Resumable(Optional<Run> run, Contact contact) {
    }

    /**
     * The run and its contact, as a wake-up needs them: a store that can read both in one request
     * does (a wake-up then costs one read less); the default reads the run only.
     */
    default Resumable findToResume(String workspaceId, String contactId, String runId) {
        return new Resumable(find(workspaceId, contactId, runId), null);
    }

    /**
     * What {@link #findToResume} reads, for many wake-ups at once, in the order of {@code calls}: a store
     * that can read them all in one request does (a sweep or a queue's batch then costs one read, not one
     * per wake-up); the default reads them one by one.
     */
    default List<Resumable> findAllToResume(List<WakeUpCall> calls) {
        return calls.stream().map(c -> findToResume(c.workspaceId(), c.contactId(), c.runId())).toList();
    }

    /** Writes the run if its stored version is still {@code run.version()}, then bumps the version. */
    void save(Run run) throws ConcurrentUpdateException;

    List<Run> listByContact(String workspaceId, String contactId);

    /**
     * Runs whose wake-up or lease is due at or before {@code now}, oldest first. Reads only due
     * entries, so its cost grows with the number due, not with the number pending.
     */
    List<WakeUpCall> due(Instant now, int limit);

    /** How many shards the due index is spread over; sweeping processes may divide them between them. */
    int dueShards();

    /**
     * The entries of one due-index shard whose time is in {@code [from, until)}, oldest first, at most
     * {@code limit}, each with the wake token the index holds (it may lag the run by a moment, so a
     * delivery carrying it can be stale, never wrong).
     */
    List<WakeUpCall> dueInShard(int shard, Instant from, Instant until, int limit);
}
