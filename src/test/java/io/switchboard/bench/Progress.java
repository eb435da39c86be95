package io.switchboard.bench;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Prints how far a long benchmark phase has got, at most every two seconds: done of total, the rate
 * so far and the time left at that rate. So a 10,000-wait run says it is working, and how long it needs.
 */
final class Progress {

    private static final long EVERY = TimeUnit.SECONDS.toNanos(2);

    private final String what;
    private final int total;
    private final long started = System.nanoTime();
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicLong lastPrinted = new AtomicLong(System.nanoTime());

    Progress(String what, int total) {
        this.what = what;
        this.total = total;
    }

    /** One more done. */
    void step() {
        report(done.incrementAndGet());
    }

    /** {@code count} done so far (for phases that poll for what finished). */
    void at(int count) {
        done.set(count);
        report(count);
    }

    private void report(int count) {
        long now = System.nanoTime();
        long last = lastPrinted.get();
        if (now - last < EVERY || !lastPrinted.compareAndSet(last, now)) {
            return;
        }
        System.out.println(line(count, now));
    }

    String line(int count, long now) {
        double seconds = (now - started) / 1e9;
        double rate = seconds == 0 ? 0 : count / seconds;
        String left = rate == 0 ? "?" : String.format("%.0f s", (total - count) / rate);
        return String.format("  .. %s: %d/%d (%d%%), %.0f/s, about %s left", what, count, total,
                total == 0 ? 100 : count * 100L / total, rate, left);
    }
}
