package io.switchboard.function;

import io.quarkus.funqy.Funq;
import io.switchboard.engine.run.RunEngine;
import io.switchboard.engine.run.WakeUpCall;
import io.switchboard.engine.run.WakeUpResult;
import io.switchboard.schedule.DueTimerSweep;
import java.util.Map;

/**
 * The scheduler-facing functions. {@code wakeUp} is what an EventBridge schedule invokes for one
 * wait; {@code sweep} is what the periodic trigger (or the local ticker) invokes to resume every due
 * run. Both are safe to deliver twice or late.
 */
@jakarta.inject.Singleton
public class WakeUpFunctions {

    private final RunEngine engine;
    private final DueTimerSweep sweep;

    public WakeUpFunctions(RunEngine engine, DueTimerSweep sweep) {
        this.engine = engine;
        this.sweep = sweep;
    }

    public record WakeUpRequest(String workspaceId, String contactId, String runId, String token) {
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
}
