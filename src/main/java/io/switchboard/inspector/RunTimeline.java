package io.switchboard.inspector;

import io.quarkus.qute.TemplateData;
import io.switchboard.engine.run.Run;
import io.switchboard.engine.run.StepRecord;
import io.switchboard.engine.step.assignto.AssignToHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.Map;

/** A run as the inspector shows it: its state, then each step in order with what it saw and why. */
@TemplateData
public record RunTimeline(String id, String workflowId, int workflowVersion, String contactId, String contactPath,
        String workflowPath, String status,
        String startedAt, String updatedAt, String dueAt, boolean queued, List<Entry> entries) {

    @TemplateData
    public record Entry(int sequence, String at, String stepId, String type, String outcome, String kind,
            List<Detail> details, List<Seen> observations, String reason, List<Detail> notChosen) {
    }

    @TemplateData
    public record Detail(String name, String value) {
    }

    @TemplateData
    public record Seen(String condition, String observed, boolean result) {
    }

    private static final String NOT_CHOSEN = AssignToHandler.NOT_CHOSEN;

    static RunTimeline of(Run run) {
        return of(run, id -> id);
    }

    /** {@code agentName} turns an agent id into the name the support lead knows. */
    static RunTimeline of(Run run, Function<String, String> agentName) {
        boolean queued = run.state() == io.switchboard.engine.run.RunState.QUEUED_FOR_ASSIGNMENT;
        return new RunTimeline(run.id(), run.workflowId(), run.workflowVersion(), run.contactId(),
                "/inspector/contacts/" + WorkspaceLists.segment(run.contactId()),
                "/inspector/workflows/" + WorkspaceLists.segment(run.workflowId()), run.status().wireName(),
                run.startedAt().toString(), run.updatedAt().toString(),
                run.dueAt() == null || run.isFinished() ? null : run.dueAt().toString(), queued,
                run.history().stream().map(r -> entry(r, agentName)).toList());
    }

    private static Entry entry(StepRecord r, Function<String, String> agentName) {
        Map<String, String> details = r.details();
        String type = r.stepType() == null ? "run" : r.stepType();
        return new Entry(r.sequence(), r.at().toString(), r.stepId(), type, r.outcome(), kind(r),
                details.entrySet().stream().filter(e -> !e.getKey().equals("reason") && !e.getKey().equals(NOT_CHOSEN))
                        .map(e -> new Detail(e.getKey(), e.getValue())).toList(),
                r.observations().stream().map(o -> new Seen(o.condition(), o.observed(), o.result())).toList(),
                details.get("reason"), notChosen(details.get(NOT_CHOSEN), agentName));
    }

    /**
     * Each agent an assignment left out, with why, from the step's "reason: id, id; reason: id"
     * detail: one row per agent, named as the support lead knows them.
     */
    static List<Detail> notChosen(String recorded, Function<String, String> agentName) {
        List<Detail> rows = new ArrayList<>();
        if (recorded == null || recorded.isBlank()) {
            return rows;
        }
        for (String group : recorded.split("; ")) {
            int colon = group.indexOf(": ");
            if (colon < 0) {
                continue;
            }
            String reason = group.substring(0, colon);
            String names = group.substring(colon + 2);
            String more = null;
            int and = names.lastIndexOf(" and ");
            if (and >= 0 && names.endsWith(" more")) {
                more = names.substring(and + 5);
                names = names.substring(0, and);
            }
            for (String id : names.split(", ")) {
                String name = agentName.apply(id);
                rows.add(new Detail(name == null || name.equals(id) ? id : name + " (" + id + ")", reason));
            }
            if (more != null) {
                rows.add(new Detail(more + " agents", reason));
            }
        }
        return rows;
    }

    /** A word for the row's colour: failures and waits stand out in the timeline. */
    private static String kind(StepRecord r) {
        String outcome = r.outcome() == null ? "" : r.outcome();
        if (outcome.startsWith("failed")) {
            return "failed";
        }
        if ("wait".equals(r.stepType()) || "wake_up".equals(r.stepType()) || outcome.startsWith("queued")) {
            return "waited";
        }
        return "ok";
    }
}
