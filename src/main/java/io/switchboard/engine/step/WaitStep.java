package io.switchboard.engine.step;

import io.switchboard.engine.workflow.Step;
import java.time.Duration;

/** Wait: pauses the run; a scheduler wakes it when the duration has passed. Nothing waits in memory. */
public record WaitStep(String id, Duration duration) implements Step {

    public static final Duration MIN = Duration.ofSeconds(1);
    public static final Duration MAX = Duration.ofDays(7);

    @Override
    public String type() {
        return "wait";
    }
}
