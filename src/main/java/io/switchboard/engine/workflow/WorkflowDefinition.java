package io.switchboard.engine.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A published (immutable) version of a workflow: its trigger and its tree of steps. */
public record WorkflowDefinition(String workspaceId, String id, int version, String name, Trigger trigger,
        List<Step> steps) {

    public Step stepAt(StepPath path) {
        return path.resolve(steps);
    }

    /** Where the step with this id is in the tree (a Jump To's target). */
    public Optional<StepPath> pathOf(String stepId) {
        return find(steps, new ArrayList<>(), stepId);
    }

    private static Optional<StepPath> find(List<Step> list, List<Integer> prefix, String stepId) {
        for (int i = 0; i < list.size(); i++) {
            List<Integer> here = new ArrayList<>(prefix);
            here.add(i);
            Step step = list.get(i);
            if (step.id().equals(stepId)) {
                return Optional.of(new StepPath(List.copyOf(here)));
            }
            for (int p = 0; p < step.nested().size(); p++) {
                List<Integer> inner = new ArrayList<>(here);
                inner.add(p);
                Optional<StepPath> found = find(step.nested().get(p).steps(), inner, stepId);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }
}
