package io.switchboard.engine.step.updatecontactfield;

import io.switchboard.engine.step.DeclaredStepType;

/** The UpdateContactField step type: its name, record, handler and how its document is read. */
public final class UpdateContactFieldType extends DeclaredStepType<UpdateContactFieldStep> {

    public static final String NAME = "update_contact_field";

    public UpdateContactFieldType() {
        super(NAME, UpdateContactFieldStep.class, new UpdateContactFieldHandler(), step -> new UpdateContactFieldStep(
                step.id(), step.text("field"), step.text("value")));
        // a wake-up holds its change, worked out on the contact it read, with the run's checkpoint
        holdsItsWrites(true);
    }
}
