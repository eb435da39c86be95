package io.switchboard.engine.step;

import io.switchboard.engine.workflow.Step;
import java.util.Map;

/** Dispatches each step type to its handler. */
public final class Steps {

    private final Map<Class<?>, StepHandler<?>> handlers = Map.ofEntries(
            Map.entry(AssignToStep.class, new AssignToHandler()),
            Map.entry(WaitStep.class, new WaitHandler()),
            Map.entry(BranchStep.class, new BranchHandler()),
            Map.entry(AddCommentStep.class, new AddCommentHandler()),
            Map.entry(CloseConversationStep.class, new CloseConversationHandler()),
            Map.entry(UpdateContactTagStep.class, new UpdateContactTagHandler()),
            Map.entry(UpdateContactFieldStep.class, new UpdateContactFieldHandler()),
            Map.entry(OpenConversationStep.class, new OpenConversationHandler()),
            Map.entry(TriggerWorkflowStep.class, new TriggerWorkflowHandler()),
            Map.entry(JumpToStep.class, new JumpToHandler()),
            Map.entry(DateTimeStep.class, new DateTimeHandler()),
            Map.entry(SendMessageStep.class, new SendMessageHandler()),
            Map.entry(HttpRequestStep.class, new HttpRequestHandler()),
            Map.entry(AskQuestionStep.class, new AskQuestionHandler()),
            Map.entry(AiAgentStep.class, new AiAgentHandler()));

    @SuppressWarnings("unchecked")
    public StepResult run(Step step, StepContext ctx) {
        StepHandler<Step> handler = (StepHandler<Step>) handlers.get(step.getClass());
        if (handler == null) {
            throw new IllegalStateException("no handler for step type " + step.type());
        }
        return handler.run(step, ctx);
    }
}
