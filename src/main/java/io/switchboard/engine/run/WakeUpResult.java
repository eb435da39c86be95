package io.switchboard.engine.run;

/** What a wake-up delivery did; anything but RESUMED means it changed nothing. */
public enum WakeUpResult {
    RESUMED, UNKNOWN_RUN, STALE_TOKEN, NOT_DUE, ALREADY_FINISHED, CLAIMED_ELSEWHERE
}
