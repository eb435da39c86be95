package io.switchboard.engine.step.openconversation;

import io.switchboard.engine.step.StepHandler;
import io.switchboard.engine.step.StepReader;
import io.switchboard.engine.step.StepType;
import java.util.Map;

/** The OpenConversation step type: its document, handler and the rules its document follows. */
public final class OpenConversationType implements StepType<OpenConversationStep> {

    public static final String NAME = "open_conversation";

    private final OpenConversationHandler handler = new OpenConversationHandler();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<OpenConversationStep> stepClass() {
        return OpenConversationStep.class;
    }

    @Override
    public OpenConversationStep parse(StepReader step) {
        return new OpenConversationStep(step.id());
    }

    @Override
    public StepHandler<OpenConversationStep> handler() {
        return handler;
    }

    @Override
    public Map<String, Object> example() {
        return Map.of();
    }
}
