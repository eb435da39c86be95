package io.switchboard.engine.step.sendmessage;

import io.switchboard.engine.step.DeclaredStepType;
import io.switchboard.inbox.Outbox;

/** The SendMessage step type: its name, record, handler and how its document is read. */
public final class SendMessageType extends DeclaredStepType<SendMessageStep> {

    public static final String NAME = "send_message";

    public SendMessageType() {
        super(NAME, SendMessageStep.class, new SendMessageHandler(), step -> new SendMessageStep(step.id(),
                step.text("text"), step.steps("onFailure")));
        needs(Outbox.class);
    }
}
