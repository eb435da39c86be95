package io.switchboard.engine.step;

import java.time.Instant;
import java.util.Optional;

/**
 * At-most-once effects on outside systems that cannot deduplicate (a row appended to Google Sheets):
 * the step's effect key is claimed durably before the call, so a step executed again after a crash, or
 * by a racing process, finds the claim and does not call a second time. The price is that a call cut
 * off by a crash is never repeated: we prefer a missing row to a duplicated one.
 */
public interface EffectClaims {

    /** What the execution that holds the claim recorded: null outcome when it stopped mid-call. */
    record Earlier(String outcome, boolean failed) {
    }

    /** Takes {@code effectKey}: empty when this caller now holds it and may call, else the earlier claim. */
    Optional<Earlier> claim(String workspaceId, String contactId, String effectKey, Instant now);

    /** Records how the call went, so that a re-executed step repeats the same outcome without calling. */
    void settle(String workspaceId, String contactId, String effectKey, String outcome, boolean failed);
}
