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

    /** What the run's first write in this segment does while no step wrote it yet: its create, its claim, or nothing. */
    private enum FirstWrite { NONE, CREATES, CLAIMS }

    private HeldWrites held;
    private FirstWrite pending;
    /** The conversation the first delivery's message opens, while no write has landed it; else null. */
    private Opening opening;
    private boolean lost;
    private Duration lateness;
    /** What the observer is told once the run is written: a delivery that loses its write ran nothing. */
    private final java.util.List<Runnable> untold = new java.util.ArrayList<>();

    private Segment(HeldWrites held, FirstWrite pending) {
        this.held = held;
        this.pending = pending;
    }

    static Segment claimed() {
        return new Segment(null, FirstWrite.NONE);
    }

    static Segment holdingWrites() {
        return new Segment(new HeldWrites(), FirstWrite.NONE);
    }

    /** A new run not stored yet: its first write creates it, conditional on no run having that id. */
    static Segment creatingTheRun() {
        return new Segment(null, FirstWrite.CREATES);
    }

    /** A wake-up whose run is not claimed: its first write, at the version read, claims it. */
    static Segment wakingUnclaimed() {
        return new Segment(null, FirstWrite.CLAIMS);
    }

    /**
     * As {@link #creatingTheRun()}, on a first delivery whose conversation opening is not written yet
     * (null: it is): the steps see the inbox through {@link OpeningInbox}, and the run's create lands it first or with the run.
     */
    static Segment creatingTheRun(Opening opening) {
        Segment segment = creatingTheRun();
        segment.opening = opening;
        return segment;
    }

    /** The opening no write has landed yet; null when there is none or it is written. */
    Opening pendingOpening() {
        return opening == null || opening.landed() ? null : opening;
    }

    /** True until the run's first write created it. */
    boolean uncreated() {
        return pending == FirstWrite.CREATES;
    }

    /** True until the wake-up's first write claimed its run. */
    boolean unclaimed() {
        return pending == FirstWrite.CLAIMS;
    }

    /**
     * True while the run is not written by this segment (uncreated or unclaimed): only steps that repeat
     * harmlessly run, writing the inbox themselves.
     */
    boolean unwritten() {
        return pending != FirstWrite.NONE;
    }

    /** The run's first write created or claimed it: from now on the segment is claimed. */
    void written() {
        pending = FirstWrite.NONE;
        tellWhatWasKept();
    }

    /**
     * Tells {@code told} to the observer now when the run is written (claimed), or once its first write
     * lands while it is not yet (uncreated, unclaimed or holding): of two deliveries, only the one that writes counts
     * its steps.
     */
    void tell(Runnable told) {
        if (unwritten() || held != null) {
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
