package io.switchboard.engine.step.openconversation;

import io.switchboard.engine.workflow.Step;

/** Open Conversation: opens a conversation for the contact when none is open, opened by the workflow. */
public record OpenConversationStep(String id) implements Step {

    @Override
    public String type() {
        return OpenConversationType.NAME;
    }
}
