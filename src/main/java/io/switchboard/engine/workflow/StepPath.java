package io.switchboard.engine.workflow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Where a run is in the step tree: an index into the top-level steps, then for each container step
 * entered (a Branch, or Assign To's timeout path) the index of the nested list taken in
 * {@link Step#nested()} (a Branch's else is index {@code branches.size()}) and an index into its steps.
 * Written as dotted numbers, e.g. {@code 2.0.1}: step 2, its first branch, that branch's step 1.
 */
public record StepPath(List<Integer> parts) {

    public static final StepPath START = new StepPath(List.of(0));

    public static StepPath parse(String text) {
        return new StepPath(Arrays.stream(text.split("\\.")).map(Integer::valueOf).toList());
    }

    @Override
    public String toString() {
        return parts.stream().map(String::valueOf).collect(Collectors.joining("."));
    }

    /** The step at this path, or null when the path points past the end of its list. */
    public Step resolve(List<Step> top) {
        List<Step> list = top;
        for (int i = 0; i < parts.size(); i += 2) {
            int index = parts.get(i);
            if (index >= list.size()) {
                return null;
            }
            Step step = list.get(index);
            if (i + 1 == parts.size()) {
                return step;
            }
            int nested = parts.get(i + 1);
            if (nested >= step.nested().size()) {
                return null;
            }
            list = step.nested().get(nested).steps();
        }
        return null;
    }

    /** The first step of branch {@code branch} of the Branch step at this path, or the step after it. */
    public StepPath enter(int branch, List<Step> top) {
        List<Integer> inner = new ArrayList<>(parts);
        inner.add(branch);
        inner.add(0);
        StepPath candidate = new StepPath(List.copyOf(inner));
        return candidate.resolve(top) != null ? candidate : next(top);
    }

    /** The step that runs after this one, climbing out of finished branches; null at the end. */
    public StepPath next(List<Step> top) {
        List<Integer> p = new ArrayList<>(parts);
        while (true) {
            int last = p.size() - 1;
            p.set(last, p.get(last) + 1);
            StepPath candidate = new StepPath(List.copyOf(p));
            if (candidate.resolve(top) != null) {
                return candidate;
            }
            if (p.size() == 1) {
                return null;
            }
            Step container = new StepPath(List.copyOf(p.subList(0, p.size() - 2))).resolve(top);
            if (container != null && container.nested().get(p.get(p.size() - 2)).endsRun()) {
                return null;
            }
            p.remove(p.size() - 1);
            p.remove(p.size() - 1);
        }
    }
}
