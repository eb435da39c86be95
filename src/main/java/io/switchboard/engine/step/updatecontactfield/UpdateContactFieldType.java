package io.switchboard.engine.step.updatecontactfield;

import io.switchboard.engine.step.StepHandler;
import io.switchboard.engine.step.StepReader;
import io.switchboard.engine.step.StepType;
import java.util.Map;

/** The UpdateContactField step type: its document, handler and the rules its document follows. */
public final class UpdateContactFieldType implements StepType<UpdateContactFieldStep> {

    public static final String NAME = "update_contact_field";

    private final UpdateContactFieldHandler handler = new UpdateContactFieldHandler();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<UpdateContactFieldStep> stepClass() {
        return UpdateContactFieldStep.class;
    }

    @Override
    public UpdateContactFieldStep parse(StepReader step) {
        return new UpdateContactFieldStep(step.id(), step.text("field"), step.text("value"));
    }

    @Override
    public StepHandler<UpdateContactFieldStep> handler() {
        return handler;
    }

    @Override
    public Map<String, Object> example() {
        return Map.of("field", "source", "value", "$trigger.page");
    }
}
