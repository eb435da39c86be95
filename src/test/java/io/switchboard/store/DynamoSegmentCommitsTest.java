package io.switchboard.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.engine.run.HeldWrites;
import io.switchboard.engine.run.Run;
import io.switchboard.engine.run.RunEvent;
import io.switchboard.engine.run.RunMachine;
import io.switchboard.engine.run.RunState;
import io.switchboard.engine.workflow.StepPath;
import io.switchboard.inbox.Comment;
import io.switchboard.inbox.ConcurrentUpdateException;
import io.switchboard.inbox.Contact;
import io.switchboard.inbox.ContactStore;
import io.switchboard.inbox.FieldEdit;
import io.switchboard.inbox.TagEdit;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A wake-up's run write with the assignment and comment its steps held, on DynamoDB Local: all of
 * them or none, and none when the run or the contact moved on since the wake-up read them.
 */
class DynamoSegmentCommitsTest {

    final LocalTable table = new LocalTable();
    final DynamoRunStore runs = new DynamoRunStore(table.db, table.name, table.json, 4);
    final DynamoContactStore contacts = new DynamoContactStore(table.db, table.name);
    final DynamoCommentStore comments = new DynamoCommentStore(table.db, table.name);
    final DynamoSegmentCommits commits = new DynamoSegmentCommits(table.db, runs, contacts, comments);
    final Instant t0 = Instant.parse("2026-12-01T09:00:00Z");
    final Instant wake = t0.plusSeconds(900);

    /** Ada's conversation assigned to Alice, and the run that waited 15 minutes on it, as a wake-up reads them. */
    Run waitedRun() {
        contacts.recordIncoming("ws", new ContactStore.IncomingContact("ada", "Ada"), "web", t0, "conv-1");
        contacts.assign("ws", "ada", "alice", "r1#1", t0);
        Run run = new Run("ws", "r1", "wf", 1, "ada", "conv-1", Map.of(), t0, RunState.WAITING_FOR_TIMER,
                StepPath.START, 2, wake, null, "token", t0, 0, List.of(), Map.of());
        runs.create(run);
        Run read = runs.find("ws", "ada", "r1").orElseThrow();
        RunMachine.require(read, RunEvent.DUE, wake); // woken: running, as the wake-up holds it
        return read;
    }

    HeldWrites reassignment(Contact before) {
        HeldWrites held = new HeldWrites();
        held.hold(new HeldWrites.Assignment("ws", "ada", "bob", "r1#3", wake, before));
        held.hold(new Comment("ws", "ada", "conv-1", "r1#4", "workflow:wf", "Reassigned: no reply in 15 minutes", wake));
        return held;
    }

    Contact ada() {
        return contacts.find("ws", "ada").orElseThrow();
    }

    @Test
    void theRunItsReassignmentAndItsCommentAreWrittenTogether() {
        Run run = waitedRun();
        long read = run.version();

        commits.commit(run, reassignment(ada()));

        assertEquals("bob", ada().assigneeId());
        assertEquals(1, contacts.openContactsOf("ws", "bob"), "filed under Bob's open contacts");
        assertEquals(0, contacts.openContactsOf("ws", "alice"));
        assertEquals(List.of("Reassigned: no reply in 15 minutes"),
                comments.list("ws", "ada", "conv-1").stream().map(Comment::text).toList());
        Run stored = runs.find("ws", "ada", "r1").orElseThrow();
        assertEquals(RunState.RUNNING, stored.state());
        assertEquals(read + 1, stored.version());
        assertEquals(read + 1, run.version(), "the run in hand knows its new version");
    }

    @Test
    void aRunAdvancedByAnotherDeliveryFirstTakesNothingOfThisOne() {
        Run run = waitedRun();
        Contact before = ada();
        Run other = runs.find("ws", "ada", "r1").orElseThrow();
        runs.save(other); // another delivery of the same wake-up committed first

        assertThrows(ConcurrentUpdateException.class, () -> commits.commit(run, reassignment(before)));

        assertEquals("alice", ada().assigneeId(), "not reassigned by the delivery that lost");
        assertTrue(comments.list("ws", "ada", "conv-1").isEmpty(), "no comment from it either");
    }

    @Test
    void anAgentsReplySinceTheWakeUpReadTheContactRefusesTheWholeCommit() {
        Run run = waitedRun();
        Contact before = ada();
        contacts.recordOutgoing("ws", "ada", wake.minusSeconds(1)); // Alice answered a moment before the commit

        assertThrows(HeldWrites.Stale.class, () -> commits.commit(run, reassignment(before)));

        assertEquals("alice", ada().assigneeId());
        assertTrue(comments.list("ws", "ada", "conv-1").isEmpty());
        assertEquals(RunState.WAITING_FOR_TIMER, runs.find("ws", "ada", "r1").orElseThrow().state(),
                "the run is still due: the wake-up is worked out again on a fresh read");
    }

    @Test
    void anotherAssignmentOrAClosedConversationSinceTheReadRefusesItToo() {
        Run run = waitedRun();
        Contact before = ada();
        contacts.assign("ws", "ada", "carol", "api#1", wake.minusSeconds(2));
        assertThrows(HeldWrites.Stale.class, () -> commits.commit(run, reassignment(before)));
        assertEquals("carol", ada().assigneeId());

        Contact carols = ada();
        contacts.close("ws", "ada", "conv-1", wake.minusSeconds(1));
        assertThrows(HeldWrites.Stale.class, () -> commits.commit(run, reassignment(carols)));
        assertEquals("carol", ada().assigneeId());
        assertTrue(comments.list("ws", "ada", "conv-1").isEmpty());
    }

    @Test
    void aContactWithAFullListOfRecentAssignmentKeysIsLeftToTheClaimedPathWhichTrimsIt() {
        Run run = waitedRun();
        for (int i = 0; i < RecentKeys.MAX - 1; i++) {
            contacts.assign("ws", "ada", i % 2 == 0 ? "carol" : "alice", "api#" + i, t0.plusSeconds(i));
        }

        assertThrows(HeldWrites.Stale.class, () -> commits.commit(run, reassignment(ada())),
                "the held write appends no key past the bound");
        assertEquals(RunState.WAITING_FOR_TIMER, runs.find("ws", "ada", "r1").orElseThrow().state());
    }

    HeldWrites closing(Contact before) {
        HeldWrites held = new HeldWrites();
        held.hold(new HeldWrites.Close("ws", "ada", "conv-1", wake, before));
        held.hold(new Comment("ws", "ada", "conv-1", "r1#4", "workflow:wf", "Closed: quiet for 15 minutes", wake));
        return held;
    }

    @Test
    void theRunAndTheCloseOfItsConversationAreWrittenTogether() {
        Run run = waitedRun();

        commits.commit(run, closing(ada()));

        assertEquals(io.switchboard.inbox.ConversationStatus.CLOSED, ada().conversation().status());
        assertEquals(wake, ada().conversation().closedAt());
        assertEquals(0, contacts.openContactsOf("ws", "alice"), "no longer among Alice's open contacts");
        assertEquals(List.of("Closed: quiet for 15 minutes"),
                comments.list("ws", "ada", "conv-1").stream().map(Comment::text).toList());
        assertEquals(RunState.RUNNING, runs.find("ws", "ada", "r1").orElseThrow().state());
    }

    @Test
    void aMessageEitherWaySinceTheReadLeavesTheConversationOpenAndTheRunDue() {
        Run run = waitedRun();
        Contact before = ada();
        contacts.recordIncoming("ws", new ContactStore.IncomingContact("ada", "Ada"), "web", wake.minusSeconds(1),
                "conv-2"); // Ada wrote again a moment before the commit
        assertThrows(HeldWrites.Stale.class, () -> commits.commit(run, closing(before)));
        assertTrue(ada().hasOpenConversation(), "not closed on a silence that ended");

        Contact wroteAgain = ada();
        contacts.recordOutgoing("ws", "ada", wake.minusMillis(500)); // and Alice answered
        assertThrows(HeldWrites.Stale.class, () -> commits.commit(run, closing(wroteAgain)));
        assertTrue(ada().hasOpenConversation());
        assertTrue(comments.list("ws", "ada", "conv-1").isEmpty());
        assertEquals(RunState.WAITING_FOR_TIMER, runs.find("ws", "ada", "r1").orElseThrow().state());
    }

    @Test
    void oneSegmentHoldsOneWriteOfTheContactAnotherMakesTheEngineClaim() {
        waitedRun();
        HeldWrites held = closing(ada());
        assertThrows(HeldWrites.MustClaim.class,
                () -> held.hold(new HeldWrites.Assignment("ws", "ada", "bob", "r1#5", wake, ada())));
        HeldWrites assigned = reassignment(ada());
        assertThrows(HeldWrites.MustClaim.class, () -> assigned.hold(new HeldWrites.Close("ws", "ada", "conv-1", wake, ada())));
    }

    @Test
    void aTagChangeWorkedOutOnTheReadIsWrittenWithTheRunAndRefusedIfTheTagsMovedSince() {
        Run run = waitedRun();
        contacts.changeTags("ws", "ada", Set.of("vip"), Set.of(), "api#1", t0);
        Contact before = ada();
        HeldWrites held = new HeldWrites();
        held.hold(new HeldWrites.Tags("ws", "ada", TagEdit.of(before.tags(), Set.of("unresponsive"), Set.of()), "r1#3",
                wake, before));

        contacts.changeTags("ws", "ada", Set.of(), Set.of("vip"), "api#2", wake.minusSeconds(1)); // an agent untagged
        assertThrows(HeldWrites.Stale.class, () -> commits.commit(run, held));
        assertEquals(Set.of(), ada().tags(), "the agent's removal stands: nothing of the stale change was written");

        Contact fresh = ada();
        HeldWrites again = new HeldWrites();
        again.hold(new HeldWrites.Tags("ws", "ada", TagEdit.of(fresh.tags(), Set.of("unresponsive"), Set.of()), "r1#3",
                wake, fresh));
        commits.commit(run, again);
        assertEquals(Set.of("unresponsive"), ada().tags());
        assertEquals(RunState.RUNNING, runs.find("ws", "ada", "r1").orElseThrow().state());
        var repeated = contacts.changeTags("ws", "ada", Set.of(), Set.of("unresponsive"), "r1#3", wake);
        assertEquals(Set.of("unresponsive"), repeated.added(), "the key is recorded: a repeat reports the change made");
        assertEquals(Set.of("unresponsive"), ada().tags(), "and writes nothing");
        contacts.changeTags("ws", "ada", Set.of("later"), Set.of(), "api#3", wake.plusSeconds(1));
        assertEquals(Set.of("unresponsive", "later"), ada().tags(), "a plain change after the commit still works");
    }

    @Test
    void aFieldChangeIsWrittenWithTheRunAndRefusedIfTheFieldsMovedSince() {
        Run run = waitedRun();
        Contact before = ada();
        HeldWrites held = new HeldWrites();
        held.hold(new HeldWrites.Fields("ws", "ada", FieldEdit.of(before.fields(), Map.of("stage", "escalated")), "r1#3",
                wake, before));
        contacts.changeFields("ws", "ada", Map.of("email", "ada@example.com"), "api#1", wake.minusSeconds(1));

        assertThrows(HeldWrites.Stale.class, () -> commits.commit(run, held));
        assertEquals(Map.of("email", "ada@example.com"), ada().fields());

        HeldWrites again = new HeldWrites();
        Contact withEmail = ada();
        again.hold(new HeldWrites.Fields("ws", "ada", FieldEdit.of(withEmail.fields(), Map.of("stage", "escalated")),
                "r1#3", wake, withEmail));
        commits.commit(run, again);
        assertEquals(Map.of("email", "ada@example.com", "stage", "escalated"), ada().fields());
        assertEquals(Map.of("stage", "escalated"), contacts.changeFields("ws", "ada", Map.of("stage", "lost"), "r1#3", wake)
                .changed(), "the step's key is recorded: a repeat reports the change made");
        assertEquals("escalated", ada().fields().get("stage"), "and writes nothing");
    }

    @Test
    void withNothingHeldTheRunIsWrittenAsAPlainSave() {
        Run run = waitedRun();

        commits.commit(run, new HeldWrites());

        assertEquals(RunState.RUNNING, runs.find("ws", "ada", "r1").orElseThrow().state());
        assertEquals("alice", ada().assigneeId());
        assertNull(comments.list("ws", "ada", "conv-1").stream().findFirst().orElse(null));
    }
}
