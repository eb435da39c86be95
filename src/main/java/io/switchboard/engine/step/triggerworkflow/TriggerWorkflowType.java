package io.switchboard.engine.step.triggerworkflow;

import io.switchboard.engine.step.PublishContext;
import io.switchboard.engine.workflow.ManualStart;
import io.switchboard.engine.step.DeclaredStepType;

/** The TriggerWorkflow step type: its name, record, handler and how its document is read. */
public final class TriggerWorkflowType extends DeclaredStepType<TriggerWorkflowStep> {

    public static final String NAME = "trigger_workflow";

    public TriggerWorkflowType() {
        super(NAME, TriggerWorkflowStep.class, new TriggerWorkflowHandler(), step -> new TriggerWorkflowStep(
                step.id(), step.text("workflowId")));
    }

    /**
     * The target must be another workflow, published with a manual trigger: checked on publish, when the
     * targets' state is what the step will run against.
     */
    @Override
    public void checkOnPublish(TriggerWorkflowStep step, String path, PublishContext publish) {
        String target = step.workflowId();
        if (target.equals(publish.workflowId())) {
            publish.problem(path + ".workflowId", "a workflow cannot trigger itself");
            return;
        }
        ManualStart.refusal(target, publish.exists(target), publish.published(target), "triggered")
                .ifPresent(refused -> publish.problem(path + ".workflowId", refused.message()));
    }
}
