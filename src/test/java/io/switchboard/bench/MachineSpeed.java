package io.switchboard.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * How fast this machine runs Java today, on one thread: a fixed piece of work of the kinds a scenario run
 * does (JSON written and read, hash maps of strings, sorting), timed after warming up. The same build has
 * measured twice as slow on one day as on another on this kind of shared machine, so every benchmark prints
 * this beside its figures: compare figures of different days through it, not directly.
 */
final class MachineSpeed {

    private static final ObjectMapper JSON = new ObjectMapper();
    // enough rounds for the JIT to have compiled the workload, so the figure is the machine, not the warm-up
    private static final int WARM_UP = 20;
    // the work's result goes somewhere the JIT cannot prove unused, so none of it is optimised away
    private static volatile long sink;

    private MachineSpeed() {
    }

    /** "machine speed: N ms ..." for the benchmark's first lines. */
    static String line() {
        long[] ms = new long[11];
        for (int round = 0; round < WARM_UP; round++) {
            sink += work();
        }
        for (int round = 0; round < ms.length; round++) {
            long t = System.nanoTime();
            sink += work();
            ms[round] = (System.nanoTime() - t) / 1_000_000;
        }
        Arrays.sort(ms);
        return String.format("machine speed: the fixed single-thread workload (JSON, string maps, sorting) took a median of "
                + "%d ms (min %d, max %d, %d rounds after %d to warm up; lower is faster)", ms[ms.length / 2], ms[0],
                ms[ms.length - 1], ms.length, WARM_UP);
    }

    private static long work() {
        SplittableRandom random = new SplittableRandom(42);
        long check = 0;
        try {
            for (int i = 0; i < 2_000; i++) {
                Map<String, Object> item = new HashMap<>();
                for (int f = 0; f < 12; f++) {
                    item.put("field" + f, "value-" + random.nextInt(1_000_000));
                }
                byte[] written = JSON.writeValueAsBytes(item);
                check += JSON.readTree(written).size();
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < 100_000; i++) {
            counts.merge("k" + random.nextInt(20_000), 1, Integer::sum);
        }
        long[] values = random.longs(200_000).toArray();
        Arrays.sort(values);
        return check + counts.size() + values[0];
    }
}
