package io.switchboard.inspector;

import io.quarkus.qute.TemplateData;
import io.switchboard.engine.workflow.Step;
import io.switchboard.engine.workflow.NestedSteps;
import io.switchboard.engine.workflow.WorkflowDefinition;
import java.util.ArrayList;
import java.util.List;

/**
 * A published workflow drawn as a tree: its steps in order, each container's paths (a Branch's
 * branches and else, Assign To's timeout steps) indented under it. Flattened into rows with a depth,
 * so the template needs no recursion.
 */
@TemplateData
public record WorkflowTree(String id, String name, int version, String trigger, List<Row> rows) {

    /** A step, or the heading of a container's path ({@code stepId} null). */
    @TemplateData
    public record Row(int depth, String label, String stepId, String type) {
    }

    /** Indentation stops here; deeper steps stay readable at the last level. */
    private static final int MAX_DEPTH = 9;

    static WorkflowTree of(WorkflowDefinition workflow) {
        List<Row> rows = new ArrayList<>();
        walk(workflow.steps(), 0, rows);
        return new WorkflowTree(workflow.id(), workflow.name(), workflow.version(), workflow.trigger().type().wireName(),
                rows);
    }

    private static void walk(List<Step> steps, int depth, List<Row> rows) {
        for (Step step : steps) {
            rows.add(new Row(Math.min(depth, MAX_DEPTH), null, step.id(), step.type()));
            List<NestedSteps> paths = step.nested();
            for (int path = 0; path < paths.size(); path++) {
                List<Step> nested = paths.get(path).steps();
                if (nested.isEmpty() && paths.size() == 1) {
                    continue; // an unused timeout or failure path; an empty else among branches is shown
                }
                rows.add(new Row(Math.min(depth + 1, MAX_DEPTH),
                        "path " + (path + 1) + (nested.isEmpty() ? ": no steps" : ""), null, null));
                walk(nested, depth + 2, rows);
            }
        }
    }
}
