package io.switchboard.engine.step.jumpto;

import io.switchboard.engine.step.StepHandler;
import io.switchboard.engine.step.StepReader;
import io.switchboard.engine.step.StepType;
import java.util.Map;

/** The JumpTo step type: its document, handler and the rules its document follows. */
public final class JumpToType implements StepType<JumpToStep> {

    public static final String NAME = "jump_to";

    /** Examples are placed in a workflow with this id, so the example jumps to itself. */
    public static final String EXAMPLE_ID = "example";

    private final JumpToHandler handler = new JumpToHandler();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<JumpToStep> stepClass() {
        return JumpToStep.class;
    }

    @Override
    public JumpToStep parse(StepReader step) {
        step.jumpTarget("target");
        return new JumpToStep(step.id(), step.text("target"), step.integer("maxJumps", JumpToStep.MAX_JUMPS));
    }

    @Override
    public StepHandler<JumpToStep> handler() {
        return handler;
    }

    @Override
    public Map<String, Object> example() {
        return Map.of("target", EXAMPLE_ID, "maxJumps", 3);
    }
}
