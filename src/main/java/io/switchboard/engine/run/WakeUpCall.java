package io.switchboard.engine.run;

import java.time.Instant;

/**
 * The message a scheduler delivers to wake a run. {@code token} names one particular wait: a delivery
 * whose token no longer matches the run is late or duplicated and changes nothing. The sweep passes
 * no token: it asks "resume this run if anything about it is due".
 */
public record WakeUpCall(String workspaceId, String contactId, String runId, String token, Instant dueAt) {
}
