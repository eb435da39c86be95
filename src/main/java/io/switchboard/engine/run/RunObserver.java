package io.switchboard.engine.run;

import java.time.Duration;

/**
 * What the engine tells the operator's tools (metrics, log context) as runs move. The engine stays
 * free of any metrics or logging library: an adapter outside {@code engine/} implements this. Every
 * method has a no-op default, so an adapter implements only what it reports.
 */
public interface RunObserver {

    /** Does nothing: engines built without an observer (the engine tests) use it. */
    RunObserver NONE = new RunObserver() {
    };

    /** The calling thread starts working on the run (a start, a wake-up or a reply); paired with {@link #left}. */
    default void entered(Run run) {
    }

    /** The calling thread stops working on the run, whatever happened. */
    default void left(Run run) {
    }

    /** A step is about to run. */
    default void stepStarting(Run run, String stepId, String stepType) {
    }

    /** A step ran; {@code outcome} is one of a few fixed words (see {@link StepOutcome}). */
    default void stepRan(Run run, String stepType, StepOutcome outcome, Duration took) {
    }

    /**
     * As {@link #stepRan(Run, String, StepOutcome, Duration)}, naming the step: a segment that is not written
     * yet tells its steps once its write lands, when a later step may be the one running.
     */
    default void stepRan(Run run, String stepId, String stepType, StepOutcome outcome, Duration took) {
        stepRan(run, stepType, outcome, took);
    }

    default void runStarted(Run run) {
    }

    /** The run completed or failed. */
    default void runFinished(Run run) {
    }

    /** An assignment found nobody eligible: the contact waits in the queue. */
    default void runQueued(Run run) {
    }

    /** A wait was over and the run woke up this long after its due time. */
    default void wokeUp(Run run, Duration lateness) {
    }

    /** What became of a step, in words few enough to tag a metric with. */
    enum StepOutcome {
        /** it did its work and the run goes on */
        OK,
        /** the run waits (a Wait, a question, an AI turn) */
        WAITING,
        /** nobody could take the assignment; it is retried later */
        QUEUED,
        /** the run ends here (Close, End) */
        ENDED,
        /** the step threw: the run failed */
        ERROR;

        public String tag() {
            return name().toLowerCase();
        }
    }
}
