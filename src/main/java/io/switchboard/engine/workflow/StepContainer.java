package io.switchboard.engine.workflow;

import java.util.List;

/** A step that holds nested steps on numbered paths: a Branch's branches, Assign To's timeout path. */
public interface StepContainer extends Step {

    List<Step> pathSteps(int index);

    /** How many paths {@link #pathSteps} has. */
    int pathCount();

    /**
     * True when the run ends after the last step of path {@code index} instead of going on with the
     * steps after this container (Date &amp; Time's outside path: the steps after the step are its
     * inside path).
     */
    default boolean pathEndsRun(int index) {
        return false;
    }
}
