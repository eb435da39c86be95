package io.switchboard.bench;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where this JVM's processor time went between two points: the benchmark's engine threads, DynamoDB
 * Local's HTTP threads and its one SQLite thread, and the rest (JIT compiler, GC: the process total less
 * the named threads). On a machine shared with other builds the wall time of a phase varies with their
 * load; the processor time per wake-up does much less, so it says what a quiet machine would do.
 */
final class CpuSplit {

    private final Map<String, Long> startByGroup;
    private final long processStart;

    private CpuSplit(Map<String, Long> startByGroup, long processStart) {
        this.startByGroup = startByGroup;
        this.processStart = processStart;
    }

    static CpuSplit start() {
        return new CpuSplit(byGroup(), processNanos());
    }

    /** "process 12.3 ms: engine 4.1, DynamoDB Local HTTP 3.2, SQLite 2.0, other 3.0" per {@code per} items. */
    String per(int per) {
        Map<String, Long> now = byGroup();
        long process = processNanos() - processStart;
        StringBuilder b = new StringBuilder(String.format("process %.1f ms", process / 1e6 / per));
        long named = 0;
        for (var e : now.entrySet()) {
            long used = e.getValue() - startByGroup.getOrDefault(e.getKey(), 0L);
            named += used;
            b.append(String.format(", %s %.1f", e.getKey(), used / 1e6 / per));
        }
        return b.append(String.format(", other (JIT, GC) %.1f", (process - named) / 1e6 / per)).toString();
    }

    private static Map<String, Long> byGroup() {
        var threads = ManagementFactory.getThreadMXBean();
        Map<String, Long> groups = new LinkedHashMap<>();
        for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long cpu = threads.getThreadCpuTime(info.getThreadId());
            if (cpu > 0) {
                groups.merge(group(info.getThreadName()), cpu, Long::sum);
            }
        }
        return groups;
    }

    private static String group(String thread) {
        if (thread.startsWith("qtp")) return "DynamoDB Local HTTP";
        if (thread.startsWith("SQLiteQueue")) return "DynamoDB Local SQLite";
        if (thread.startsWith("pool-")) return "engine and sweep";
        return "benchmark and JVM threads";
    }

    private static long processNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
