package io.switchboard.engine.step.wait;

import io.switchboard.engine.step.DeclaredStepType;

/** The Wait step type: its name, record, handler and how its document is read. */
public final class WaitType extends DeclaredStepType<WaitStep> {

    public static final String NAME = "wait";

    public WaitType() {
        super(NAME, WaitStep.class, new WaitHandler(), step -> new WaitStep(step.id(), step.duration("duration")));
        repeatsHarmlessly(true); // the engine writes the wait itself
    }
}
