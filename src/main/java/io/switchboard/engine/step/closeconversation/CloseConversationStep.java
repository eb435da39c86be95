package io.switchboard.engine.step.closeconversation;

import io.switchboard.engine.workflow.Step;

/** Close Conversation, with an optional closing-note category and summary. */
public record CloseConversationStep(String id, String category, String summary) implements Step {

    @Override
    public String type() {
        return CloseConversationType.NAME;
    }
}
