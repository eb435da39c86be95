package io.switchboard.engine.workflow;

/** One step of a workflow. Each step type is a record in {@code io.switchboard.engine.step}. */
public interface Step {

    /** The author's id for the step, unique within the workflow; referenced in run history. */
    String id();

    /** The step type as it appears in workflow documents, e.g. {@code assign_to}. */
    String type();
}
