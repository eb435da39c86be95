package io.switchboard.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.engine.run.RunStatus;
import io.switchboard.engine.run.RunStore;
import io.switchboard.engine.run.RunStoreContract;
import io.switchboard.inbox.ContactStore;
import io.switchboard.engine.run.Run;
import io.switchboard.engine.run.WakeUpCall;
import io.switchboard.support.DynamoDbLocalResource;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;

/** The RunStore contract against the DynamoDB adapter, on a fresh table in DynamoDB Local. */
class DynamoRunStoreTest extends RunStoreContract {

    private LocalTable table;

    @Override
    protected RunStore newStore() {
        table = new LocalTable();
        return new DynamoRunStore(table.db, table.name, table.json, 4);
    }

    @Test
    void aRunStoredWithItsHistoryGzipdReadsBackWholeAndItsNextSaveWritesTheDictionaryFormat() throws Exception {
        Run stored = run("r-gzip", "ada", RunStatus.WAITING, t0.plusSeconds(900));
        var key = Attr.key(Keys.contact("ws", "ada"), Keys.runSort("r-gzip"));
        // as runs were written before the dictionary: every field an attribute, the history's JSON gzip'd
        table.db.putItem(p -> p.tableName(table.name).item(RunItemsAsWrittenBefore.item(stored, 1, table.json,
                DynamoRunStoreTest::gzip)));

        Run read = store.find("ws", "ada", "r-gzip").orElseThrow();
        assertEquals(stored.history(), read.history());
        store.save(read);
        var saved = table.db.getItem(g -> g.tableName(table.name).key(key)).item();
        assertEquals(HistoryCodec.DICTIONARY_V1, saved.get(RunItems.BODY).b().asByteArray()[0]);
        assertEquals(stored.history(), store.find("ws", "ada", "r-gzip").orElseThrow().history());
    }

    @Test
    void aRunWrittenBeforeTheBodyReadsBackAsItWasAndItsNextSaveWritesOnlyTheBodyBesideTheKeys() {
        Run stored = run("r-attributes", "ada", RunStatus.WAITING, t0.plusSeconds(900));
        stored.setVariable("answer.name", "Ada");
        var key = Attr.key(Keys.contact("ws", "ada"), Keys.runSort("r-attributes"));
        table.db.putItem(p -> p.tableName(table.name).item(RunItemsAsWrittenBefore.item(stored, 3, table.json,
                HistoryCodec::encode)));

        Run read = store.find("ws", "ada", "r-attributes").orElseThrow();
        assertEquals(3, read.version());
        assertEquals(stored.workflowId(), read.workflowId());
        assertEquals(stored.triggerData(), read.triggerData());
        assertEquals(stored.dueAt(), read.dueAt());
        assertEquals(stored.state(), read.state());
        assertEquals(stored.variables(), read.variables());
        assertEquals(stored.history(), read.history());
        assertEquals(List.of("r-attributes"), store.due(t0.plusSeconds(900), 10).stream().map(WakeUpCall::runId).toList());

        store.save(read);
        var saved = table.db.getItem(g -> g.tableName(table.name).key(key)).item();
        assertEquals(java.util.Set.of("pk", "sk", "version", "body", "wakeToken", "dueShard", "dueKey"), saved.keySet());
        Run again = store.find("ws", "ada", "r-attributes").orElseThrow();
        assertEquals(4, again.version());
        assertEquals(stored.variables(), again.variables());
        assertEquals(stored.history(), again.history());
        assertEquals(List.of("r-attributes"), store.due(t0.plusSeconds(900), 10).stream().map(WakeUpCall::runId).toList(),
                "still due, from the same due entry");
    }

    @Test
    void aRunItemIsAtMostThreeQuartersOfTheBytesItsFieldsTookAsAttributes() {
        Run waiting = run("r-size", "ada", RunStatus.WAITING, t0.plusSeconds(900));
        store.create(waiting);
        var key = Attr.key(Keys.contact("ws", "ada"), Keys.runSort("r-size"));
        int body = io.switchboard.store.ItemBytes.of(table.db.getItem(g -> g.tableName(table.name).key(key)).item());
        int attributes = io.switchboard.store.ItemBytes.of(RunItemsAsWrittenBefore.item(waiting, 1, table.json, HistoryCodec::encode));
        assertTrue(body < attributes * 3 / 4, body + " bytes as a body against " + attributes + " as attributes");
    }

    private static byte[] gzip(String json) {
        var gzipped = new ByteArrayOutputStream();
        try (var zip = new GZIPOutputStream(gzipped)) {
            zip.write(json.getBytes(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return gzipped.toByteArray();
    }

    @Test
    void aRunToResumeIsReadTogetherWithItsContact() {
        new DynamoContactStore(table.db, table.name).recordIncoming("ws",
                new ContactStore.IncomingContact("ada", "Ada"), "web", t0, "conv-1");
        store.create(run("r1", "ada", RunStatus.WAITING, t0.plusSeconds(900)));

        RunStore.Resumable both = store.findToResume("ws", "ada", "r1");

        assertEquals("r1", both.run().orElseThrow().id());
        assertEquals("Ada", both.contact().name());
        assertTrue(both.contact().hasOpenConversation());
    }

    @Test
    void aRunWhoseContactIsNotStoredIsStillFoundToResume() {
        store.create(run("r2", "bo", RunStatus.WAITING, t0.plusSeconds(900)));

        RunStore.Resumable both = store.findToResume("ws", "bo", "r2");

        assertEquals("r2", both.run().orElseThrow().id());
        assertNull(both.contact());
        assertTrue(store.findToResume("ws", "bo", "unknown").run().isEmpty());
    }

    @Test
    void manyWakeUpsAreReadInOneRequestPerFiftyAsEachAloneWouldBeRead() {
        java.util.concurrent.atomic.AtomicInteger batchReads = new java.util.concurrent.atomic.AtomicInteger();
        DynamoDbClient counted = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(URI.create(DynamoDbLocalResource.endpoint())).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .overrideConfiguration(c -> c.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                        if (context.request() instanceof BatchGetItemRequest) {
                            batchReads.incrementAndGet();
                        }
                    }
                })).build();
        DynamoRunStore runs = new DynamoRunStore(counted, table.name, table.json, 4);
        DynamoContactStore contacts = new DynamoContactStore(table.db, table.name);
        List<WakeUpCall> calls = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            String contact = "c" + (i % 40); // thirty contacts with two runs due
            if (i < 40 && i % 5 != 0) {
                contacts.recordIncoming("ws", new ContactStore.IncomingContact(contact, "Contact " + i), "web", t0,
                        "conv-" + contact);
            }
            if (i % 7 != 3) {
                store.create(run("r" + i, contact, RunStatus.WAITING, t0.plusSeconds(900)));
            }
            calls.add(new WakeUpCall("ws", contact, "r" + i, null, t0.plusSeconds(900)));
        }

        List<RunStore.Resumable> read = runs.findAllToResume(calls);

        assertEquals(2, batchReads.get(), "70 runs and 40 contacts, each read once: 110 keys in two requests, not 70");
        assertEquals(70, read.size());
        for (int i = 0; i < 70; i++) {
            WakeUpCall call = calls.get(i);
            RunStore.Resumable alone = store.findToResume("ws", call.contactId(), call.runId());
            assertEquals(alone.run().map(Run::id), read.get(i).run().map(Run::id), "run of " + call);
            assertEquals(alone.run().map(Run::version), read.get(i).run().map(Run::version));
            assertEquals(alone.contact(), read.get(i).contact(), "contact of " + call);
        }
        assertTrue(read.get(3).run().isEmpty(), "a run that is gone reads as gone");
        assertNull(read.get(0).contact(), "a contact that is not stored reads as null");
        assertEquals("Contact 1", read.get(41).contact().name(), "a contact with two runs due is read once for both");
    }
}
