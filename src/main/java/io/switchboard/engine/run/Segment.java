package io.switchboard.engine.run;

import java.time.Duration;

/**
 * How one segment of a run (its steps from a start, wake-up or reply to the next wait or the end)
 * writes: claimed, the run written with a lease before its steps, which write the inbox themselves; or
 * holding, a wake-up's steps that hold their writes running first, their inbox writes kept in
 * {@link HeldWrites} until the run's first write commits them with it, which makes the segment claimed.
 */
final class Segment {

    private HeldWrites held;
    private boolean lost;
    private Duration lateness;

    private Segment(HeldWrites held) {
        this.held = held;
    }

    static Segment claimed() {
        return new Segment(null);
    }

    static Segment holdingWrites() {
        return new Segment(new HeldWrites());
    }

    boolean holding() {
        return held != null;
    }

    /** The writes held so far; only while holding. */
    HeldWrites held() {
        return held;
    }

    /** The held writes landed with the run: from now on the steps write the inbox themselves. */
    void committed() {
        held = null;
    }

    /** Another process advanced the run first: this segment changed nothing and stops. */
    void lostToAnother() {
        lost = true;
    }

    /** True when another process advanced the run first: this one changed nothing. */
    boolean lost() {
        return lost;
    }

    /** The run woke up this late; the observer hears of it once the segment holds the run. */
    void wokeUp(Duration late) {
        lateness = late;
    }

    /** The lateness to tell the observer, once; null when there is none (or it was told). */
    Duration takeLateness() {
        Duration late = lateness;
        lateness = null;
        return late;
    }
}
