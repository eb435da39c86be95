package io.switchboard.engine.step;

import io.switchboard.engine.condition.ConditionGroup;
import io.switchboard.engine.workflow.Step;
import io.switchboard.engine.workflow.StepContainer;
import java.util.List;

/**
 * Branch: the first branch whose conditions match runs its steps; when none matches, the else steps
 * run. Branches are tried in the order they are written.
 */
public record BranchStep(String id, List<Path> branches, List<Step> elseSteps) implements StepContainer {

    public static final int MAX_BRANCHES = 9;

    public record Path(String name, ConditionGroup conditions, List<Step> steps) {
    }

    /** Steps of branch {@code index}; {@code branches.size()} is the else path. */
    @Override
    public List<Step> pathSteps(int index) {
        return index == branches.size() ? elseSteps : branches.get(index).steps();
    }

    @Override
    public int pathCount() {
        return branches.size() + 1;
    }

    @Override
    public String type() {
        return "branch";
    }
}
