package io.switchboard.engine.step.updatecontacttag;

import io.switchboard.engine.workflow.Step;
import java.util.List;

/** Update Contact Tag: adds or removes one or more tags (at most {@link #MAX_TAGS} per step). */
public record UpdateContactTagStep(String id, Action action, List<String> tags) implements Step {

    public static final int MAX_TAGS = 10;

    public enum Action {
        ADD, REMOVE
    }

    @Override
    public String type() {
        return UpdateContactTagType.NAME;
    }
}
