package io.switchboard.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Every BatchGetItem of the stores goes through here, so that all of them treat a partial answer the
 * same way. DynamoDB takes at most 100 keys per request and, when a partition is throttled, answers
 * with some keys left unprocessed rather than failing the request (its documentation asks callers to
 * retry those with exponential back-off). Those keys are asked again, with back-off, a bounded number
 * of times; keys still unread after that are a store outage ({@link StoreOutages}): the HTTP layer
 * answers 503 and a run's step is left to its lease, rather than working on a partial read.
 */
public final class BatchReads {

    /** DynamoDB's limit of keys per BatchGetItem. */
    public static final int MAX_KEYS = 100;
    /** How many times keys left unprocessed are asked again before the read counts as an outage. */
    static final int MAX_ASKS = 6;

    private BatchReads() {
    }

    /** Raised when keys stay unprocessed through every ask again: the store is throttling this read. */
    public static final class Unprocessed extends RuntimeException {
        Unprocessed(int keys) {
            super(keys + " key(s) of a batch read were left unprocessed by the store through " + MAX_ASKS
                    + " asks with back-off");
        }
    }

    /**
     * The items found for {@code keys} (absent items are simply missing), in no particular order.
     * Consistent reads when {@code consistent}.
     */
    public static List<Map<String, AttributeValue>> read(DynamoDbClient db, String table,
            List<Map<String, AttributeValue>> keys, boolean consistent) {
        List<Map<String, AttributeValue>> found = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += MAX_KEYS) {
            List<Map<String, AttributeValue>> chunk = keys.subList(from, Math.min(keys.size(), from + MAX_KEYS));
            Map<String, KeysAndAttributes> request = Map.of(table,
                    KeysAndAttributes.builder().keys(chunk).consistentRead(consistent).build());
            for (int ask = 0; ; ask++) {
                BatchGetItemResponse response = db.batchGetItem(BatchGetItemRequest.builder().requestItems(request).build());
                found.addAll(response.responses().getOrDefault(table, List.of()));
                if (!response.hasUnprocessedKeys() || response.unprocessedKeys().isEmpty()) {
                    break;
                }
                request = response.unprocessedKeys();
                // full-jitter back-off (up to 10, 20, 40... ms), as DynamoDB asks for unprocessed keys
                if (ask + 1 >= MAX_ASKS || !BackOff.pause(ask, 10, 6)) {
                    throw new Unprocessed(request.get(table).keys().size());
                }
            }
        }
        return found;
    }
}
