package io.switchboard.engine.step.addcomment;

import io.switchboard.engine.workflow.Step;

/** Add Comment: an internal note on the conversation; the text may hold dynamic variables. */
public record AddCommentStep(String id, String text) implements Step {

    public static final int MAX_LENGTH = 1000;

    @Override
    public String type() {
        return AddCommentType.NAME;
    }
}
