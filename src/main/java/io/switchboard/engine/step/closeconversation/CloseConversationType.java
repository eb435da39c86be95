package io.switchboard.engine.step.closeconversation;

import io.switchboard.engine.step.DeclaredStepType;

/** The CloseConversation step type: its name, record, handler and how its document is read. */
public final class CloseConversationType extends DeclaredStepType<CloseConversationStep> {

    public static final String NAME = "close_conversation";

    public CloseConversationType() {
        super(NAME, CloseConversationStep.class, new CloseConversationHandler(), step -> new CloseConversationStep(
                step.id(), step.text("category"), step.text("summary")));
        // its close is conditional on the conversation the step read being open, and a wake-up holds it with
        // the run's checkpoint; unheld it is checkpointed right away (a repeat could close a newer conversation)
        holdsItsWrites(true);
    }
}
