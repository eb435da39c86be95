package io.switchboard.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.engine.condition.Observation;
import io.switchboard.engine.workflow.StepPath;
import io.switchboard.inbox.ConcurrentUpdateException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RunStore} does, run against the DynamoDB adapter and the engine tier's in-memory
 * fake alike: the engine's exactly-once rules rest on these version conditions and slots.
 */
public abstract class RunStoreContract {

    protected RunStore store;
    protected final Instant t0 = Instant.parse("2026-11-24T10:00:00Z");

    protected abstract RunStore newStore();

    @BeforeEach
    void emptyStore() {
        store = newStore();
    }

    protected Run run(String id, String contact, RunStatus status, Instant due) {
        return run(id, contact, status, due, t0);
    }

    protected Run run(String id, String contact, RunStatus status, Instant due, Instant startedAt) {
        return new Run("ws", id, "wf", 1, contact, "conv", Map.of("source", "contact"), startedAt, status, StepPath.START,
                0, due, null, status == RunStatus.WAITING ? "token-" + id : null, t0, 0, List.of(
                new StepRecord(1, "check", "branch", "2", t0, "took else", Map.of(),
                        List.of(new Observation("time_since_last_outgoing_message does_not_exist", "PT3M", false)))),
                Map.of("queued.assign", "2026-11-24T10:00:00Z"));
    }

    @Test
    void aRunIsCreatedOnceAndSavedOnlyAtTheVersionItWasRead() {
        Run run = run("r1", "ada", RunStatus.WAITING, t0.plusSeconds(900));
        assertTrue(store.create(run));
        assertFalse(store.create(run(run.id(), "ada", RunStatus.WAITING, t0)), "the same run id again");

        Run a = store.find("ws", "ada", "r1").orElseThrow();
        Run b = store.find("ws", "ada", "r1").orElseThrow();
        store.save(a);
        assertThrows(ConcurrentUpdateException.class, () -> store.save(b));
        Run read = store.find("ws", "ada", "r1").orElseThrow();
        assertEquals(2, read.version());
        assertEquals(run.history(), read.history(), "history survives the round trip");
        assertEquals("token-r1", read.wakeToken());
        assertEquals(Map.of("queued.assign", "2026-11-24T10:00:00Z"), read.variables());
    }

    @Test
    void aCreatedRunIsAtVersionOneAndWhatWasSavedIsWhatIsRead() {
        Run run = run("r1", "ada", RunStatus.WAITING, t0.plusSeconds(900));
        store.create(run);
        assertEquals(1, run.version(), "the caller's copy knows the version it wrote");

        Run read = store.find("ws", "ada", "r1").orElseThrow();
        assertEquals(1, read.version());
        read.setVariable("answer.email", "ada@example.com");
        read.setVariable("queued.assign", null);
        store.save(read);
        assertEquals(2, read.version());

        Run again = store.find("ws", "ada", "r1").orElseThrow();
        assertEquals(Map.of("answer.email", "ada@example.com"), again.variables());
        assertEquals("wf", again.workflowId());
        assertEquals(1, again.workflowVersion());
        assertEquals("conv", again.conversationId());
        assertEquals(Map.of("source", "contact"), again.triggerData());
        assertEquals(RunStatus.WAITING, again.status());
        assertEquals(StepPath.START, again.cursor());
        assertEquals(t0.plusSeconds(900), again.dueAt());
        assertEquals(t0, again.startedAt());
    }

    @Test
    void aRunThatWasNeverCreatedCannotBeSaved() {
        assertThrows(ConcurrentUpdateException.class, () -> store.save(run("ghost", "ada", RunStatus.RUNNING, t0)));
        assertTrue(store.find("ws", "ada", "ghost").isEmpty());
    }

    @Test
    void aRunIsFoundOnlyUnderItsOwnContact() {
        store.create(run("r1", "ada", RunStatus.WAITING, t0));
        assertTrue(store.find("ws", "ada", "r1").isPresent());
        assertTrue(store.find("ws", "ben", "r1").isEmpty());
        assertTrue(store.find("other-ws", "ada", "r1").isEmpty());
    }

    @Test
    void theDueIndexReturnsOnlyWhatIsDueAndForgetsFinishedRuns() {
        for (int i = 0; i < 20; i++) {
            store.create(run("due-" + i, "c" + i, RunStatus.WAITING, t0.plusSeconds(i)));
        }
        store.create(run("later", "x", RunStatus.WAITING, t0.plusSeconds(3600)));
        Run finished = run("done", "y", RunStatus.WAITING, t0);
        store.create(finished);
        Run done = new Run("ws", "done", "wf", 1, "y", "conv", Map.of(), t0, RunStatus.COMPLETED, null, 3, null, null,
                null, t0, finished.version(), List.of(), Map.of());
        store.save(done);

        List<WakeUpCall> due = store.due(t0.plusSeconds(9), 100);
        assertEquals(10, due.size(), "due-0 .. due-9, across every shard");
        assertEquals("due-0", due.get(0).runId());
        assertEquals("c0", due.get(0).contactId());
        assertEquals(5, store.due(t0.plusSeconds(19), 5).size(), "the limit holds");
        assertTrue(store.due(t0.plusSeconds(7200), 100).stream().noneMatch(c -> c.runId().equals("done")));
    }

    @Test
    void aWaitItsSchedulerHoldsStaysOutOfTheDueIndexUntilALeaseMakesItsEntryTheLease() {
        Instant due = t0.plusSeconds(900);
        Run run = run("held", "ada", RunStatus.WAITING, null);
        run.waitUntil("token-held", due, t0, true);
        assertTrue(store.create(run));

        Instant later = due.plusSeconds(3600);
        assertEquals(List.of(), store.due(later, 10), "its scheduler delivers it: no due entry");
        for (int shard = 0; shard < store.dueShards(); shard++) {
            assertEquals(List.of(), store.dueInShard(shard, t0, later, 10), "nor one for a sweep to hand over");
        }
        Run read = store.find("ws", "ada", "held").orElseThrow();
        assertTrue(read.timerHeld());
        assertEquals(due, read.dueAt(), "the run still says when it is due");
        assertEquals("token-held", read.wakeToken());

        read.lease(later.plusSeconds(30), later);
        store.save(read);
        assertFalse(store.find("ws", "ada", "held").orElseThrow().timerHeld());
        assertEquals(List.of("held"), store.due(later.plusSeconds(60), 10).stream().map(WakeUpCall::runId).toList(),
                "a running run's due entry is its lease: a dead process's run is taken over");
    }

    @Test
    void dueRunsComeOldestFirstWithTheirWorkspaceContactAndDueTime() {
        store.create(run("r-late", "ben", RunStatus.WAITING, t0.plusSeconds(30)));
        store.create(run("r-early", "ada", RunStatus.WAITING, t0.plusSeconds(10)));
        store.create(run("r-none", "cara", RunStatus.RUNNING, null));

        List<WakeUpCall> due = store.due(t0.plusSeconds(30), 10);
        assertEquals(List.of(new WakeUpCall("ws", "ada", "r-early", null, t0.plusSeconds(10)),
                new WakeUpCall("ws", "ben", "r-late", null, t0.plusSeconds(30))), due);
        assertEquals(List.of("r-early"), store.due(t0.plusSeconds(29), 10).stream().map(WakeUpCall::runId).toList(),
                "due at or before now, never early");
    }

    @Test
    void aContactsRunsAreListedInStartOrder() {
        store.create(run("r-b", "ben", RunStatus.WAITING, t0));
        store.create(run("r-a", "ben", RunStatus.WAITING, t0));
        assertEquals(2, store.listByContact("ws", "ben").size());
        assertEquals(0, store.listByContact("ws", "nobody").size());
    }

    @Test
    void aContactsRunsComeInTheOrderTheyStartedAndOnlyTheirs() {
        store.create(run("r-2", "ben", RunStatus.WAITING, t0, t0.plusSeconds(20)));
        store.create(run("r-1", "ben", RunStatus.WAITING, t0, t0.plusSeconds(10)));
        store.create(run("r-3", "ada", RunStatus.WAITING, t0, t0));
        assertEquals(List.of("r-1", "r-2"), store.listByContact("ws", "ben").stream().map(Run::id).toList());
    }

    @Test
    void aContactIsEnrolledInAWorkflowOnceButItsOwnRunMayEnrolAgain() {
        assertTrue(store.enrolOnce("ws", "wf", "ada", "run-1", t0));
        assertTrue(store.enrolOnce("ws", "wf", "ada", "run-1", t0));
        assertFalse(store.enrolOnce("ws", "wf", "ada", "run-2", t0));
        assertTrue(store.enrolOnce("ws", "wf", "ben", "run-3", t0));
        assertTrue(store.enrolOnce("ws", "wf-2", "ada", "run-4", t0), "another workflow enrols on its own");
        assertTrue(store.listByContact("ws", "ada").isEmpty(), "not a run");
    }

    @Test
    void theOneRunAtATimeSlotIsHeldByOneRunUntilReleasedOrTakenOverFromAnEndedRun() {
        assertEquals("r1", store.claimActive("ws", "wf", "ada", "r1", null));
        assertEquals("r1", store.claimActive("ws", "wf", "ada", "r1", null), "the same run again");
        assertEquals("r1", store.claimActive("ws", "wf", "ada", "r2", null), "another run is told who holds it");
        assertEquals("r2", store.claimActive("ws", "wf2", "ada", "r2", null), "another workflow has its own slot");
        assertEquals("r3", store.claimActive("ws", "wf", "ada", "r3", "r1"), "taken over from the ended run r1");
        store.releaseActive("ws", "wf", "ada", "r1");
        assertEquals("r3", store.claimActive("ws", "wf", "ada", "r4", null), "r1 no longer held it, so nothing was freed");
        store.releaseActive("ws", "wf", "ada", "r3");
        assertEquals("r4", store.claimActive("ws", "wf", "ada", "r4", null));
    }
}
