package io.switchboard.engine.workflow;

import java.util.List;

/** A step that holds nested steps on numbered paths: a Branch's branches, Assign To's timeout path. */
public interface StepContainer extends Step {

    List<Step> pathSteps(int index);

    /** How many paths {@link #pathSteps} has. */
    int pathCount();
}
