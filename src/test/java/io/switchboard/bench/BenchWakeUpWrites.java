package io.switchboard.bench;

import io.switchboard.engine.run.RunEngine;
import io.switchboard.store.DynamoCommentStore;
import io.switchboard.store.DynamoContactStore;
import io.switchboard.store.DynamoRunStore;
import io.switchboard.store.DynamoSegmentCommits;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The benchmarks' engine writes its wake-ups as {@code switchboard.wake-up-writes} would have it, chosen with
 * {@code -Dbench.wakeUpWrites=commit|effects-first|claim} (commit, the product's default, when unset).
 */
final class BenchWakeUpWrites {

    private BenchWakeUpWrites() {
    }

    static String chosen() {
        return System.getProperty("bench.wakeUpWrites", "commit");
    }

    static RunEngine applied(RunEngine engine, DynamoDbClient db, DynamoRunStore runs, DynamoContactStore contacts,
            DynamoCommentStore comments) {
        return switch (chosen()) {
            case "commit" -> engine.committingWakeUpsWith(new DynamoSegmentCommits(db, runs, contacts, comments));
            case "effects-first" -> engine.writingWakeUpEffectsFirst(new DynamoSegmentCommits(db, runs, contacts, comments));
            case "claim" -> engine;
            default -> throw new IllegalArgumentException("bench.wakeUpWrites is commit, effects-first or claim, not "
                    + chosen());
        };
    }
}
