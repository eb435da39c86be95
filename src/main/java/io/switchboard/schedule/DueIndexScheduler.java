package io.switchboard.schedule;

import io.switchboard.engine.run.WakeUpCall;
import io.switchboard.engine.run.WakeUpScheduler;

/**
 * The due-timer index adapter. Arming costs nothing extra: the waiting run's own item carries its due
 * time into the sparse {@code due} index, and {@link DueTimerSweep} finds it there.
 */
public final class DueIndexScheduler implements WakeUpScheduler {

    @Override
    public void arm(WakeUpCall call) {
        // the run store already wrote the due entry with the run
    }
}
