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
 * Wake-ups on AWS in two stages. A wait of one to fifteen minutes is held by SQS alone ({@link #hold}); for
 * the others the due index is the timer of record, and the sweep scheduled for
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

    /**
     * The shortest wait SQS alone times: a minute between the message and the write that stores the wait is
     * far more than that write takes, so an early delivery (NOT_YET, delivered again) stays rare.
     */
    public static final Duration MIN_HELD = Duration.ofMinutes(1);

    private final Duration minHeld;
    private final RunStore runs;
    private final SqsWakeUpQueue queue;
    private final Clock clock;

    public TwoStageWakeUps(RunStore runs, SqsWakeUpQueue queue, Clock clock) {
        this(runs, queue, clock, MIN_HELD);
    }

    /** As above, holding waits of {@code minHeld} or longer (up to SQS's 15 minutes) in the queue alone. */
    public TwoStageWakeUps(RunStore runs, SqsWakeUpQueue queue, Clock clock, Duration minHeld) {
        this.runs = runs;
        this.queue = queue;
        this.clock = clock;
        this.minHeld = minHeld;
    }

    /** The slot the sweep scheduled for {@code scheduledAt} hands over. */
    public static Instant slotStart(Instant scheduledAt) {
        return scheduledAt.truncatedTo(ChronoUnit.MINUTES).plus(LEAD);
    }

    /**
     * Takes a wait of {@code minHeld} to 15 minutes whole into SQS (the headline scenario's 15-minute wait
     * among them): its message, delayed to the due time, is the run's only timer, so the run is stored without
     * a due entry and no sweep hands it over. Shorter waits keep their due entry, so that a delivery which
     * could beat the run's write is rare; a delivery that still does is told NOT_YET and comes again. Longer
     * waits stay in the due index until their slot. False when SQS does not take the message.
     */
    @Override
    public boolean hold(WakeUpCall call) {
        Duration wait = Duration.between(clock.instant(), call.dueAt());
        if (wait.compareTo(minHeld) < 0 || wait.compareTo(Duration.ofSeconds(SqsWakeUpQueue.MAX_DELAY_SECONDS)) > 0) {
            return false;
        }
        return queue.send(List.of(call)) == 1;
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
