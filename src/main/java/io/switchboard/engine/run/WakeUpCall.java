package io.switchboard.engine.run;

import java.time.Instant;

/**
 * The message a scheduler delivers to wake a run. {@code token} names one particular wait (or lease):
 * a delivery whose token no longer matches the run is late or duplicated and changes nothing.
 */
public record WakeUpCall(String workspaceId, String runId, String token, Instant dueAt) {
}
