package io.switchboard.function;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.funqy.Funq;
import io.switchboard.config.Wiring.SweepPool;
import io.switchboard.engine.run.RunEngine;
import io.switchboard.engine.run.RunStore;
import io.switchboard.engine.run.WakeUpCall;
import io.switchboard.engine.run.WakeUpResult;
import io.switchboard.engine.run.WakeUpScheduler;
import io.switchboard.schedule.DueTimerSweep;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;

/**
 * The scheduler-facing functions. {@code wakeUp} is what an EventBridge schedule invokes for one
 * wait; {@code sweep} is what the periodic trigger (or the local ticker) invokes to resume every due
 * run; {@link #wakeUpQueued} is what the SQS wake-up queue delivers. All are safe to deliver twice or late.
 */
@jakarta.inject.Singleton
public class WakeUpFunctions {

    private static final System.Logger LOG = System.getLogger(WakeUpFunctions.class.getName());

    private final RunEngine engine;
    private final DueTimerSweep sweep;
    private final WakeUpScheduler scheduler;
    private final ObjectMapper json;
    private final SweepPool pool;

    public WakeUpFunctions(RunEngine engine, DueTimerSweep sweep, WakeUpScheduler scheduler, ObjectMapper json,
            SweepPool pool) {
        this.engine = engine;
        this.sweep = sweep;
        this.scheduler = scheduler;
        this.json = json;
        this.pool = pool;
    }

    /**
     * {@code storedVersion}: only on a queued call its scheduler held for the whole wait ({@link WakeUpCall}).
     * Other fields (the queue's {@code dueAt}) are ignored whatever mapper reads it: a body written by a newer
     * release must still wake its run.
     */
    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    public record WakeUpRequest(String workspaceId, String contactId, String runId, String token, Long storedVersion) {

        public WakeUpRequest(String workspaceId, String contactId, String runId, String token) {
            this(workspaceId, contactId, runId, token, null);
        }
    }

    public record WakeUpResponse(String result) {
    }

    @Funq
    public WakeUpResponse wakeUp(WakeUpRequest request) {
        if (request == null || request.workspaceId() == null || request.contactId() == null
                || request.runId() == null || request.token() == null) {
            return new WakeUpResponse("INVALID: workspaceId, contactId, runId and token are required");
        }
        WakeUpResult result = engine.wakeUp(new WakeUpCall(request.workspaceId(), request.contactId(),
                request.runId(), request.token(), null));
        return new WakeUpResponse(reported(result).name());
    }

    /**
     * An unknown run, a token that no longer matches and a finished run all mean "nothing to wake", and
     * answer alike: a wake-up never tells whether a run id exists or what became of it.
     */
    static WakeUpResult reported(WakeUpResult result) {
        return switch (result) {
            case UNKNOWN_RUN, STALE_TOKEN -> WakeUpResult.ALREADY_FINISHED;
            default -> result;
        };
    }

    @Funq
    public Map<WakeUpResult, Integer> sweep() {
        return sweep.sweep();
    }

    /**
     * The periodic sweep scheduled for {@code scheduledAt}: hands the wake-ups due soon to the
     * scheduler's second stage (when it has one), then resumes every run due now.
     */
    public Map<String, Integer> sweepScheduledAt(Instant scheduledAt) {
        Map<String, Integer> outcome = new LinkedHashMap<>();
        outcome.put("HANDED_OVER", scheduler.handOverUpcoming(scheduledAt));
        sweep.sweep().forEach((result, count) -> outcome.put(result.name(), count));
        return outcome;
    }

    /**
     * Resumes queued wake-ups (message id to body), in parallel so the last of a batch is not late
     * by the others. Returns the ids to deliver again: bodies that are not a wake-up, wake-ups that
     * could not be completed, and held ones that came before their run's write. Anything else (resumed,
     * stale, already finished) is done with.
     */
    public List<String> wakeUpQueued(Map<String, String> bodies) {
        Map<String, WakeUpCall> calls = new LinkedHashMap<>();
        List<String> again = new ArrayList<>();
        bodies.forEach((id, body) -> {
            try {
                WakeUpRequest r = json.readValue(body, WakeUpRequest.class);
                if (r.workspaceId() == null || r.contactId() == null || r.runId() == null) {
                    throw new IllegalArgumentException("workspaceId, contactId and runId are required");
                }
                calls.put(id, new WakeUpCall(r.workspaceId(), r.contactId(), r.runId(), r.token(), null,
                        r.storedVersion() == null ? 0 : r.storedVersion()));
            } catch (Exception notAWakeUp) {
                LOG.log(System.Logger.Level.ERROR, "queued message " + id + " is not a wake-up: " + notAWakeUp.getMessage());
                again.add(id);
            }
        });
        // the batch's runs and contacts in one read; if it fails, each wake-up reads its own
        List<RunStore.Resumable> read = null;
        if (calls.size() > 1) {
            try {
                read = engine.readForWakeUps(List.copyOf(calls.values()));
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "queued wake-ups read one by one: " + e.getMessage());
            }
        }
        Map<String, Future<WakeUpResult>> pending = new LinkedHashMap<>();
        int i = 0;
        for (Map.Entry<String, WakeUpCall> call : calls.entrySet()) {
            RunStore.Resumable preRead = read == null ? null : read.get(i);
            i++;
            pending.put(call.getKey(), pool.executor().submit(() -> engine.wakeUp(call.getValue(), preRead)));
        }
        pending.forEach((id, f) -> {
            try {
                WakeUpResult result = f.get();
                if (result == WakeUpResult.NOT_YET) {
                    // the write that stores its wait is still on its way: SQS brings it back. One that is NOT_YET on
                    // every delivery names a run whose write never landed (its webhook failed for good)
                    LOG.log(System.Logger.Level.INFO, "queued wake-up " + id
                            + " came before its run's write; SQS delivers it again");
                    again.add(id);
                } else if (result == WakeUpResult.FAILED) {
                    again.add(id);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                again.add(id);
            } catch (Exception failed) {
                LOG.log(System.Logger.Level.ERROR, "queued wake-up " + id + " failed; SQS delivers it again", failed);
                again.add(id);
            }
        });
        return again;
    }
}
