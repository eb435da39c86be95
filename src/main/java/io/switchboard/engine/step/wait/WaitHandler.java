package io.switchboard.engine.step.wait;

import io.switchboard.engine.step.StepContext;
import io.switchboard.engine.step.StepHandler;
import io.switchboard.engine.step.StepResult;

import java.util.Map;

public final class WaitHandler implements StepHandler<WaitStep> {

    @Override
    public StepResult run(WaitStep step, StepContext ctx) {
        var due = ctx.now().plus(step.duration());
        return StepResult.waitUntil(due, "waiting until " + due, Map.of("duration", step.duration().toString()));
    }
}
