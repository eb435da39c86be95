package io.switchboard.engine.run;

import java.time.Instant;

/** Asks a scheduler to deliver a wake-up call at its due time (at least once). */
public interface WakeUpScheduler {

    /** Called after the run's write that stores its wait, whose due entry stays the timer of record. */
    void arm(WakeUpCall call);

    /**
     * Called before the run's write that stores its wait: a scheduler that can keep {@code call} durably for
     * the whole wait and deliver it at least once by itself takes it and returns true, and the run is stored
     * without a due entry (two index writes fewer per wait: in, then out). False, the default, or an
     * exception leaves the due entry the timer of record, and {@link #arm} follows the write.
     */
    default boolean hold(WakeUpCall call) {
        return false;
    }

    /**
     * Called by the periodic sweep that was scheduled for {@code scheduledAt}: a scheduler that
     * delivers in two stages hands over the wake-ups due soon to the stage that fires them on time,
     * and returns how many. A scheduler that arms each wake-up in full has nothing to do.
     */
    default int handOverUpcoming(Instant scheduledAt) {
        return 0;
    }
}
