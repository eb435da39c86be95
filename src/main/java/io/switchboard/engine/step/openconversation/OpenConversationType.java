package io.switchboard.engine.step.openconversation;

import io.switchboard.engine.step.DeclaredStepType;

/** The OpenConversation step type: its name, record, handler and how its document is read. */
public final class OpenConversationType extends DeclaredStepType<OpenConversationStep> {

    public static final String NAME = "open_conversation";

    public OpenConversationType() {
        super(NAME, OpenConversationStep.class, new OpenConversationHandler(), step -> new OpenConversationStep(
                step.id()));
    }
}
