package io.switchboard.engine.step.triggerworkflow;

import io.switchboard.engine.step.PublishContext;
import io.switchboard.engine.step.StepHandler;
import io.switchboard.engine.workflow.ManualStart;
import io.switchboard.engine.step.StepReader;
import io.switchboard.engine.step.StepType;
import java.util.Map;

/** The TriggerWorkflow step type: its document, handler and the rules its document follows. */
public final class TriggerWorkflowType implements StepType<TriggerWorkflowStep> {

    public static final String NAME = "trigger_workflow";

    private final TriggerWorkflowHandler handler = new TriggerWorkflowHandler();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<TriggerWorkflowStep> stepClass() {
        return TriggerWorkflowStep.class;
    }

    @Override
    public TriggerWorkflowStep parse(StepReader step) {
        return new TriggerWorkflowStep(step.id(), step.text("workflowId"));
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

    @Override
    public StepHandler<TriggerWorkflowStep> handler() {
        return handler;
    }

    @Override
    public Map<String, Object> example() {
        return Map.of("workflowId", "follow-up");
    }
}
