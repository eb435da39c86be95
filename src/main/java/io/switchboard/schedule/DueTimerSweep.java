package io.switchboard.schedule;

import io.switchboard.engine.run.RunEngine;
import io.switchboard.engine.run.RunStore;
import io.switchboard.engine.run.WakeUpCall;
import io.switchboard.engine.run.WakeUpResult;
import java.time.Clock;
import java.util.ArrayList;
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

    private final RunStore runs;
    private final RunEngine engine;
    private final Clock clock;
    private final int batch;
    private final ExecutorService pool;

    public DueTimerSweep(RunStore runs, RunEngine engine, Clock clock, int batch, ExecutorService pool) {
        this.runs = runs;
        this.engine = engine;
        this.clock = clock;
        this.batch = batch;
        this.pool = pool;
    }

    /** Sweeps until nothing more is due; returns how each due entry was handled. */
    public Map<WakeUpResult, Integer> sweep() {
        Map<WakeUpResult, Integer> outcome = new EnumMap<>(WakeUpResult.class);
        while (true) {
            List<WakeUpCall> due = runs.due(clock.instant(), batch);
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
            // a full batch may have more behind it; entries that changed nothing (stale index reads) stop the loop
            if (due.size() < batch || resumed == 0) {
                return outcome;
            }
        }
    }

    private static WakeUpResult await(Future<WakeUpResult> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("sweep interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("wake-up failed", e.getCause());
        }
    }
}
