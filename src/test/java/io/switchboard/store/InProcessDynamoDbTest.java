package io.switchboard.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.document.WorkflowParser;
import io.switchboard.document.WorkflowSchema;
import io.switchboard.engine.run.RunStore;
import io.switchboard.engine.run.RunStoreContract;
import io.switchboard.engine.step.EffectClaims;
import io.switchboard.engine.step.EffectClaimsContract;
import io.switchboard.engine.workflow.PublishedWorkflows;
import io.switchboard.engine.workflow.PublishedWorkflowsContract;
import io.switchboard.inbox.CommentStore;
import io.switchboard.inbox.CommentStoreContract;
import io.switchboard.inbox.ContactStore;
import io.switchboard.inbox.ContactStoreContract;
import io.switchboard.inbox.DirectoryStore;
import io.switchboard.inbox.DirectoryStoreContract;
import io.switchboard.inbox.MessageStore;
import io.switchboard.inbox.MessageStoreContract;
import io.switchboard.ops.DynamoDbMetrics;
import io.switchboard.ops.InterceptingDynamoDbClient;
import java.io.File;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The local run's in-process store ({@code dynamodb-local.in-process=true}): DynamoDB Local's own
 * {@link DynamoDbClient}, with no HTTP, over an on-disk file, wrapped as the local run wraps it so the
 * request meters still count. Every store contract runs on it, and what the stores rely on beyond
 * plain reads and writes (failed conditions that return the item, cancelled transactions with their
 * reasons, batch reads, the indexes, consumed capacity) is checked directly.
 */
class InProcessDynamoDbTest {

    static final SimpleMeterRegistry METERS = new SimpleMeterRegistry();
    static final File DATA = data();
    static final AmazonDynamoDBLocal ENGINE = DynamoDBEmbedded.create(new File(DATA, "shared-local-instance.db"), true);
    static final DynamoDbClient DB = InterceptingDynamoDbClient.wrap(ENGINE.dynamoDbClient(),
            List.of(new DynamoDbMetrics(METERS)));

    static LocalTable table() {
        return new LocalTable(DB);
    }

    private static File data() {
        try {
            return Files.createTempDirectory("in-process-dynamodb").toFile();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aFailedConditionReturnsTheStoredItemAndIsMeteredAsSuch() {
        LocalTable t = table();
        var key = Map.of("pk", AttributeValue.fromS("K#1"), "sk", AttributeValue.fromS("S"));
        DB.putItem(b -> b.tableName(t.name).item(Map.of("pk", key.get("pk"), "sk", key.get("sk"),
                "version", AttributeValue.fromN("3"))));
        double failedBefore = requests("PutItem", "condition_failed");

        var e = assertThrows(ConditionalCheckFailedException.class, () -> DB.putItem(b -> b.tableName(t.name)
                .item(Map.of("pk", key.get("pk"), "sk", key.get("sk"), "version", AttributeValue.fromN("1")))
                .conditionExpression("attribute_not_exists(pk)")
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));

        assertEquals("3", e.item().get("version").n(), "the item as stored comes back with the failure");
        assertEquals(failedBefore + 1, requests("PutItem", "condition_failed"));
    }

    @Test
    void aCancelledTransactionSaysWhichItemFailedItsCondition() {
        LocalTable t = table();
        DB.putItem(b -> b.tableName(t.name).item(Map.of("pk", AttributeValue.fromS("K#2"), "sk", AttributeValue.fromS("S"))));
        Put fresh = Put.builder().tableName(t.name).item(Map.of("pk", AttributeValue.fromS("K#3"),
                "sk", AttributeValue.fromS("S"))).conditionExpression("attribute_not_exists(pk)").build();
        Put taken = fresh.toBuilder().item(Map.of("pk", AttributeValue.fromS("K#2"), "sk", AttributeValue.fromS("S"))).build();

        var e = assertThrows(TransactionCanceledException.class, () -> DB.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder().put(fresh).build(), TransactWriteItem.builder().put(taken).build())));

        assertEquals(List.of("None", "ConditionalCheckFailed"),
                e.cancellationReasons().stream().map(r -> r.code()).toList());
        assertTrue(DB.getItem(b -> b.tableName(t.name).key(fresh.item())).item().isEmpty(), "nothing of it was written");
    }

    @Test
    void everyRequestIsCountedWithTheCapacityItConsumed() {
        LocalTable t = table();
        double writes = units("write"), reads = units("read"), batches = requests("BatchGetItem", "ok");
        var item = Map.of("pk", AttributeValue.fromS("K#4"), "sk", AttributeValue.fromS("S"));

        DB.putItem(b -> b.tableName(t.name).item(item));
        DB.transactWriteItems(b -> b.transactItems(TransactWriteItem.builder().put(Put.builder().tableName(t.name)
                .item(Map.of("pk", AttributeValue.fromS("K#5"), "sk", AttributeValue.fromS("S"))).build()).build()));
        var got = DB.batchGetItem(b -> b.requestItems(Map.of(t.name,
                software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes.builder().keys(item).build())));

        assertEquals(1, got.responses().get(t.name).size());
        assertEquals(batches + 1, requests("BatchGetItem", "ok"));
        assertTrue(units("write") - writes >= 3, "a put (1 WCU) and a transactional put (2 WCU) are counted");
        assertTrue(units("read") - reads > 0, "the batch read's units are counted");
    }

    static double requests(String operation, String outcome) {
        var timer = METERS.find("switchboard.dynamodb.requests").tag("operation", operation).tag("outcome", outcome).timer();
        return timer == null ? 0 : timer.count();
    }

    static double units(String kind) {
        return METERS.find("switchboard.dynamodb.consumed.capacity").tag("kind", kind).counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }

    @Nested
    class Runs extends RunStoreContract {
        @Override
        protected RunStore newStore() {
            LocalTable t = table();
            return new DynamoRunStore(t.db, t.name, t.json, 4);
        }
    }

    @Nested
    class Contacts extends ContactStoreContract {
        @Override
        protected ContactStore newStore() {
            return new DynamoContactStore(DB, table().name);
        }
    }

    @Nested
    class Directory extends DirectoryStoreContract {
        @Override
        protected DirectoryStore newStore() {
            LocalTable t = table();
            return new DynamoDirectoryStore(t.db, t.name, t.json);
        }
    }

    @Nested
    class Messages extends MessageStoreContract {
        @Override
        protected MessageStore newStore() {
            return new DynamoMessageStore(DB, table().name);
        }
    }

    @Nested
    class Comments extends CommentStoreContract {
        @Override
        protected CommentStore newStore() {
            return new DynamoCommentStore(DB, table().name);
        }
    }

    @Nested
    class Claims extends EffectClaimsContract {
        @Override
        protected EffectClaims newClaims() {
            return new DynamoEffectClaims(DB, table().name);
        }
    }

    @Nested
    class Workflows extends PublishedWorkflowsContract {
        final LocalTable t = table();
        DynamoWorkflowStore workflows;

        @Override
        protected PublishedWorkflows newStore() {
            workflows = new DynamoWorkflowStore(t.db, t.name, t.json, new WorkflowParser(new WorkflowSchema()));
            return workflows;
        }

        @Override
        protected void publish(String ws, String id, String document) {
            DynamoPublishedWorkflowsTest.publish(workflows, t.json, ws, id, document);
        }
    }
}
