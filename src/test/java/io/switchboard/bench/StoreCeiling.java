package io.switchboard.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What the store answers at most: {@code threads} callers each bumping its own item's version with a
 * conditional UpdateItem (the shape of a run's claim or checkpoint), for {@code seconds}. The
 * benchmark divides the application's request rate by this.
 */
final class StoreCeiling {

    private StoreCeiling() {
    }

    /** Conditional UpdateItem requests per second, after as long again to warm the store up (its JIT). */
    static double conditionalUpdatesPerSecond(DynamoDbClient db, String table, int threads, int seconds)
            throws Exception {
        measure(db, table, threads, seconds);
        return measure(db, table, threads, seconds);
    }

    private static double measure(DynamoDbClient db, String table, int threads, int seconds) throws Exception {
        AtomicLong done = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long until = System.nanoTime() + seconds * 1_000_000_000L;
            List<Future<?>> workers = new ArrayList<>();
            String round = Long.toString(System.nanoTime());
            for (int t = 0; t < threads; t++) {
                var key = Map.of("pk", AttributeValue.fromS("BENCH#ceiling#" + round), "sk", AttributeValue.fromS("T#" + t));
                workers.add(pool.submit(() -> {
                    long version = 0;
                    while (System.nanoTime() < until) {
                        long expected = version;
                        db.updateItem(b -> b.tableName(table).key(key)
                                .updateExpression("SET version = :next")
                                .conditionExpression("attribute_not_exists(version) OR version = :v")
                                .expressionAttributeValues(Map.of(":v", AttributeValue.fromN(Long.toString(expected)),
                                        ":next", AttributeValue.fromN(Long.toString(expected + 1)))));
                        version++;
                        done.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> w : workers) {
                w.get();
            }
            return done.get() / (double) seconds;
        } finally {
            pool.shutdownNow();
        }
    }
}
