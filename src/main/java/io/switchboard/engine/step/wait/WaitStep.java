package io.switchboard.engine.step.wait;

import io.switchboard.engine.workflow.Step;
import java.time.Duration;

/** Wait: pauses the run; a scheduler wakes it when the duration has passed. Nothing waits in memory. */
public record WaitStep(String id, Duration duration) implements Step {

    public static final Duration MIN = io.switchboard.engine.step.StepReader.SHORTEST;
    public static final Duration MAX = io.switchboard.engine.step.StepReader.LONGEST;

    @Override
    public String type() {
        return WaitType.NAME;
    }
}
