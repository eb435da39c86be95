package io.switchboard.engine.run;

import io.switchboard.inbox.ConcurrentUpdateException;

/**
 * Writes a run together with the inbox writes its steps held, all or none: the store side of
 * {@link HeldWrites}. A store that can do it in one atomic request lets a wake-up skip its claim.
 */
public interface SegmentCommits {

    /**
     * Writes the run if its stored version is still {@code run.version()} (then bumps it) and, in the same
     * atomic write, every held write.
     *
     * @throws ConcurrentUpdateException when the run was advanced by another process first: nothing written
     * @throws HeldWrites.Stale when a held write's expectation of the inbox no longer holds: nothing written
     */
    void commit(Run run, HeldWrites held);

    /**
     * True when this store commits {@code run} with the held writes of its contact in one plain write (no
     * transaction), as it does a run stored with its contact: a wake-up that would write its effects first
     * then holds them for that write instead.
     */
    default boolean inOneWrite(Run run) {
        return false;
    }
}
