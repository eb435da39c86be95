package io.switchboard.engine.step;

import io.switchboard.engine.workflow.Step;
import java.util.Map;

/** Dispatches each step type to its handler. */
public final class Steps {

    private final Map<Class<?>, StepHandler<?>> handlers = Map.of(
            AssignToStep.class, new AssignToHandler(),
            WaitStep.class, new WaitHandler(),
            BranchStep.class, new BranchHandler(),
            AddCommentStep.class, new AddCommentHandler(),
            CloseConversationStep.class, new CloseConversationHandler(),
            UpdateContactTagStep.class, new UpdateContactTagHandler(),
            UpdateContactFieldStep.class, new UpdateContactFieldHandler(),
            OpenConversationStep.class, new OpenConversationHandler(),
            TriggerWorkflowStep.class, new TriggerWorkflowHandler());

    @SuppressWarnings("unchecked")
    public StepResult run(Step step, StepContext ctx) {
        StepHandler<Step> handler = (StepHandler<Step>) handlers.get(step.getClass());
        if (handler == null) {
            throw new IllegalStateException("no handler for step type " + step.type());
        }
        return handler.run(step, ctx);
    }
}
