package io.switchboard.engine.workflow;

import java.util.List;

/**
 * One step of a workflow. Each step type is a folder under {@code io.switchboard.engine.step} holding
 * its record (this interface), its handler and its {@code StepType} descriptor.
 */
public interface Step {

    /** The author's id for the step, unique within the workflow; referenced in run history. */
    String id();

    /** The step type as it appears in workflow documents, e.g. {@code assign_to}. */
    String type();

    /**
     * The step lists nested in this step, in a fixed order (a run's position records the index).
     * Every walk of a workflow (the run's navigation, publish checks, jump targets) goes through this.
     */
    default List<NestedSteps> nested() {
        return List.of();
    }
}
