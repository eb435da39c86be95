package io.switchboard.store;

import java.util.concurrent.ThreadLocalRandom;

/**
 * The pause between two attempts of a store request that met contention or throttling: full-jitter
 * exponential back-off (a random pause up to base, 2 x base, 4 x base...), so callers that collided do
 * not collide again in step, as AWS's guidance on retries recommends.
 */
final class BackOff {

    private BackOff() {
    }

    /** Pauses before attempt {@code attempt + 1}; false when the thread was interrupted meanwhile. */
    static boolean pause(int attempt, long baseMillis, int maxDoublings) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, baseMillis << Math.min(attempt, maxDoublings)));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
