package io.switchboard.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import io.switchboard.inbox.Opening;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import io.switchboard.support.DynamoDbLocalResource;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A wake-up of a run kept in its contact's item commits its reassignment, its comment and the run's save in
 * one conditional write of that item, the comment kept there beside the run; on DynamoDB Local. Every
 * guarantee of the transaction it replaces holds: all or nothing, once per wake-up, refused on a stale read.
 */
class KeptCommentsTest {

    private final Instant t0 = Instant.parse("2026-12-04T10:00:00Z");
    private final Instant wake = t0.plusSeconds(900);
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final AtomicBoolean loseNextAnswer = new AtomicBoolean();
    private final LocalTable table = new LocalTable(DynamoDbClient.builder()
            .httpClient(new LosesAnArmedAnswer(UrlConnectionHttpClient.create(), loseNextAnswer))
            .endpointOverride(URI.create(DynamoDbLocalResource.endpoint())).region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .overrideConfiguration(c -> c.addExecutionInterceptor(new ExecutionInterceptor() {
                @Override
                public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                    String name = context.request().getClass().getSimpleName().replace("Request", "");
                    requests.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
                }
            })).build());
    private final DynamoContactStore contacts = new DynamoContactStore(table.db, table.name);
    private final DynamoRunStore runs = new DynamoRunStore(table.db, table.name, table.json, 4);
    private final DynamoCommentStore comments = new DynamoCommentStore(table.db, table.name);
    private final DynamoSegmentCommits commits = new DynamoSegmentCommits(table.db, runs, contacts, comments);

    /** Ada's opening assigned to Alice with its run waiting 15 minutes in her item, as the wake-up reads it. */
    private Run wokenKeptRun() {
        Opening opening = contacts.prepareOpening("ws", new ContactStore.IncomingContact("ada", "Ada"), "web", t0,
                "conv-1", null);
        opening.assignWithOpening("alice", "r1#1", t0);
        assertTrue(runs.create(new Run("ws", "r1", "wf", 1, "ada", "conv-1", Map.of(), t0, RunState.WAITING_FOR_TIMER,
                StepPath.START, 2, wake, null, "token", t0, 0, List.of(), Map.of()), opening));
        Run read = runs.find("ws", "ada", "r1").orElseThrow();
        assertTrue(read.keptWithContact());
        RunMachine.require(read, RunEvent.DUE, wake);
        return read;
    }

    private HeldWrites reassignment(Contact before, String... texts) {
        HeldWrites held = new HeldWrites();
        held.hold(new HeldWrites.Assignment("ws", "ada", "bob", "r1#3", wake, before));
        int seq = 4;
        for (String text : texts) {
            held.hold(new Comment("ws", "ada", "conv-1", "r1#" + seq++, "workflow:wf", text, wake));
        }
        return held;
    }

    private Contact ada() {
        return contacts.find("ws", "ada").orElseThrow();
    }

    private List<String> texts() {
        return comments.list("ws", "ada", "conv-1").stream().map(Comment::text).toList();
    }

    private Map<String, AttributeValue> contactItem() {
        return table.db.getItem(b -> b.tableName(table.name).consistentRead(true)
                .key(Attr.key(Keys.contact("ws", "ada"), DynamoContactStore.SORT))).item();
    }

    private int commentItems() {
        return table.db.query(q -> q.tableName(table.name).keyConditionExpression("pk = :pk AND begins_with(sk, :c)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.contact("ws", "ada")),
                        ":c", AttributeValue.fromS("CMT#")))).count();
    }

    private Map<String, Integer> requestsDuring(Runnable action) {
        requests.clear();
        action.run();
        Map<String, Integer> counted = new java.util.TreeMap<>();
        requests.forEach((k, v) -> counted.put(k, v.get()));
        return counted;
    }

    @Test
    void theReassignmentItsCommentAndTheRunsSaveAreOneWriteOfTheContactsItem() {
        Run run = wokenKeptRun();
        long read = run.version();
        Contact before = ada();

        assertEquals(Map.of("UpdateItem", 1), requestsDuring(() -> commits.commit(run,
                reassignment(before, "Reassigned: no reply in 15 minutes"))), "one write, no transaction");

        assertEquals("bob", ada().assigneeId());
        assertEquals(1, contacts.openContactsOf("ws", "bob"));
        List<Comment> listed = comments.list("ws", "ada", "conv-1");
        assertEquals(1, listed.size());
        assertEquals("r1#4", listed.get(0).id(), "the step's key, whole, though stored from its #");
        assertEquals("workflow:wf", listed.get(0).author());
        assertEquals("Reassigned: no reply in 15 minutes", listed.get(0).text());
        assertEquals(wake, listed.get(0).createdAt());
        assertEquals(0, commentItems(), "kept in the contact's item, no item of its own");
        assertTrue(comments.list("ws", "ada", "conv-2").isEmpty(), "another conversation's comments are not these");
        assertEquals(read + 1, runs.find("ws", "ada", "r1").orElseThrow().version());
        assertEquals(read + 1, run.version());
        assertTrue(run.keptWithContact(), "the contact's item still fits one write unit: the run stays");
    }

    @Test
    void aSecondDeliveryOfTheWakeUpAtTheSameVersionWritesNoSecondComment() {
        Run first = wokenKeptRun();
        Run second = runs.find("ws", "ada", "r1").orElseThrow();
        RunMachine.require(second, RunEvent.DUE, wake);
        Contact before = ada();

        commits.commit(first, reassignment(before, "Reassigned"));
        assertThrows(ConcurrentUpdateException.class, () -> commits.commit(second, reassignment(before, "Reassigned")));

        assertEquals(List.of("Reassigned"), texts());
        assertEquals("bob", ada().assigneeId());
    }

    @Test
    void aReplySinceTheReadRefusesTheWholeWriteAndKeepsNoComment() {
        Run run = wokenKeptRun();
        Contact before = ada();
        contacts.recordOutgoing("ws", "ada", wake.minusSeconds(1)); // Alice answered a moment before the commit

        assertThrows(HeldWrites.Stale.class, () -> commits.commit(run, reassignment(before, "Reassigned")));

        assertEquals("alice", ada().assigneeId());
        assertTrue(texts().isEmpty());
        assertNull(contactItem().get(KeptComments.ATTRIBUTE));
        assertEquals(RunState.WAITING_FOR_TIMER, runs.find("ws", "ada", "r1").orElseThrow().state());
    }

    @Test
    void aCommitWhoseAnswerWasLostIsRecognisedOnTheClientsRetryAsTheWriteThatLanded() {
        Run run = wokenKeptRun();
        long read = run.version();
        Contact before = ada();

        loseNextAnswer.set(true); // DynamoDB applies the write; its answer never reaches the client, which retries
        commits.commit(run, reassignment(before, "Reassigned"));

        assertFalse(loseNextAnswer.get(), "the answer was lost once");
        assertEquals(read + 1, run.version(), "the run in hand knows the version it wrote");
        assertEquals(List.of("Reassigned"), texts());
        assertEquals("bob", ada().assigneeId());
        runs.save(run); // its next save, at the version it knows
        assertEquals(read + 2, runs.find("ws", "ada", "r1").orElseThrow().version());
    }

    @Test
    void commentsPastWhatTheItemKeepsAreWrittenAsItemsInOneTransactionWithTheRest() {
        Run run = wokenKeptRun();
        String[] many = new String[KeptComments.MAX + 1];
        for (int i = 0; i < many.length; i++) {
            many[i] = "note " + i;
        }

        HeldWrites held = reassignment(ada(), many);
        assertEquals(Map.of("TransactWriteItems", 1), requestsDuring(() -> commits.commit(run, held)));

        assertEquals(List.of(many), texts().stream().sorted().toList());
        assertEquals(many.length, commentItems());
        assertNull(contactItem().get(KeptComments.ATTRIBUTE));
    }

    @Test
    void aLongCommentIsWrittenAsAnItem() {
        Run run = wokenKeptRun();
        String longText = "x".repeat(KeptComments.MAX_BYTES + 1);

        commits.commit(run, reassignment(ada(), longText));

        assertEquals(List.of(longText), texts());
        assertEquals(1, commentItems());
    }

    @Test
    void aFullItemSendsTheNextWakeUpsCommentsToItemsAndListsThemAllInOrder() {
        Run run = wokenKeptRun();
        commits.commit(run, reassignment(ada(), "a", "b", "c"));
        assertEquals(3, contactItem().get(KeptComments.ATTRIBUTE).l().size());

        HeldWrites more = new HeldWrites();
        more.hold(new Comment("ws", "ada", "conv-1", "r1#9", "workflow:wf", "d", wake.plusSeconds(1)));
        more.hold(new Comment("ws", "ada", "conv-1", "r1#10", "workflow:wf", "e", wake.plusSeconds(2)));
        assertEquals(Map.of("TransactWriteItems", 1, "UpdateItem", 1), requestsDuring(() -> commits.commit(run, more)),
                "the one write refused for want of room (nothing written), then the transaction");

        assertEquals(List.of("a", "b", "c", "d", "e"), texts());
        assertEquals(2, commentItems());
        assertEquals(3, contactItem().get(KeptComments.ATTRIBUTE).l().size(), "the item keeps no more than it had room for");
    }

    @Test
    void whenTheKeptRunMovesOutItsCommentsBecomeItemsAndAreListedOnce() {
        Run run = wokenKeptRun();
        commits.commit(run, reassignment(ada(), "Reassigned"));
        // an agent fills in a long note: the contact alone is now most of a write unit
        contacts.changeFields("ws", "ada", Map.of("notes", "n".repeat(700)), "agent#1", wake.plusSeconds(5));

        Run again = runs.find("ws", "ada", "r1").orElseThrow();
        runs.save(again);

        assertFalse(again.keptWithContact(), "moved to its own item");
        assertNull(contactItem().get(KeptComments.ATTRIBUTE), "its comments left the contact's item with it");
        assertEquals(1, commentItems());
        List<Comment> listed = comments.list("ws", "ada", "conv-1");
        assertEquals(List.of("Reassigned"), listed.stream().map(Comment::text).toList());
        assertEquals("r1#4", listed.get(0).id());
        assertEquals(wake, listed.get(0).createdAt());
    }

    @Test
    void aContactWhoseItemHasNoRoomWithinOneWriteUnitGetsItsCommentAsAnItemAndKeepsItsRun() {
        // an agent filled in a long note: the contact alone is most of a write unit when the wake-up reads it
        Opening opening = contacts.prepareOpening("ws", new ContactStore.IncomingContact("ada", "Ada"), "web", t0,
                "conv-1", null);
        opening.assignWithOpening("alice", "r1#1", t0);
        assertTrue(runs.create(new Run("ws", "r1", "wf", 1, "ada", "conv-1", Map.of(), t0, RunState.WAITING_FOR_TIMER,
                StepPath.START, 2, wake, null, "token", t0, 0, List.of(), Map.of()), opening));
        contacts.changeFields("ws", "ada", Map.of("notes", "n".repeat(420)), "agent#1", t0.plusSeconds(5));
        Run run = runs.find("ws", "ada", "r1").orElseThrow();
        RunMachine.require(run, RunEvent.DUE, wake);
        HeldWrites held = reassignment(ada(), "Reassigned");

        assertEquals(Map.of("TransactWriteItems", 1), requestsDuring(() -> commits.commit(run, held)),
                "one write of the contact and the comment's item, all or none");

        assertEquals(List.of("Reassigned"), texts());
        assertEquals(1, commentItems());
        assertNull(contactItem().get(KeptComments.ATTRIBUTE));
        assertTrue(run.keptWithContact(), "the contact's item without the comment still fits: the run stays");
        assertEquals("bob", ada().assigneeId());
    }

    @Test
    void aCommentOfAnotherConversationOrAuthorIsKeptWithThemAndReadBackWhole() {
        Run run = wokenKeptRun();
        HeldWrites held = new HeldWrites();
        held.hold(new HeldWrites.Assignment("ws", "ada", "bob", "r1#3", wake, ada()));
        held.hold(new Comment("ws", "ada", "conv-1", "r1#4", "workflow:wf", "own", wake));
        held.hold(new Comment("ws", "ada", "conv-1", "api#9", "agent:alice", "by Alice", wake.plusMillis(1)));
        held.hold(new Comment("ws", "ada", "conv-2", "r1#5", "workflow:wf", "elsewhere", wake.plusMillis(2)));

        commits.commit(run, held);

        assertEquals(0, commentItems(), "all three kept in the contact's item");
        List<Comment> first = comments.list("ws", "ada", "conv-1");
        assertEquals(List.of(new Comment("ws", "ada", "conv-1", "r1#4", "workflow:wf", "own", wake),
                new Comment("ws", "ada", "conv-1", "api#9", "agent:alice", "by Alice", wake.plusMillis(1))), first);
        assertEquals(List.of(new Comment("ws", "ada", "conv-2", "r1#5", "workflow:wf", "elsewhere", wake.plusMillis(2))),
                comments.list("ws", "ada", "conv-2"));
    }

    /** Loses the answer of one UpdateItem once armed: DynamoDB applied it, the client hears a 500 and retries. */
    private record LosesAnArmedAnswer(SdkHttpClient delegate, AtomicBoolean armed) implements SdkHttpClient {
        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            ExecutableHttpRequest real = delegate.prepareRequest(request);
            boolean update = request.httpRequest().firstMatchingHeader("X-Amz-Target")
                    .map(t -> t.endsWith(".UpdateItem")).orElse(false);
            if (!update || !armed.get()) {
                return real;
            }
            return new ExecutableHttpRequest() {
                @Override
                public HttpExecuteResponse call() throws IOException {
                    HttpExecuteResponse applied = real.call();
                    if (!armed.compareAndSet(true, false)) {
                        return applied;
                    }
                    if (applied.responseBody().isPresent()) {
                        applied.responseBody().get().readAllBytes();
                        applied.responseBody().get().close();
                    }
                    return FaultyDynamoHttp.response(500, "com.amazon.coral.service#InternalFailure");
                }

                @Override
                public void abort() {
                    real.abort();
                }
            };
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
