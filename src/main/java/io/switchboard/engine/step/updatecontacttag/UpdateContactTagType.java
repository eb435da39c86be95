package io.switchboard.engine.step.updatecontacttag;

import io.switchboard.engine.step.StepHandler;
import io.switchboard.engine.step.StepReader;
import io.switchboard.engine.step.StepType;
import java.util.List;
import java.util.Map;

/** The UpdateContactTag step type: its document, handler and the rules its document follows. */
public final class UpdateContactTagType implements StepType<UpdateContactTagStep> {

    public static final String NAME = "update_contact_tag";

    private final UpdateContactTagHandler handler = new UpdateContactTagHandler();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<UpdateContactTagStep> stepClass() {
        return UpdateContactTagStep.class;
    }

    @Override
    public UpdateContactTagStep parse(StepReader step) {
        return new UpdateContactTagStep(step.id(),
                UpdateContactTagStep.Action.valueOf(step.text("action").toUpperCase()), step.texts("tags"));
    }

    @Override
    public StepHandler<UpdateContactTagStep> handler() {
        return handler;
    }

    @Override
    public Map<String, Object> example() {
        return Map.of("action", "add", "tags", List.of("vip"));
    }
}
