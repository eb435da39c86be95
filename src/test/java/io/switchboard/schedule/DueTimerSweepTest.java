package io.switchboard.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.switchboard.engine.run.Run;
import io.switchboard.engine.run.RunEngine;
import io.switchboard.engine.run.RunStore;
import io.switchboard.engine.run.WakeUpCall;
import io.switchboard.engine.run.WakeUpResult;
import io.switchboard.engine.step.InboxPorts;
import io.switchboard.engine.workflow.PublishedWorkflows;
import io.switchboard.engine.workflow.TriggerType;
import io.switchboard.engine.workflow.WorkflowDefinition;
import io.switchboard.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class DueTimerSweepTest {

    @Test
    void aRunThatCannotBeResumedDoesNotHoldUpTheOthers() {
        MutableClock clock = new MutableClock();
        List<String> attempted = new ArrayList<>();
        RunStore runs = new RunStore() {
            public boolean create(Run run) { return true; }
            public Optional<Run> find(String ws, String contactId, String runId) {
                attempted.add(runId);
                if (runId.equals("poison")) {
                    throw new IllegalStateException("item too large");
                }
                return Optional.empty();
            }
            public void save(Run run) { }
            public List<Run> listByContact(String ws, String contactId) { return List.of(); }
            public boolean enrolOnce(String ws, String workflowId, String contactId, String runId, Instant at) { return true; }
            public String claimActive(String ws, String workflowId, String contactId, String runId, String replacing) {
                return runId;
            }
            public void releaseActive(String ws, String workflowId, String contactId, String runId) { }
            public int dueShards() { return 1; }
            public List<WakeUpCall> dueInShard(int shard, Instant from, Instant until, int limit) { return due(until, limit); }
            public List<WakeUpCall> due(Instant now, int limit) {
                return List.of(new WakeUpCall("ws", "c", "poison", null, now), new WakeUpCall("ws", "c", "next", null, now));
            }
        };
        PublishedWorkflows none = new PublishedWorkflows() {
            public List<WorkflowDefinition> publishedFor(String ws, TriggerType t) { return List.of(); }
            public Optional<WorkflowDefinition> version(String ws, String id, int v) { return Optional.empty(); }
        };
        RunEngine engine = new RunEngine(none, runs, call -> { }, new InboxPorts(null, null, null), clock, Duration.ofSeconds(30));
        var sweep = new DueTimerSweep(runs, engine, clock, 10, Executors.newSingleThreadExecutor());

        Map<WakeUpResult, Integer> outcome = sweep.sweep();

        assertEquals(Map.of(WakeUpResult.FAILED, 1, WakeUpResult.UNKNOWN_RUN, 1), outcome);
        assertEquals(List.of("poison", "next"), attempted);
    }
}
