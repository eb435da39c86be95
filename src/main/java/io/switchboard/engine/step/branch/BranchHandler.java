package io.switchboard.engine.step.branch;

import io.switchboard.engine.step.StepContext;
import io.switchboard.engine.step.StepHandler;
import io.switchboard.engine.step.StepResult;

import io.switchboard.engine.condition.ConditionEvaluator;
import io.switchboard.engine.condition.Evaluation;
import io.switchboard.engine.condition.Facts;
import io.switchboard.engine.condition.Observation;
import java.util.ArrayList;
import java.util.List;

/** Branch: first matching branch wins; all evaluated conditions and the values they saw go to history. */
public final class BranchHandler implements StepHandler<BranchStep> {

    private final ConditionEvaluator evaluator = new ConditionEvaluator();

    @Override
    public StepResult run(BranchStep step, StepContext ctx) {
        Facts facts = new Facts(ctx.contact(), ctx.directory(), ctx.now(), ctx.run().triggerData(),
                Facts.runVariables(ctx.run().triggerData(), ctx.run().variables()));
        List<Observation> seen = new ArrayList<>();
        for (int i = 0; i < step.branches().size(); i++) {
            BranchStep.Path path = step.branches().get(i);
            Evaluation evaluation = evaluator.evaluate(path.conditions(), facts);
            seen.addAll(evaluation.observations());
            if (evaluation.matched()) {
                return StepResult.enter(i, "took branch \"" + path.name() + "\"", seen);
            }
        }
        return StepResult.enter(step.branches().size(), "took else", seen);
    }
}
