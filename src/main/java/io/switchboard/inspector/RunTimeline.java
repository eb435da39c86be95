package io.switchboard.inspector;

import io.quarkus.qute.TemplateData;
import io.switchboard.engine.run.Run;
import io.switchboard.engine.run.StepRecord;
import java.util.List;
import java.util.Map;

/** A run as the inspector shows it: its state, then each step in order with what it saw and why. */
@TemplateData
public record RunTimeline(String id, String workflowId, int workflowVersion, String contactId, String status,
        String startedAt, String updatedAt, String dueAt, boolean queued, List<Entry> entries) {

    @TemplateData
    public record Entry(int sequence, String at, String stepId, String type, String outcome, String kind,
            List<Detail> details, List<Seen> observations, String reason) {
    }

    @TemplateData
    public record Detail(String name, String value) {
    }

    @TemplateData
    public record Seen(String condition, String observed, boolean result) {
    }

    static RunTimeline of(Run run) {
        boolean queued = run.variables().keySet().stream().anyMatch(k -> k.startsWith("queued."));
        return new RunTimeline(run.id(), run.workflowId(), run.workflowVersion(), run.contactId(), run.status().wireName(),
                run.startedAt().toString(), run.updatedAt().toString(),
                run.dueAt() == null || run.isFinished() ? null : run.dueAt().toString(), queued,
                run.history().stream().map(RunTimeline::entry).toList());
    }

    private static Entry entry(StepRecord r) {
        Map<String, String> details = r.details();
        String type = r.stepType() == null ? "run" : r.stepType();
        return new Entry(r.sequence(), r.at().toString(), r.stepId(), type, r.outcome(), kind(r),
                details.entrySet().stream().filter(e -> !e.getKey().equals("reason"))
                        .map(e -> new Detail(e.getKey(), e.getValue())).toList(),
                r.observations().stream().map(o -> new Seen(o.condition(), o.observed(), o.result())).toList(),
                details.get("reason"));
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
