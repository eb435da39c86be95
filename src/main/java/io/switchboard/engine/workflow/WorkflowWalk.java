package io.switchboard.engine.workflow;

import java.util.ArrayList;
import java.util.List;

/**
 * Every step of a workflow with its JSON path ({@code $.steps[1].branches[0].steps[2]}), in document
 * order, through every nested list each step declares. Publish checks, jump targets and step counts
 * all walk this way, so a new nested list is walked without anyone remembering to.
 */
public final class WorkflowWalk {

    /** A step and where it is written in the document. */
    public record Placed(String path, Step step) {
    }

    private WorkflowWalk() {
    }

    public static List<Placed> of(WorkflowDefinition workflow) {
        return of(workflow.steps(), "$.steps");
    }

    public static List<Placed> of(List<Step> steps, String path) {
        List<Placed> out = new ArrayList<>();
        walk(steps, path, out);
        return out;
    }

    private static void walk(List<Step> steps, String path, List<Placed> out) {
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            String at = path + "[" + i + "]";
            out.add(new Placed(at, step));
            for (NestedSteps nested : step.nested()) {
                walk(nested.steps(), at + "." + nested.name(), out);
            }
        }
    }
}
