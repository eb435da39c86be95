package io.switchboard.engine.run;

import java.time.Instant;

/** Asks a scheduler to deliver a wake-up call at its due time (at least once). */
public interface WakeUpScheduler {

    void arm(WakeUpCall call);

    /**
     * Called by the periodic sweep that was scheduled for {@code scheduledAt}: a scheduler that
     * delivers in two stages hands over the wake-ups due soon to the stage that fires them on time,
     * and returns how many. A scheduler that arms each wake-up in full has nothing to do.
     */
    default int handOverUpcoming(Instant scheduledAt) {
        return 0;
    }
}
