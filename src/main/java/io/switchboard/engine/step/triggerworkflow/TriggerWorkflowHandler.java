package io.switchboard.engine.step.triggerworkflow;

import io.switchboard.engine.step.StepContext;
import io.switchboard.engine.step.StepHandler;
import io.switchboard.engine.step.StepResult;

import io.switchboard.engine.run.RunEngine;
import io.switchboard.engine.workflow.TriggerEvent;
import io.switchboard.engine.workflow.TriggerType;
import java.util.Map;

/** Fires a manual start of the target workflow; the engine starts it once this step is recorded. */
public final class TriggerWorkflowHandler implements StepHandler<TriggerWorkflowStep> {

    @Override
    public StepResult run(TriggerWorkflowStep step, StepContext ctx) {
        ctx.fire(new TriggerEvent(ctx.run().workspaceId(), TriggerType.MANUAL, ctx.effectKey(), ctx.run().contactId(),
                ctx.run().conversationId(), ctx.now(), Map.of(RunEngine.MANUAL_WORKFLOW, step.workflowId(),
                        "source", "workflow", "startedBy", ctx.workflow().id())));
        return StepResult.changed("triggered workflow " + step.workflowId(), Map.of("workflowId", step.workflowId()));
    }
}
