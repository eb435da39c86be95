package io.switchboard.engine.step.branch;

import io.switchboard.engine.step.StepHandler;
import io.switchboard.engine.step.StepReader;
import io.switchboard.engine.step.StepType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The Branch step type: its document, handler and the rules its document follows. */
public final class BranchType implements StepType<BranchStep> {

    public static final String NAME = "branch";

    private final BranchHandler handler = new BranchHandler();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<BranchStep> stepClass() {
        return BranchStep.class;
    }

    @Override
    public BranchStep parse(StepReader step) {
        List<BranchStep.Path> paths = new ArrayList<>();
        List<StepReader> branches = step.objects("branches");
        for (int i = 0; i < branches.size(); i++) {
            StepReader branch = branches.get(i);
            paths.add(new BranchStep.Path(branch.text("name", "Branch " + (i + 1)), branch.conditions(),
                    branch.steps("steps")));
        }
        return new BranchStep(step.id(), paths, step.steps("else"));
    }

    @Override
    public StepHandler<BranchStep> handler() {
        return handler;
    }

    @Override
    public Map<String, Object> example() {
        return Map.of("branches", List.of(Map.of("name", "Still open", "conditions", List.of(Map.of(
                "category", "contact_field", "field", "conversation_status", "operator", "is_equal_to",
                "value", "open")))));
    }
}
