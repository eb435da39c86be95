package io.switchboard.engine.step;

import io.switchboard.engine.workflow.Step;

/** Executes one step type. Effects carry {@code ctx.effectKey()} so a re-executed step changes nothing twice. */
public interface StepHandler<S extends Step> {

    StepResult run(S step, StepContext ctx);
}
