package io.switchboard.engine.step.branch;


import io.switchboard.engine.condition.ConditionGroup;
import io.switchboard.engine.workflow.NestedSteps;
import io.switchboard.engine.workflow.Step;
import java.util.List;

/**
 * Branch: the first branch whose conditions match runs its steps; when none matches, the else steps
 * run. Branches are tried in the order they are written.
 */
public record BranchStep(String id, List<Path> branches, List<Step> elseSteps) implements Step {

    public static final int MAX_BRANCHES = 9;

    public record Path(String name, ConditionGroup conditions, List<Step> steps) {
    }

    /** Each branch's steps in order, then the else steps (index {@code branches.size()}). */
    @Override
    public List<NestedSteps> nested() {
        List<NestedSteps> lists = new java.util.ArrayList<>();
        for (int i = 0; i < branches.size(); i++) {
            lists.add(new NestedSteps("branches[" + i + "].steps", branches.get(i).steps(), false));
        }
        lists.add(new NestedSteps("else", elseSteps, false));
        return List.copyOf(lists);
    }

    @Override
    public String type() {
        return BranchType.NAME;
    }
}
