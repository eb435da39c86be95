package io.switchboard.inbox;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Round-robin tickets as a process takes them: one at a time while assignments are few, and in
 * blocks during a burst. A thousand wake-ups due in the same second each took one ticket with its
 * own UpdateItem on the team's one rotation item: a third of a wake-up's store requests and half of
 * its writes. Here a block used up within {@link #QUICK} of its taking makes the next one twice as
 * large (up to {@link #MOST}), a slower one keeps the size, and after {@link #QUIET} without a new
 * block the size is back to one. A block's tickets are all handed out, in order, however long that
 * takes: one process's assignments rotate exactly as before, and with several processes every ticket
 * taken is used, so the rotation stays even (at most {@link #MOST} - 1 per process wait in a block). A
 * process that stops with part of a block unused leaves those tickets unused: the rotation skips them,
 * at most {@link #MOST} - 1 places once.
 */
final class RoundRobinBlocks {

    /** A block used up this fast means a burst: the next one is twice as large. */
    static final Duration QUICK = Duration.ofMillis(250);
    /** This long without a new block: one ticket at a time again. */
    static final Duration QUIET = Duration.ofSeconds(1);
    /** The largest block. */
    static final int MOST = 32;

    private record Rotation(String workspaceId, String teamId) {
    }

    private static final class Block {
        boolean taken;
        long next;
        long end;
        long takenAt;
        int size;
    }

    private final DirectoryStore store;
    private final LongSupplier nanos;
    private final Map<Rotation, Block> blocks = new ConcurrentHashMap<>();

    RoundRobinBlocks(DirectoryStore store, LongSupplier nanos) {
        this.store = store;
        this.nanos = nanos;
    }

    long next(String ws, String teamId) {
        Block block = blocks.computeIfAbsent(new Rotation(ws, teamId), k -> new Block());
        // one taking per rotation at a time: the others wait for its block instead of each taking one
        synchronized (block) {
            long now = nanos.getAsLong();
            long age = now - block.takenAt;
            if (block.taken && block.next < block.end) {
                return block.next++;
            }
            int size;
            if (!block.taken || age >= QUIET.toNanos()) {
                size = 1;
            } else if (age < QUICK.toNanos()) {
                size = Math.min(block.size * 2, MOST);
            } else {
                size = block.size;
            }
            long first = store.nextRoundRobinTickets(ws, teamId, size);
            block.taken = true;
            block.takenAt = now;
            block.size = size;
            block.next = first + 1;
            block.end = first + size;
            return first;
        }
    }
}
