package io.switchboard.engine.run;

import io.switchboard.inbox.Opening;
import java.time.Duration;

/**
 * How one segment of a run (its steps from a start, wake-up or reply to the next wait or the end)
 * writes: claimed, the run written with a lease before its steps, which write the inbox themselves;
 * holding, a wake-up's steps that hold their writes running first, their inbox writes kept in
 * {@link HeldWrites} until the run's first write commits them with it, which makes the segment claimed;
 * uncreated, a new run on its event's first delivery whose steps that repeat harmlessly run before
 * the run is stored, its first write creating it (the event's redelivery repeats them if it never lands);
 * or unclaimed, a wake-up's steps that repeat harmlessly running before the run is written, each writing
 * the inbox itself as {@link GuardedInbox} lets it, the run's first write (at the version the wake-up read)
 * claiming it (a duplicate or stale delivery repeats them, which changes nothing).
 */
final class Segment {

    private HeldWrites held;
    private boolean uncreated;
    private boolean unclaimed;
    /** The conversation the first delivery's message opens, while no write has landed it; else null. */
    private Opening opening;
    private boolean lost;
    private Duration lateness;
    /** What the observer is told once the run is written: a delivery that loses its write ran nothing. */
    private final java.util.List<Runnable> untold = new java.util.ArrayList<>();

    private Segment(HeldWrites held, boolean uncreated) {
        this.held = held;
        this.uncreated = uncreated;
    }

    static Segment claimed() {
        return new Segment(null, false);
    }

    static Segment holdingWrites() {
        return new Segment(new HeldWrites(), false);
    }

    /** A new run not stored yet: its first write creates it, conditional on no run having that id. */
    static Segment creatingTheRun() {
        return new Segment(null, true);
    }

    /** A wake-up whose run is not claimed: its first write, at the version read, claims it. */
    static Segment wakingUnclaimed() {
        Segment segment = new Segment(null, false);
        segment.unclaimed = true;
        return segment;
    }

    /**
     * As {@link #creatingTheRun()}, on a first delivery whose conversation opening is not written yet
     * (null: it is): the steps see the inbox through {@link OpeningInbox}, and the run's create lands it first.
     */
    static Segment creatingTheRun(Opening opening) {
        Segment segment = new Segment(null, true);
        segment.opening = opening;
        return segment;
    }

    /** The opening no write has landed yet; null when there is none or it is written. */
    Opening pendingOpening() {
        return opening == null || opening.landed() ? null : opening;
    }

    /** Writes the opening, when it is still pending, before the run's first write. */
    void landOpening() {
        if (pendingOpening() != null) {
            opening.land();
        }
    }

    /** True until the run's first write created it. */
    boolean uncreated() {
        return uncreated;
    }

    /** True until the wake-up's first write claimed its run. */
    boolean unclaimed() {
        return unclaimed;
    }

    /**
     * True while the run is not written by this segment (uncreated or unclaimed): only steps that repeat
     * harmlessly run, writing the inbox themselves.
     */
    boolean unwritten() {
        return uncreated || unclaimed;
    }

    /** The wake-up's first write claimed its run: from now on the segment is claimed. */
    void claimedByItsWrite() {
        unclaimed = false;
        tellWhatWasKept();
    }

    /** The run's first write created it: from now on the segment is claimed. */
    void created() {
        uncreated = false;
        tellWhatWasKept();
    }

    /**
     * Tells {@code told} to the observer now when the run is written (claimed), or once its first write
     * lands while it is not yet (uncreated, unclaimed or holding): of two deliveries, only the one that writes counts
     * its steps.
     */
    void tell(Runnable told) {
        if (uncreated || unclaimed || held != null) {
            untold.add(told);
        } else {
            told.run();
        }
    }

    private void tellWhatWasKept() {
        untold.forEach(Runnable::run);
        untold.clear();
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
        tellWhatWasKept();
    }

    /** Another process advanced the run first: this segment changed nothing and stops. */
    void lostToAnother() {
        lost = true;
        untold.clear();
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
