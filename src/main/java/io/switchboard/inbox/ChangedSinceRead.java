package io.switchboard.inbox;

/**
 * A write made only if the inbox was still as a moment's read showed it found it changed: nothing was
 * written, and the caller works its decision out again on a fresh read.
 */
public class ChangedSinceRead extends RuntimeException {

    public ChangedSinceRead(String what) {
        super(what + " changed since the wake-up read it", null, false, false);
    }
}
