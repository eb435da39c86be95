package io.switchboard.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.engine.condition.Observation;
import io.switchboard.engine.run.Run;
import io.switchboard.engine.run.RunState;
import io.switchboard.engine.run.StepRecord;
import io.switchboard.engine.run.WakeUpCall;
import io.switchboard.engine.workflow.StepPath;
import io.switchboard.inbox.ConcurrentUpdateException;
import io.switchboard.inbox.ContactStore;
import io.switchboard.inbox.Opening;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A run started by a conversation's opening is kept in its contact's item, written with the opening in one
 * write, and read, saved, swept and listed as a run of its own item is; on DynamoDB Local.
 */
class KeptRunsTest {

    private final Instant t0 = Instant.parse("2026-12-04T10:00:00Z");
    private final LocalTable table = new LocalTable();
    private final DynamoContactStore contacts = new DynamoContactStore(table.db, table.name);
    private final DynamoRunStore runs = new DynamoRunStore(table.db, table.name, table.json, 4);
    private final ContactStore.IncomingContact ada = new ContactStore.IncomingContact("ada", "Ada");

    private Run waiting(String id, String contact, String conversation, Instant due, List<StepRecord> history) {
        return new Run("ws", id, "wf", 1, contact, conversation, Map.of("source", "contact"), t0,
                RunState.WAITING_FOR_TIMER, StepPath.START, 1, due, null, "token-" + id, t0, 0, history, Map.of());
    }

    private static List<StepRecord> steps(int count, int noteLength) {
        Random random = new Random(7);
        List<StepRecord> history = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            StringBuilder note = new StringBuilder();
            for (int c = 0; c < noteLength; c++) {
                note.append((char) ('a' + random.nextInt(26)));
            }
            history.add(new StepRecord(i, "step-" + i, "branch", String.valueOf(i), Instant.parse("2026-12-04T10:00:00Z"),
                    note.toString(), Map.of(), List.of(new Observation("contact_tag has_any_of", "x", false))));
        }
        return history;
    }

    private Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> contactItem() {
        return table.db.getItem(b -> b.tableName(table.name).consistentRead(true)
                .key(Attr.key(Keys.contact("ws", "ada"), DynamoContactStore.SORT))).item();
    }

    private Run keptAtOpening(String conversation) {
        Opening opening = contacts.prepareOpening("ws", ada, "web", t0, conversation, contacts.find("ws", "ada").orElse(null));
        opening.assignWithOpening("alice", "r-" + conversation + "#1", t0);
        Run run = waiting("r-" + conversation, "ada", conversation, t0.plusSeconds(900), steps(2, 8));
        assertTrue(runs.create(run, opening));
        return run;
    }

    @Test
    void theOpeningItsAssignmentAndTheWaitingRunAreOneItemAndReadBackAsTheRun() {
        Run run = keptAtOpening("conv-1");

        assertTrue(run.keptWithContact());
        assertEquals(1, run.version());
        var item = contactItem();
        assertEquals("r-conv-1", item.get(RunItems.KEPT).m().get("i").s(), "the contact's item keeps the run");
        assertTrue(table.db.getItem(b -> b.tableName(table.name).consistentRead(true)
                .key(Attr.key(Keys.contact("ws", "ada"), Keys.runSort("r-conv-1")))).item().isEmpty(),
                "no item of its own");
        var contact = contacts.find("ws", "ada").orElseThrow();
        assertEquals("alice", contact.assigneeId(), "the assignment decided on the opening went with it");
        assertEquals("conv-1", contact.conversation().id());
        assertEquals("r-conv-1", contact.keptRunId());
        assertEquals(1, contacts.openContactsOf("ws", "alice"));

        Run read = runs.find("ws", "ada", "r-conv-1").orElseThrow();
        assertEquals(run.history(), read.history());
        assertEquals(run.dueAt(), read.dueAt());
        assertEquals("token-r-conv-1", read.wakeToken());
        assertEquals(RunState.WAITING_FOR_TIMER, read.state());
        assertTrue(read.keptWithContact());
        var resumable = runs.findToResume("ws", "ada", "r-conv-1");
        assertEquals("r-conv-1", resumable.run().orElseThrow().id());
        assertEquals("alice", resumable.contact().assigneeId(), "the run and its contact in one read");
        assertEquals(List.of("r-conv-1"), runs.listByContact("ws", "ada").stream().map(Run::id).toList());
    }

    @Test
    void aKeptRunIsSavedOnlyAtTheVersionItWasReadAndItsSaveLeavesTheContactAsItWas() {
        keptAtOpening("conv-1");
        Run a = runs.find("ws", "ada", "r-conv-1").orElseThrow();
        Run b = runs.find("ws", "ada", "r-conv-1").orElseThrow();

        runs.save(a);
        assertThrows(ConcurrentUpdateException.class, () -> runs.save(b), "a second delivery of the same wake-up");

        assertEquals(2, runs.find("ws", "ada", "r-conv-1").orElseThrow().version());
        var contact = contacts.find("ws", "ada").orElseThrow();
        assertEquals("alice", contact.assigneeId());
        assertTrue(contact.hasOpenConversation());
    }

    @Test
    void theSweepFindsAKeptRunsWaitInTheContactsItemAndItsEndRemovesIt() {
        keptAtOpening("conv-1");

        List<WakeUpCall> due = runs.dueInShard(Math.floorMod("r-conv-1".hashCode(), 4), t0, t0.plusSeconds(901), 10);
        assertEquals(List.of("r-conv-1"), due.stream().map(WakeUpCall::runId).toList(),
                "the due entry's key holds the run id");
        assertEquals("ada", due.get(0).contactId());
        assertEquals("token-r-conv-1", due.get(0).token());
        assertEquals(List.of("r-conv-1"), runs.due(t0.plusSeconds(900), 10).stream().map(WakeUpCall::runId).toList());

        Run read = runs.find("ws", "ada", "r-conv-1").orElseThrow();
        Run finished = new Run("ws", read.id(), "wf", 1, "ada", "conv-1", read.triggerData(), t0, RunState.COMPLETED,
                null, 2, null, null, null, t0.plusSeconds(900), read.version(), read.history(), Map.of())
                .markKeptWithContact(true);
        runs.save(finished);

        assertTrue(runs.due(t0.plusSeconds(3600), 10).isEmpty(), "a finished run has no wake-up");
        assertNull(contactItem().get(io.switchboard.store.Table.DUE_KEY));
        assertEquals(RunState.COMPLETED, runs.find("ws", "ada", "r-conv-1").orElseThrow().state());
    }

    @Test
    void aRunThatOutgrowsTheContactsItemMovesToItsOwnAndIsReadAndSavedThere() {
        keptAtOpening("conv-1");
        Run read = runs.find("ws", "ada", "r-conv-1").orElseThrow();
        Run grown = waiting(read.id(), "ada", "conv-1", t0.plusSeconds(1800), steps(30, 40));
        grown.markSaved(read.version());
        grown.markKeptWithContact(true);

        runs.save(grown);

        assertFalse(grown.keptWithContact(), "the run now has its own item");
        var own = table.db.getItem(b -> b.tableName(table.name).consistentRead(true)
                .key(Attr.key(Keys.contact("ws", "ada"), Keys.runSort("r-conv-1")))).item();
        assertFalse(own.isEmpty());
        var kept = contactItem().get(RunItems.KEPT).m();
        assertEquals("r-conv-1", kept.get("i").s());
        assertEquals(1, kept.size(), "only the id stays in the contact's item: " + kept.keySet());
        Run again = runs.find("ws", "ada", "r-conv-1").orElseThrow();
        assertEquals(30, again.history().size());
        assertEquals(2, again.version());
        assertFalse(again.keptWithContact());
        runs.save(again);
        assertEquals(3, runs.find("ws", "ada", "r-conv-1").orElseThrow().version());
        assertEquals(List.of("r-conv-1"), runs.due(t0.plusSeconds(1800), 10).stream().map(WakeUpCall::runId).toList(),
                "one due entry, on the run's own item");
        assertEquals(1, runs.listByContact("ws", "ada").size());
    }

    @Test
    void aKeptRunMovesToItsOwnItemOnceTheContactsItemNoLongerFitsOneWriteUnit() {
        keptAtOpening("conv-1");
        Run read = runs.find("ws", "ada", "r-conv-1").orElseThrow();
        runs.save(read);
        assertTrue(read.keptWithContact(), "a contact item under 1 KB keeps its run");
        // an agent fills in a long note: the contact alone is now most of a write unit
        contacts.changeFields("ws", "ada", Map.of("notes", "n".repeat(700)), "agent#1", t0.plusSeconds(5));

        Run again = runs.find("ws", "ada", "r-conv-1").orElseThrow();
        runs.save(again);

        assertFalse(again.keptWithContact(), "the save that found the item past 1 KB moved the run out");
        assertEquals(1, contactItem().get(RunItems.KEPT).m().size(), "only the run's id stays");
        assertEquals(3, runs.find("ws", "ada", "r-conv-1").orElseThrow().version());
        assertEquals("n".repeat(700), contacts.find("ws", "ada").orElseThrow().fields().get("notes"));
    }

    @Test
    void aContactWhoseItemKeepsARunHasItsNextConversationsRunInAnItemOfItsOwn() {
        keptAtOpening("conv-1");
        contacts.close("ws", "ada", "conv-1", t0.plusSeconds(60));

        Run second = keptAtOpening("conv-2");

        assertFalse(second.keptWithContact());
        assertEquals("r-conv-1", contactItem().get(RunItems.KEPT).m().get("i").s(), "the first run stays kept");
        assertEquals(List.of("r-conv-1", "r-conv-2"), runs.listByContact("ws", "ada").stream().map(Run::id).sorted()
                .toList());
        assertEquals("conv-2", contacts.find("ws", "ada").orElseThrow().conversation().id());
    }

    @Test
    void anOpeningRefusedBecauseTheContactChangedWritesNeitherTheOpeningNorTheRun() {
        Opening opening = contacts.prepareOpening("ws", ada, "web", t0, "conv-1", null);
        opening.assignWithOpening("alice", "run-1#1", t0);
        contacts.recordIncoming("ws", ada, "web", t0.plusMillis(1), "conv-0"); // another message opened one first

        Run run = waiting("r-conv-1", "ada", "conv-1", t0.plusSeconds(900), steps(2, 8));
        assertThrows(Opening.Refused.class, () -> runs.create(run, opening));

        assertEquals("conv-0", contacts.find("ws", "ada").orElseThrow().conversation().id());
        assertNull(contacts.find("ws", "ada").orElseThrow().keptRunId());
        assertTrue(runs.find("ws", "ada", "r-conv-1").isEmpty());
        assertEquals(0, contacts.openContactsOf("ws", "alice"));
    }
}
