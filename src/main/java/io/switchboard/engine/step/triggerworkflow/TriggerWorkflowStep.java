package io.switchboard.engine.step.triggerworkflow;

import io.switchboard.engine.workflow.Step;

/**
 * Trigger Another Workflow: starts {@code workflowId}, a published workflow with a manual trigger,
 * for the run's contact. Checked when the workflow is published; the target may not be the workflow
 * itself, and chains of workflows started by workflows stop at the engine's chain-depth limit.
 */
public record TriggerWorkflowStep(String id, String workflowId) implements Step {

    @Override
    public String type() {
        return TriggerWorkflowType.NAME;
    }
}
