package io.switchboard.engine.step;

import java.util.Map;

public final class WaitHandler implements StepHandler<WaitStep> {

    @Override
    public StepResult run(WaitStep step, StepContext ctx) {
        var due = ctx.now().plus(step.duration());
        return StepResult.waitUntil(due, "waiting until " + due, Map.of("duration", step.duration().toString()));
    }
}
