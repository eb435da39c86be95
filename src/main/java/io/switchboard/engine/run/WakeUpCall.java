package io.switchboard.engine.run;

import java.time.Instant;

/**
 * The message a scheduler delivers to wake a run. {@code token} names one particular wait: a delivery
 * whose token no longer matches the run is late or duplicated and changes nothing. The sweep passes
 * no token: it asks "resume this run if anything about it is due".
 *
 * <p>{@code storedVersion} is set only on a call a scheduler holds for its whole wait
 * ({@link WakeUpScheduler#hold}): taken before the run's write that stores the wait, it names the version
 * that write stores, so a delivery that finds the run older knows the write has not landed yet, and
 * comes back later rather than being dropped as stale. Zero otherwise.
 */
public record WakeUpCall(String workspaceId, String contactId, String runId, String token, Instant dueAt,
        long storedVersion) {

    public WakeUpCall(String workspaceId, String contactId, String runId, String token, Instant dueAt) {
        this(workspaceId, contactId, runId, token, dueAt, 0);
    }

    /** This call as a scheduler holds it: naming the version the run's write that stores the wait stores. */
    public WakeUpCall storedAt(long version) {
        return new WakeUpCall(workspaceId, contactId, runId, token, dueAt, version);
    }
}
