package io.switchboard.engine.step.jumpto;

import io.switchboard.engine.step.StepReader;
import io.switchboard.engine.step.DeclaredStepType;

/** The JumpTo step type: its name, record, handler and how its document is read. */
public final class JumpToType extends DeclaredStepType<JumpToStep> {

    public static final String NAME = "jump_to";

    /** Examples are placed in a workflow with this id, so the example jumps to itself. */
    public static final String EXAMPLE_ID = "example";

    public JumpToType() {
        super(NAME, JumpToStep.class, new JumpToHandler(), JumpToType::read);
        repeatsHarmlessly(true); // a Jump To only moves the cursor: it writes nothing
    }

    private static JumpToStep read(StepReader step) {
        step.jumpTarget("target");
        return new JumpToStep(step.id(), step.text("target"), step.integer("maxJumps", JumpToStep.MAX_JUMPS));
    }
}
