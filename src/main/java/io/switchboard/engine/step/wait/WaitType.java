package io.switchboard.engine.step.wait;

import io.switchboard.engine.step.StepHandler;
import io.switchboard.engine.step.StepReader;
import io.switchboard.engine.step.StepType;
import java.util.Map;

/** The Wait step type: its document, handler and the rules its document follows. */
public final class WaitType implements StepType<WaitStep> {

    public static final String NAME = "wait";

    private final WaitHandler handler = new WaitHandler();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<WaitStep> stepClass() {
        return WaitStep.class;
    }

    @Override
    public WaitStep parse(StepReader step) {
        return new WaitStep(step.id(), step.duration("duration"));
    }

    @Override
    public StepHandler<WaitStep> handler() {
        return handler;
    }

    @Override
    public Map<String, Object> example() {
        return Map.of("duration", "PT15M");
    }
}
