package io.switchboard.engine.run;

/** Asks a scheduler to deliver a wake-up call at its due time (at least once). */
public interface WakeUpScheduler {

    void arm(WakeUpCall call);
}
