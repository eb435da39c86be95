package io.switchboard.engine.step.assignto;

import io.switchboard.engine.step.DeclaredStepType;

/** The AssignTo step type: its name, record, handler and how its document is read. */
public final class AssignToType extends DeclaredStepType<AssignToStep> {

    public static final String NAME = "assign_to";

    public AssignToType() {
        super(NAME, AssignToStep.class, new AssignToHandler(), step -> new AssignToStep(step.id(),
                AssignToStep.Action.valueOf(step.text("action").toUpperCase()), step.text("userId"),
                step.text("teamId"), AssignToStep.Logic.valueOf(step.text("logic", "round_robin").toUpperCase()),
                step.flag("onlyOnline", false), step.integer("maxOpenContacts"),
                step.has("timeout") ? step.duration("timeout", AssignToStep.QUEUE_RECHECK,
                        "a queue timeout lasts from 1 minute to 7 days") : null,
                step.steps("onTimeout")));
        // the assignment is one conditional write keyed by the effect key; a repeat takes another
        // round-robin ticket at most, which shifts the rotation by one and assigns nobody twice
        repeatsHarmlessly(true);
    }
}
