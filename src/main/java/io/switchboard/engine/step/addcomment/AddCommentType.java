package io.switchboard.engine.step.addcomment;

import io.switchboard.engine.step.StepHandler;
import io.switchboard.engine.step.StepReader;
import io.switchboard.engine.step.StepType;
import java.util.Map;

/** The AddComment step type: its document, handler and the rules its document follows. */
public final class AddCommentType implements StepType<AddCommentStep> {

    public static final String NAME = "add_comment";

    private final AddCommentHandler handler = new AddCommentHandler();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<AddCommentStep> stepClass() {
        return AddCommentStep.class;
    }

    @Override
    public AddCommentStep parse(StepReader step) {
        return new AddCommentStep(step.id(), step.text("text"));
    }

    @Override
    public StepHandler<AddCommentStep> handler() {
        return handler;
    }

    @Override
    public Map<String, Object> example() {
        return Map.of("text", "Reassigned $contact.name to $conversation.assignee");
    }
}
