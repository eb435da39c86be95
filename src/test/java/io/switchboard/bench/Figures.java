package io.switchboard.bench;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;

/** One size's headline figures under one way of reaching the store, for the side-by-side table. */
record Figures(String store, int n, double runsPerSecond, Histogram claim, HttpScenarioBenchmark.Cost cost, long heapPeakMb,
        long rssMb, double ceiling, double drainPercentOfCeiling, int violations) {

    static void printSideBySide(List<Figures> all) {
        System.out.printf("%n==== Side by side: the ways of reaching DynamoDB Local ====%n");
        System.out.printf("%-17s %7s %7s %28s %9s %6s %6s %9s %8s %10s %8s %5s%n", "store", "N", "runs/s",
                "lateness p50/p95/p99/max ms", "req/run", "WCU", "RCU", "heap MB", "RSS MB", "ceiling/s", "drain %",
                "viol");
        Map<Integer, List<Figures>> bySize = all.stream().collect(Collectors.groupingBy(Figures::n, TreeMap::new,
                Collectors.toList()));
        bySize.values().forEach(rows -> rows.forEach(f -> System.out.printf(
                "%-17s %,7d %7.0f %28s %9.1f %6.2f %6.2f %9d %8d %10.0f %8.0f %5d%n", f.store, f.n, f.runsPerSecond,
                f.claim.getValueAtPercentile(50) + "/" + f.claim.getValueAtPercentile(95) + "/"
                        + f.claim.getValueAtPercentile(99) + "/" + f.claim.getMaxValue(),
                f.cost.requests(), f.cost.wcu(), f.cost.rcu(), f.heapPeakMb, f.rssMb, f.ceiling, f.drainPercentOfCeiling,
                f.violations)));
        System.out.println("(lateness: due to claimed; RSS in-process includes the store, over HTTP the store is in the"
                + " benchmark's JVM; ceiling: conditional UpdateItem/s reached the way the application reaches the store)");
    }
}
