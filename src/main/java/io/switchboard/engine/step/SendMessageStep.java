package io.switchboard.engine.step;

import io.switchboard.engine.workflow.Step;
import io.switchboard.engine.workflow.StepContainer;
import java.util.List;

/**
 * Send a Message: the text (with $variables) goes to the contact through the channel of their open
 * conversation. When the platform refuses it or no conversation is open, the {@code onFailure} steps
 * run; without them the failure is recorded and the run goes on.
 */
public record SendMessageStep(String id, String text, List<Step> onFailure) implements StepContainer {

    public static final int MAX_LENGTH = 2000;

    public SendMessageStep {
        onFailure = onFailure == null ? List.of() : onFailure;
    }

    @Override
    public List<Step> pathSteps(int index) {
        return onFailure;
    }

    /** The steps after this one are the success path; the failure path ends the run after its steps. */
    @Override
    public boolean pathEndsRun(int index) {
        return true;
    }

    @Override
    public int pathCount() {
        return 1;
    }

    @Override
    public String type() {
        return "send_message";
    }
}
