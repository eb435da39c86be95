package io.switchboard.engine.step.closeconversation;

import io.switchboard.engine.step.StepHandler;
import io.switchboard.engine.step.StepReader;
import io.switchboard.engine.step.StepType;
import java.util.Map;

/** The CloseConversation step type: its document, handler and the rules its document follows. */
public final class CloseConversationType implements StepType<CloseConversationStep> {

    public static final String NAME = "close_conversation";

    private final CloseConversationHandler handler = new CloseConversationHandler();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<CloseConversationStep> stepClass() {
        return CloseConversationStep.class;
    }

    @Override
    public CloseConversationStep parse(StepReader step) {
        return new CloseConversationStep(step.id(), step.text("category"), step.text("summary"));
    }

    @Override
    public StepHandler<CloseConversationStep> handler() {
        return handler;
    }

    @Override
    public Map<String, Object> example() {
        return Map.of("category", "resolved", "summary", "Closed by the workflow");
    }
}
