package io.switchboard.schedule;

import io.switchboard.engine.run.RunEngine;
import io.switchboard.engine.run.RunStore;
import io.switchboard.engine.run.WakeUpCall;
import io.switchboard.engine.run.WakeUpResult;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Claims and resumes the runs that are due: waits whose time has come and leases that ran out (a
 * process died mid-run). Each wake-up is an ordinary, idempotent {@link RunEngine#wakeUp} call, so a
 * sweep racing another sweep, or an EventBridge delivery, resumes each run once.
 */
public final class DueTimerSweep {

    private static final System.Logger LOG = System.getLogger(DueTimerSweep.class.getName());

    private final RunStore runs;
    private final RunEngine engine;
    private final Clock clock;
    private final int batch;
    private final ExecutorService pool;
    private final List<Integer> shards;

    public DueTimerSweep(RunStore runs, RunEngine engine, Clock clock, int batch, ExecutorService pool) {
        this(runs, engine, clock, batch, pool, null);
    }

    /**
     * A sweep over some due-index shards only, so that several processes can drain a burst in
     * parallel without reading each other's entries ({@code null}: every shard).
     */
    public DueTimerSweep(RunStore runs, RunEngine engine, Clock clock, int batch, ExecutorService pool,
            List<Integer> shards) {
        this.runs = runs;
        this.engine = engine;
        this.clock = clock;
        this.batch = batch;
        this.pool = pool;
        this.shards = shards == null ? null : List.copyOf(shards);
    }

    /** Sweeps until nothing more is due; returns how each due entry was handled. */
    public Map<WakeUpResult, Integer> sweep() {
        Map<WakeUpResult, Integer> outcome = new EnumMap<>(WakeUpResult.class);
        while (true) {
            List<WakeUpCall> due = due(clock.instant());
            List<Future<WakeUpResult>> pending = new ArrayList<>();
            for (WakeUpCall call : due) {
                pending.add(pool.submit(() -> engine.wakeUp(call)));
            }
            int resumed = 0;
            for (Future<WakeUpResult> f : pending) {
                WakeUpResult r = await(f);
                outcome.merge(r, 1, Integer::sum);
                resumed += r == WakeUpResult.RESUMED ? 1 : 0;
            }
            // a full batch may have more behind it; a batch that resumed nothing (stale index reads, failures) stops the loop
            if (due.size() < batch || resumed == 0) {
                return outcome;
            }
        }
    }

    private List<WakeUpCall> due(Instant now) {
        if (shards == null) {
            return runs.due(now, batch);
        }
        List<WakeUpCall> due = new ArrayList<>();
        for (int shard : shards) {
            // the token the index holds may lag the run: a sweep asks "is anything due", so it sends none
            runs.dueInShard(shard, Instant.EPOCH, now.plusMillis(1), batch).forEach(c ->
                    due.add(new WakeUpCall(c.workspaceId(), c.contactId(), c.runId(), null, c.dueAt())));
        }
        due.sort(Comparator.comparing(WakeUpCall::dueAt));
        return due.subList(0, Math.min(batch, due.size()));
    }

    /**
     * One run that cannot be resumed (its store write keeps failing, say) must not hold up the others
     * due after it: it is logged, counted as FAILED and tried again on the next sweep.
     */
    private static WakeUpResult await(Future<WakeUpResult> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("sweep interrupted", e);
        } catch (ExecutionException e) {
            LOG.log(System.Logger.Level.ERROR, "a due run could not be resumed; it stays due", e.getCause());
            return WakeUpResult.FAILED;
        }
    }
}
