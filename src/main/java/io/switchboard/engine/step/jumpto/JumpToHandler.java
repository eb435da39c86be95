package io.switchboard.engine.step.jumpto;

import io.switchboard.engine.step.StepContext;
import io.switchboard.engine.step.StepHandler;
import io.switchboard.engine.step.StepResult;

import io.switchboard.engine.workflow.StepPath;
import java.util.Map;

/** Counts this step's jumps in a run variable, so the count survives waits and resumes elsewhere. */
public final class JumpToHandler implements StepHandler<JumpToStep> {

    @Override
    public StepResult run(JumpToStep step, StepContext ctx) {
        String key = "jumps." + step.id();
        String made = ctx.run().variable(key);
        int jumps = made == null ? 0 : Integer.parseInt(made);
        if (jumps >= step.maxJumps()) {
            return StepResult.unchanged("jump skipped: " + step.maxJumps() + " jumps made",
                    Map.of("target", step.targetStepId(), "jumps", String.valueOf(jumps)));
        }
        StepPath target = ctx.workflow().pathOf(step.targetStepId())
                .orElseThrow(() -> new IllegalStateException("jump target " + step.targetStepId() + " does not exist"));
        ctx.run().setVariable(key, String.valueOf(jumps + 1));
        return StepResult.jump(target, "jumped to " + step.targetStepId(),
                Map.of("target", step.targetStepId(), "jumps", String.valueOf(jumps + 1)));
    }
}
