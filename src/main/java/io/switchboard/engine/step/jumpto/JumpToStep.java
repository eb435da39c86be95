package io.switchboard.engine.step.jumpto;

import io.switchboard.engine.workflow.Step;

/**
 * Jump To: continues the run at {@code targetStepId}, forwards or backwards, at most {@code maxJumps}
 * times per run; after that the jump is skipped and the next step runs (the product's behaviour).
 */
public record JumpToStep(String id, String targetStepId, int maxJumps) implements Step {

    public static final int MAX_JUMPS = 10;

    @Override
    public String type() {
        return JumpToType.NAME;
    }
}
