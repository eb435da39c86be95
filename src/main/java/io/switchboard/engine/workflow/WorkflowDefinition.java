package io.switchboard.engine.workflow;

import java.util.List;

/** A published (immutable) version of a workflow: its trigger and its tree of steps. */
public record WorkflowDefinition(String workspaceId, String id, int version, String name, Trigger trigger,
        List<Step> steps) {

    public Step stepAt(StepPath path) {
        return path.resolve(steps);
    }
}
