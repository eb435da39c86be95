package io.switchboard.engine.run;

/** What a wake-up delivery did; anything but RESUMED means it changed nothing. */
public enum WakeUpResult {
    RESUMED, UNKNOWN_RUN, STALE_TOKEN, NOT_DUE, ALREADY_FINISHED, CLAIMED_ELSEWHERE,
    /** The wake-up could not be completed (a store error); the run stays due and is tried again. */
    FAILED,
    /**
     * A held call ({@link WakeUpCall#storedVersion}) arrived before the write that stores its wait: to be
     * delivered again later, never dropped, since no due entry would wake the run otherwise.
     */
    NOT_YET
}
