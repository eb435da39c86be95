package io.switchboard.schedule;

import io.switchboard.engine.run.RunStore;
import io.switchboard.engine.run.WakeUpCall;
import io.switchboard.engine.run.WakeUpScheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Wake-ups on AWS in two stages. The due index is the timer of record; the sweep scheduled for
 * minute M (which EventBridge Scheduler may start anywhere inside that minute) hands every wake-up
 * due in {@code [M + 1 min, M + 2 min)} to {@link SqsWakeUpQueue} with the remaining delay, so it
 * fires within about a second of its due time. Each slot belongs to exactly one scheduled sweep, so a
 * wake-up is normally sent once.
 *
 * <p>A wait armed after its slot may already have been handed over (a wait shorter than two minutes)
 * is sent at once instead. A slot whose sweep did not run is caught by the next sweep's due pass,
 * about a minute late; duplicates (a retried sweep, a wait armed while its slot is being handed over)
 * wake the run once.
 */
public final class TwoStageWakeUps implements WakeUpScheduler {

    /** How far ahead of its slot a sweep runs: it may start up to a minute after its scheduled time. */
    public static final Duration LEAD = Duration.ofMinutes(1);
    public static final Duration SLOT = Duration.ofMinutes(1);

    private final RunStore runs;
    private final SqsWakeUpQueue queue;
    private final Clock clock;

    public TwoStageWakeUps(RunStore runs, SqsWakeUpQueue queue, Clock clock) {
        this.runs = runs;
        this.queue = queue;
        this.clock = clock;
    }

    /** The slot the sweep scheduled for {@code scheduledAt} hands over. */
    public static Instant slotStart(Instant scheduledAt) {
        return scheduledAt.truncatedTo(ChronoUnit.MINUTES).plus(LEAD);
    }

    @Override
    public void arm(WakeUpCall call) {
        // the sweep of this minute may or may not have handed over its slot yet: send everything up to its end
        Instant notYetHandedOver = slotStart(clock.instant()).plus(SLOT);
        if (call.dueAt().isBefore(notYetHandedOver)) {
            queue.send(List.of(call));
        }
    }

    @Override
    public int handOverUpcoming(Instant scheduledAt) {
        Instant from = slotStart(scheduledAt);
        Instant until = from.plus(SLOT);
        List<WakeUpCall> upcoming = new ArrayList<>();
        for (int shard = 0; shard < runs.dueShards(); shard++) {
            upcoming.addAll(runs.dueInShard(shard, from, until, Integer.MAX_VALUE));
        }
        return queue.send(upcoming);
    }
}
