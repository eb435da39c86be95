package io.switchboard.engine.step.branch;

import io.switchboard.engine.step.StepReader;
import io.switchboard.engine.step.DeclaredStepType;
import java.util.ArrayList;
import java.util.List;

/** The Branch step type: its name, record, handler and how its document is read. */
public final class BranchType extends DeclaredStepType<BranchStep> {

    public static final String NAME = "branch";

    public BranchType() {
        super(NAME, BranchStep.class, new BranchHandler(), BranchType::read);
        repeatsHarmlessly(true); // a Branch only chooses a path: it writes nothing
    }

    private static BranchStep read(StepReader step) {
        List<BranchStep.Path> paths = new ArrayList<>();
        List<StepReader> branches = step.objects("branches");
        for (int i = 0; i < branches.size(); i++) {
            StepReader branch = branches.get(i);
            paths.add(new BranchStep.Path(branch.text("name", "Branch " + (i + 1)), branch.conditions(),
                    branch.steps("steps")));
        }
        return new BranchStep(step.id(), paths, step.steps("else"));
    }
}
