package io.switchboard.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.engine.run.Awaiting;
import io.switchboard.engine.run.Run;
import io.switchboard.engine.run.RunState;
import io.switchboard.engine.workflow.StepPath;
import io.switchboard.inbox.ContactStore.IncomingContact;
import io.switchboard.inbox.ConversationIndex;
import io.switchboard.inbox.ConversationIndex.Query;
import io.switchboard.inbox.ConversationIndex.RunFilter;
import io.switchboard.inbox.ConversationStatus;
import io.switchboard.inbox.OpenedBy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

/** The workspace's conversation lists, on a fresh table in DynamoDB Local. */
class DynamoConversationIndexTest {

    static final Instant T0 = Instant.parse("2026-05-01T09:00:00Z");

    final LocalTable table = new LocalTable();
    final DynamoContactStore contacts = new DynamoContactStore(table.db, table.name);
    final DynamoRunStore runs = new DynamoRunStore(table.db, table.name, table.json, 4);
    final ConversationIndex index = new DynamoConversationIndex(table.db, table.name, table.json);

    @Test
    void listsEveryConversationOfTheWorkspaceNewestFirstAndOnlyThatWorkspace() {
        open("ws", "ada", T0);
        open("ws", "bo", T0.plusSeconds(60));
        open("other", "cy", T0.plusSeconds(30));
        contacts.createIfMissing("ws", "never-wrote", "Never", T0);

        assertEquals(List.of("bo", "ada"), ids(index.page("ws", Query.all(), null, 10)));
        assertEquals(List.of("cy"), ids(index.page("other", Query.all(), null, 10)));
    }

    @Test
    void pagesGoOnWhereTheLastStoppedWithoutRepeatingOrSkipping() {
        List<String> opened = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            open("ws", "c" + i, T0.plusSeconds(i));
            opened.add(0, "c" + i);
        }
        List<String> seen = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            var page = index.page("ws", Query.all(), after, 3);
            assertTrue(page.conversations().size() <= 3);
            seen.addAll(ids(page));
            after = page.next();
            pages++;
        } while (after != null && pages < 10);
        assertEquals(opened, seen);
        assertEquals(3, pages);
    }

    @Test
    void aContactThatOpensAgainIsListedOnceUnderItsNewConversation() {
        open("ws", "ada", T0);
        open("ws", "bo", T0.plusSeconds(10));
        contacts.close("ws", "ada", "conv-ada-" + T0.toEpochMilli(), T0.plusSeconds(20));
        open("ws", "ada", T0.plusSeconds(30));

        assertEquals(List.of("ada", "bo"), ids(index.page("ws", Query.all(), null, 10)));
    }

    @Test
    void filtersByStatusAndByOpeningTime() {
        open("ws", "ada", T0);
        open("ws", "bo", T0.plusSeconds(3600));
        open("ws", "cy", T0.plusSeconds(7200));
        contacts.close("ws", "bo", "conv-bo-" + T0.plusSeconds(3600).toEpochMilli(), T0.plusSeconds(3700));

        assertEquals(List.of("cy", "ada"), ids(index.page("ws",
                new Query(ConversationStatus.OPEN, null, RunFilter.ANY, null, null), null, 10)));
        assertEquals(List.of("bo"), ids(index.page("ws",
                new Query(ConversationStatus.CLOSED, null, RunFilter.ANY, null, null), null, 10)));
        // from inclusive, before exclusive
        assertEquals(List.of("bo"), ids(index.page("ws",
                new Query(null, null, RunFilter.ANY, T0.plusSeconds(3600), T0.plusSeconds(7200)), null, 10)));
    }

    @Test
    void listsWaitingAndQueuedRunsWithTheirDueTimesAndFiltersByWorkflow() {
        open("ws", "ada", T0);
        open("ws", "bo", T0.plusSeconds(10));
        open("ws", "cy", T0.plusSeconds(20));
        run("ws", "ada", "r-timer", "prompt", RunState.WAITING_FOR_TIMER, T0.plusSeconds(900), Map.of());
        run("ws", "bo", "r-queued", "prompt", RunState.QUEUED_FOR_ASSIGNMENT, T0.plusSeconds(70),
                Map.of("queued.assign", T0.plusSeconds(10).toString()));
        run("ws", "cy", "r-done", "welcome", RunState.COMPLETED, null, Map.of());

        var waiting = index.page("ws", new Query(null, null, RunFilter.WAITING, null, null), null, 10);
        assertEquals(List.of("bo", "ada"), ids(waiting));
        var timer = waiting.conversations().get(1).runs().get(0);
        assertEquals("r-timer", timer.id());
        assertEquals("waiting_for_timer", timer.state());
        assertEquals(T0.plusSeconds(900), timer.dueAt());

        var queued = index.page("ws", new Query(null, null, RunFilter.QUEUED, null, null), null, 10);
        assertEquals(List.of("bo"), ids(queued));
        var offer = queued.conversations().get(0).runs().get(0);
        assertEquals(T0.plusSeconds(10), offer.queuedSince());
        assertEquals(T0.plusSeconds(70), offer.dueAt());

        assertEquals(List.of("cy"), ids(index.page("ws", new Query(null, "welcome", RunFilter.ANY, null, null), null, 10)));
        var all = index.page("ws", Query.all(), null, 10);
        assertEquals(List.of(List.of("r-done"), List.of("r-queued"), List.of("r-timer")),
                all.conversations().stream().map(l -> l.runs().stream().map(r -> r.id()).toList()).toList());
        assertNull(all.conversations().get(0).runs().get(0).dueAt(), "a finished run is due nowhere");
    }

    @Test
    void aQueuedRunShowsSinceWhenItsAwaitingRecordSaysItWasQueued() {
        open("ws", "di", T0);
        Run queued = new Run("ws", "r-queue", "prompt", 1, "di", "conv", Map.of(), T0, RunState.QUEUED_FOR_ASSIGNMENT,
                StepPath.START, 1, T0.plusSeconds(70), null, null, T0, 0, List.of(), Map.of());
        queued.await(new Awaiting(Awaiting.Kind.AGENT, "assign", T0.plusSeconds(10), T0.plusSeconds(600), 0, null));
        runs.create(queued);

        var offer = index.page("ws", new Query(null, null, RunFilter.QUEUED, null, null), null, 10)
                .conversations().get(0).runs().get(0);
        assertEquals("r-queue", offer.id());
        assertEquals(T0.plusSeconds(10), offer.queuedSince(), "when the contact joined the queue, from the record");
        assertTrue(runs.find("ws", "di", "r-queue").orElseThrow().variables().keySet().stream()
                .noneMatch(k -> k.startsWith("queued.")), "the record is the only place that keeps it");
    }

    @Test
    void aPageLooksAtABoundedNumberOfConversationsAndSaysWhereToGoOn() {
        for (int i = 0; i < ConversationIndex.MAX_EXAMINED + 5; i++) {
            open("ws", "c" + i, T0.plusSeconds(i));
        }
        // nothing matches: the page stops after MAX_EXAMINED and links on
        var page = index.page("ws", new Query(ConversationStatus.CLOSED, null, RunFilter.ANY, null, null), null, 10);
        assertEquals(0, page.conversations().size());
        assertEquals(ConversationIndex.MAX_EXAMINED, page.examined());
        assertNotNull(page.next());
        var rest = index.page("ws", new Query(ConversationStatus.CLOSED, null, RunFilter.ANY, null, null), page.next(), 10);
        assertEquals(5, rest.examined());
        assertNull(rest.next());
    }

    @Test
    void aPageLinkThatThisListDidNotMakeIsRefused() {
        open("ws", "ada", T0);
        assertThrows(IllegalArgumentException.class, () -> index.page("ws", Query.all(), "not a link", 10));
        assertThrows(IllegalArgumentException.class, () -> index.page("ws", Query.all(),
                java.util.Base64.getUrlEncoder().encodeToString("WS#other".getBytes()), 10));
    }

    @Test
    void theIndexIsWrittenWhenAConversationOpensAndNeverWhenItIsAssignedClosedOrMessaged() {
        DynamoContactStore metered = new DynamoContactStore(meteredClient(), table.name);
        Instant at = T0;
        assertEquals(1.0, indexUnits(() -> metered.recordIncoming("ws", new IncomingContact("ada", "Ada"), "web", at,
                "conv-1")), 0.001, "opening files the contact: one keys-only entry, one unit");
        assertEquals(0.0, indexUnits(() -> metered.recordIncoming("ws", new IncomingContact("ada", "Ada"), "web",
                at.plusSeconds(1), "conv-2")), 0.001, "a message in the open conversation");
        assertEquals(0.0, indexUnits(() -> metered.assign("ws", "ada", "alice", "k1", at)), 0.001, "assigning");
        assertEquals(0.0, indexUnits(() -> metered.assign("ws", "ada", "bob", "k2", at)), 0.001, "reassigning");
        assertEquals(0.0, indexUnits(() -> metered.recordOutgoing("ws", "ada", at.plusSeconds(2))), 0.001, "a reply");
        assertEquals(0.0, indexUnits(() -> metered.close("ws", "ada", "conv-1", at.plusSeconds(5))), 0.001, "closing");
        assertEquals(List.of("ada"), ids(index.page("ws", new Query(ConversationStatus.CLOSED, null, RunFilter.ANY,
                null, null), null, 10)));
        assertEquals(2.0, indexUnits(() -> metered.openConversation("ws", "ada", "conv-3", OpenedBy.WORKFLOW,
                at.plusSeconds(60))), 0.001, "opening again moves the entry: the old one goes, the new one comes");
    }

    final java.util.List<software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity> consumed = new ArrayList<>();

    /** The write units the byConversation index took for what {@code write} did. */
    private double indexUnits(Runnable write) {
        consumed.clear();
        write.run();
        return consumed.stream().filter(c -> c.globalSecondaryIndexes() != null)
                .map(c -> c.globalSecondaryIndexes().get(Table.BY_CONVERSATION))
                .filter(java.util.Objects::nonNull)
                .mapToDouble(c -> c.capacityUnits()).sum();
    }

    /** A client that asks DynamoDB for each write's units per index, and keeps what it reports. */
    private software.amazon.awssdk.services.dynamodb.DynamoDbClient meteredClient() {
        var interceptor = new software.amazon.awssdk.core.interceptor.ExecutionInterceptor() {
            @Override
            public software.amazon.awssdk.core.SdkRequest modifyRequest(
                    software.amazon.awssdk.core.interceptor.Context.ModifyRequest context,
                    software.amazon.awssdk.core.interceptor.ExecutionAttributes attributes) {
                return context.request() instanceof software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest u
                        ? u.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.INDEXES).build()
                        : context.request();
            }

            @Override
            public void afterExecution(software.amazon.awssdk.core.interceptor.Context.AfterExecution context,
                    software.amazon.awssdk.core.interceptor.ExecutionAttributes attributes) {
                if (context.response() instanceof software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse u
                        && u.consumedCapacity() != null) {
                    consumed.add(u.consumedCapacity());
                }
            }
        };
        return software.amazon.awssdk.services.dynamodb.DynamoDbClient.builder()
                .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create())
                .endpointOverride(java.net.URI.create(io.switchboard.support.DynamoDbLocalResource.endpoint()))
                .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("test", "test")))
                .overrideConfiguration(c -> c.addExecutionInterceptor(interceptor)).build();
    }

    private void open(String ws, String contactId, Instant at) {
        contacts.recordIncoming(ws, new IncomingContact(contactId, contactId.toUpperCase()), "web", at,
                "conv-" + contactId + "-" + at.toEpochMilli());
    }

    private void run(String ws, String contactId, String runId, String workflowId, RunState state, Instant dueAt,
            Map<String, String> variables) {
        runs.create(new Run(ws, runId, workflowId, 1, contactId, "conv", Map.of(), T0, state,
                state.isFinished() ? null : StepPath.START, 1, dueAt, null, null, T0, 0, List.of(), variables));
    }

    private static List<String> ids(ConversationIndex.Page page) {
        return page.conversations().stream().map(l -> l.contact().id()).toList();
    }
}
