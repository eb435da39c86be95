package io.switchboard.engine.step.sendmessage;

import io.switchboard.engine.workflow.FailurePathStep;
import io.switchboard.engine.workflow.Step;
import java.util.List;

/**
 * Send a Message: the text (with $variables) goes to the contact through the channel of their open
 * conversation. When the platform refuses it or no conversation is open, the {@code onFailure} steps
 * run; without them the failure is recorded and the run goes on.
 */
public record SendMessageStep(String id, String text, List<Step> onFailure) implements FailurePathStep {

    public static final int MAX_LENGTH = 2000;

    public SendMessageStep {
        onFailure = onFailure == null ? List.of() : onFailure;
    }

    @Override
    public List<Step> failurePath() {
        return onFailure;
    }

    @Override
    public String type() {
        return SendMessageType.NAME;
    }
}
