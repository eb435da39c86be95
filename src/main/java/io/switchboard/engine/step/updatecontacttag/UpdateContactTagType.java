package io.switchboard.engine.step.updatecontacttag;

import io.switchboard.engine.step.DeclaredStepType;

/** The UpdateContactTag step type: its name, record, handler and how its document is read. */
public final class UpdateContactTagType extends DeclaredStepType<UpdateContactTagStep> {

    public static final String NAME = "update_contact_tag";

    public UpdateContactTagType() {
        super(NAME, UpdateContactTagStep.class, new UpdateContactTagHandler(), step -> new UpdateContactTagStep(
                step.id(), UpdateContactTagStep.Action.valueOf(step.text("action").toUpperCase()),
                step.texts("tags")));
        // a wake-up holds its change, worked out on the contact it read, with the run's checkpoint
        holdsItsWrites(true);
    }
}
