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

    /** One caller's {@code i}-th round of requests (from 0), on caller {@code thread}'s own items. */
    interface Round {
        void send(int thread, long i) throws Exception;
    }

    /**
     * Rounds per second: {@code threads} callers each sending {@code round} over and over for {@code seconds}.
     */
    static double roundsPerSecond(int threads, int seconds, Round round) throws Exception {
        AtomicLong done = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long until = System.nanoTime() + seconds * 1_000_000_000L;
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                workers.add(pool.submit(() -> {
                    for (long i = 0; System.nanoTime() < until; i++) {
                        round.send(thread, i);
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

    /** Conditional UpdateItem requests per second, after as long again to warm the store up (its JIT). */
    static double conditionalUpdatesPerSecond(DynamoDbClient db, String table, int threads, int seconds)
            throws Exception {
        measure(db, table, threads, seconds);
        return measure(db, table, threads, seconds);
    }

    private static double measure(DynamoDbClient db, String table, int threads, int seconds) throws Exception {
        String round = Long.toString(System.nanoTime());
        return roundsPerSecond(threads, seconds, (thread, version) -> db.updateItem(b -> b.tableName(table)
                .key(Map.of("pk", AttributeValue.fromS("BENCH#ceiling#" + round), "sk", AttributeValue.fromS("T#" + thread)))
                .updateExpression("SET version = :next")
                .conditionExpression("attribute_not_exists(version) OR version = :v")
                .expressionAttributeValues(Map.of(":v", AttributeValue.fromN(Long.toString(version)),
                        ":next", AttributeValue.fromN(Long.toString(version + 1))))));
    }
}
