package io.switchboard.store;

import static io.switchboard.store.Attr.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.support.DynamoDbLocalResource;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;

/** Batch reads on DynamoDB Local, with throttled answers as DynamoDB gives them. */
class BatchReadsTest {

    final LocalTable table = new LocalTable();

    /** Counts the BatchGetItem requests sent. */
    static final class Counting implements ExecutionInterceptor {
        final AtomicInteger batchRequests = new AtomicInteger();

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            if (context.request() instanceof BatchGetItemRequest) {
                batchRequests.incrementAndGet();
            }
        }
    }

    DynamoDbClient client(ExecutionInterceptor... interceptors) {
        return DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(URI.create(DynamoDbLocalResource.endpoint())).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .overrideConfiguration(c -> List.of(interceptors).forEach(c::addExecutionInterceptor)).build();
    }

    List<Map<String, AttributeValue>> stored(int count) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, AttributeValue> key = Attr.key("P#" + i, "ITEM");
            Map<String, AttributeValue> item = new java.util.HashMap<>(key);
            item.put("n", s(Integer.toString(i)));
            table.db.putItem(b -> b.tableName(table.name).item(item));
            keys.add(key);
        }
        return keys;
    }

    static Set<String> numbers(List<Map<String, AttributeValue>> items) {
        return items.stream().map(i -> i.get("n").s()).collect(Collectors.toSet());
    }

    @Test
    void moreKeysThanOneRequestTakesAreReadInRequestsOfAHundredAndAbsentItemsAreLeftOut() {
        List<Map<String, AttributeValue>> keys = new ArrayList<>(stored(250));
        for (int i = 0; i < 10; i++) {
            keys.add(Attr.key("ABSENT#" + i, "ITEM"));
        }
        Counting counting = new Counting();

        var items = BatchReads.read(client(counting), table.name, keys, true);

        assertEquals(250, items.size());
        assertEquals(250, numbers(items).size(), "each item once");
        assertEquals(3, counting.batchRequests.get(), "260 keys: three requests");
    }

    @Test
    void keysAThrottledStoreLeavesUnprocessedAreAskedAgainUntilEveryItemIsRead() {
        List<Map<String, AttributeValue>> keys = stored(40);
        Counting counting = new Counting();
        LeavesKeysUnprocessed throttled = new LeavesKeysUnprocessed(n -> n <= 3);

        var items = BatchReads.read(client(counting, throttled), table.name, keys, false);

        assertEquals(40, numbers(items).size(), "every item read, none twice: " + items.size());
        assertEquals(40, items.size());
        assertTrue(throttled.keysLeft.get() > 0, "the store left keys unprocessed");
        assertEquals(4, counting.batchRequests.get(), "three throttled answers, then the rest read at the fourth");
    }

    @Test
    void keysStillUnprocessedAfterEveryAskAreAStoreOutageNotAPartialRead() {
        List<Map<String, AttributeValue>> keys = stored(6);
        Counting counting = new Counting();

        var refused = assertThrows(BatchReads.Unprocessed.class, () -> BatchReads.read(
                client(counting, new LeavesKeysUnprocessed(n -> true)), table.name, keys, true));

        assertTrue(StoreOutages.isOutage(refused), "the HTTP layer answers 503; a step is left to its lease");
        assertEquals(BatchReads.MAX_ASKS, counting.batchRequests.get(), "bounded: the store is not asked forever");
        assertTrue(refused.getMessage().contains("unprocessed"), refused.getMessage());
    }
}
