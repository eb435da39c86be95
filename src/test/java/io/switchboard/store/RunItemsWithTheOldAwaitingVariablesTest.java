package io.switchboard.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.switchboard.engine.run.Awaiting;
import io.switchboard.engine.run.Run;
import io.switchboard.engine.run.RunState;
import io.switchboard.engine.run.RunStatus;
import io.switchboard.engine.workflow.StepPath;
import io.switchboard.inbox.ContactStore.IncomingContact;
import io.switchboard.inbox.ConversationIndex;
import io.switchboard.inbox.ConversationIndex.Query;
import io.switchboard.inbox.ConversationIndex.RunFilter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Run items written before the awaiting record (no {@code state} attribute; what the step waited for in
 * variables it named) read back as the runs they were, on DynamoDB Local; their first save keeps the record
 * instead of the old variables.
 */
class RunItemsWithTheOldAwaitingVariablesTest {

    static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

    final LocalTable table = new LocalTable();
    final DynamoRunStore runs = new DynamoRunStore(table.db, table.name, table.json, 4);

    @Test
    void anItemWithTheQuestionsOldMarksAndNoStateReadsAsAwaitingTheReplyAndItsFirstSaveKeepsOnlyTheRecord() {
        Instant deadline = T0.plusSeconds(3600);
        Run old = new Run("ws", "r-old", "wf", 1, "ada", "conv", Map.of(), T0, RunStatus.WAITING, StepPath.START, 1,
                deadline, null, "token", T0, 0, List.of(), Map.of("reply.awaitedBy", "ask", "ask.deadline",
                deadline.toString(), "ask.invalid", "1", "answer.name", "Ada"));
        var item = new java.util.HashMap<>(RunItemsAsWrittenBefore.item(old, 1, table.json, HistoryCodec::encode));
        item.remove("state"); // as the old code wrote it: the state attribute did not exist
        table.db.putItem(p -> p.tableName(table.name).item(item));

        Run read = runs.find("ws", "ada", "r-old").orElseThrow();
        assertEquals(RunState.AWAITING_REPLY, read.state());
        assertEquals(new Awaiting(Awaiting.Kind.REPLY, "ask", null, deadline, 1, null), read.awaiting().orElseThrow());

        read.await(new Awaiting(Awaiting.Kind.REPLY, "ask", null, deadline.plusSeconds(60), 2, null));
        runs.save(read);
        Run again = runs.find("ws", "ada", "r-old").orElseThrow();
        assertEquals(2, again.awaiting().orElseThrow().attempts());
        assertEquals(deadline.plusSeconds(60), again.awaiting().orElseThrow().deadline());
        assertEquals(Set.of("awaiting", "answer.name"), again.variables().keySet());
        assertEquals(RunState.AWAITING_REPLY, again.state());
    }

    @Test
    void aQueueKeptInTheRecordStillShowsSinceWhenTheContactWaitsInTheConversationList() {
        new DynamoContactStore(table.db, table.name).recordIncoming("ws", new IncomingContact("bo", "Bo"), "web", T0,
                "conv-bo");
        Run queued = new Run("ws", "r-queued", "wf", 1, "bo", "conv-bo", Map.of(), T0, RunState.QUEUED_FOR_ASSIGNMENT,
                StepPath.START, 1, T0.plusSeconds(70), null, "token", T0, 0, List.of(), Map.of());
        queued.await(new Awaiting(Awaiting.Kind.AGENT, "assign", T0.plusSeconds(10), T0.plusSeconds(610), 0, null));
        runs.create(queued);

        ConversationIndex index = new DynamoConversationIndex(table.db, table.name, table.json);
        var listed = index.page("ws", new Query(null, null, RunFilter.QUEUED, null, null), null, 10);
        assertEquals(T0.plusSeconds(10), listed.conversations().get(0).runs().get(0).queuedSince());
        assertEquals(T0.plusSeconds(10), runs.find("ws", "bo", "r-queued").orElseThrow().awaiting().orElseThrow().since());
    }

    @Test
    void aQueuedRunWrittenBeforeTheBodyIsListedAsQueuedSinceItsRecordSays() {
        new DynamoContactStore(table.db, table.name).recordIncoming("ws", new IncomingContact("cy", "Cy"), "web", T0,
                "conv-cy");
        Run queued = new Run("ws", "r-queued-old", "wf", 1, "cy", "conv-cy", Map.of(), T0,
                RunState.QUEUED_FOR_ASSIGNMENT, StepPath.START, 1, T0.plusSeconds(70), null, "token", T0, 0, List.of(),
                Map.of());
        queued.await(new Awaiting(Awaiting.Kind.AGENT, "assign", T0.plusSeconds(10), T0.plusSeconds(610), 0, null));
        table.db.putItem(p -> p.tableName(table.name).item(RunItemsAsWrittenBefore.item(queued, 1, table.json,
                HistoryCodec::encode)));

        ConversationIndex index = new DynamoConversationIndex(table.db, table.name, table.json);
        var run = index.page("ws", new Query(null, null, RunFilter.QUEUED, null, null), null, 10).conversations().get(0)
                .runs().get(0);
        assertEquals("r-queued-old", run.id());
        assertEquals(T0.plusSeconds(10), run.queuedSince());
        assertEquals(T0.plusSeconds(70), run.dueAt());
    }
}
