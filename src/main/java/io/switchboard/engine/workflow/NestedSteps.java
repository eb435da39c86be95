package io.switchboard.engine.workflow;

import java.util.List;

/**
 * One list of steps nested in a step, by the name it has in workflow documents ({@code onFailure},
 * {@code else}, {@code branches[2].steps}): the name is also the list's JSON path relative to its step,
 * so publish checks and problems point at it. Its position in {@link Step#nested()} is the path index
 * a run's {@link StepPath} records, so a type only ever appends new lists.
 *
 * @param endsRun true when the run ends after the list's last step instead of going on with the steps
 *                after the owning step (every failure and exit path); false for a Branch's branches.
 */
public record NestedSteps(String name, List<Step> steps, boolean endsRun) {

    public NestedSteps {
        steps = steps == null ? List.of() : steps;
    }
}
