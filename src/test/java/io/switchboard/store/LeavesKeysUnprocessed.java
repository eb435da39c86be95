package io.switchboard.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Answers BatchGetItem as a throttled DynamoDB does, which DynamoDB Local never does: the request
 * succeeds, but some of the keys asked come back under {@code UnprocessedKeys} instead of being read
 * (the last half of the items found, and every absent key, in the answers {@code throttles} selects by
 * their number). The unprocessed keys carry the request's own read settings, as DynamoDB's do.
 */
final class LeavesKeysUnprocessed implements ExecutionInterceptor {

    final AtomicInteger batchReads = new AtomicInteger();
    final AtomicInteger throttledAnswers = new AtomicInteger();
    final AtomicInteger keysLeft = new AtomicInteger();
    private final IntPredicate throttles;

    LeavesKeysUnprocessed(IntPredicate throttles) {
        this.throttles = throttles;
    }

    /** Throttles each answer with the given probability (seeded, so a run can be repeated). */
    static LeavesKeysUnprocessed randomly(double probability, long seed) {
        Random random = new Random(seed);
        return new LeavesKeysUnprocessed(n -> {
            synchronized (random) {
                return random.nextDouble() < probability;
            }
        });
    }

    @Override
    public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
        if (!(context.response() instanceof BatchGetItemResponse response)
                || !(context.request() instanceof BatchGetItemRequest request)
                || !throttles.test(batchReads.incrementAndGet())) {
            return context.response();
        }
        throttledAnswers.incrementAndGet();
        var unprocessed = new java.util.HashMap<String, KeysAndAttributes>();
        var responses = new java.util.HashMap<String, List<Map<String, AttributeValue>>>();
        request.requestItems().forEach((table, asked) -> {
            List<Map<String, AttributeValue>> found = response.responses().getOrDefault(table, List.of());
            List<Map<String, AttributeValue>> kept = new ArrayList<>(found.subList(0, found.size() / 2));
            List<Map<String, AttributeValue>> left = new ArrayList<>();
            for (Map<String, AttributeValue> key : asked.keys()) {
                boolean keptItem = kept.stream().anyMatch(item -> key.get(Table.PK).equals(item.get(Table.PK))
                        && key.get(Table.SK).equals(item.get(Table.SK)));
                if (!keptItem) {
                    left.add(key);
                }
            }
            responses.put(table, kept);
            if (!left.isEmpty()) {
                keysLeft.addAndGet(left.size());
                unprocessed.put(table, asked.toBuilder().keys(left).build());
            }
        });
        return response.toBuilder().responses(responses).unprocessedKeys(unprocessed).build();
    }
}
