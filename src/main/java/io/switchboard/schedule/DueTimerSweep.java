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
            List<Future<List<WakeUpResult>>> pending = new ArrayList<>();
            int size = chunkSize(due.size());
            for (int from = 0; from < due.size(); from += size) {
                List<WakeUpCall> chunk = due.subList(from, Math.min(due.size(), from + size));
                pending.add(pool.submit(() -> wakeUp(chunk)));
            }
            int resumed = 0;
            for (Future<List<WakeUpResult>> f : pending) {
                for (WakeUpResult r : await(f)) {
                    outcome.merge(r, 1, Integer::sum);
                    resumed += r == WakeUpResult.RESUMED ? 1 : 0;
                }
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

    /** At most this many wake-ups share one read: 50 runs and their contacts are 100 keys, one BatchGetItem. */
    static final int MAX_CHUNK = 50;

    /**
     * Wake-ups of a sweep are read in chunks, one request per chunk, each chunk resumed in turn by one of the
     * pool's threads. The chunks are small enough to keep every thread busy (a burst of 1,000 on 8 threads
     * reads 50 at a time; 10 due, one at a time, as before) and the reads fresh: a wake-up resumes within
     * a chunk's work of its read, and one whose read has gone stale only retries.
     */
    private int chunkSize(int due) {
        int threads = pool instanceof java.util.concurrent.ThreadPoolExecutor p ? Math.max(1, p.getMaximumPoolSize()) : 8;
        return Math.max(1, Math.min(MAX_CHUNK, due / (threads * 2)));
    }

    /**
     * One chunk: read together, resumed one by one. A wake-up that cannot be resumed (its store write keeps
     * failing, say) must not hold up the others: it is logged, counted as FAILED and tried again on the next
     * sweep; so is every wake-up of a chunk whose read failed.
     */
    private List<WakeUpResult> wakeUp(List<WakeUpCall> chunk) {
        List<RunStore.Resumable> read;
        try {
            read = engine.readForWakeUps(chunk);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, chunk.size() + " due runs could not be read; they stay due", e);
            return java.util.Collections.nCopies(chunk.size(), WakeUpResult.FAILED);
        }
        List<WakeUpResult> results = new ArrayList<>();
        for (int i = 0; i < chunk.size(); i++) {
            try {
                results.add(engine.wakeUp(chunk.get(i), read.get(i)));
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "a due run could not be resumed; it stays due", e);
                results.add(WakeUpResult.FAILED);
            }
        }
        return results;
    }

    private static List<WakeUpResult> await(Future<List<WakeUpResult>> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("sweep interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a sweep chunk failed outside its wake-ups", e.getCause());
        }
    }
}
