package io.switchboard.inbox;

/** Someone else changed the record between our read and our write; read again and retry. */
public class ConcurrentUpdateException extends RuntimeException {
    public ConcurrentUpdateException(String what) {
        super(what + " was changed concurrently");
    }
}
