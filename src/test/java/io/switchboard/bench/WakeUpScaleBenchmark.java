package io.switchboard.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.switchboard.document.WorkflowParser;
import io.switchboard.document.WorkflowSchema;
import io.switchboard.engine.RunTriggers;
import io.switchboard.inbox.InboxActions;
import io.switchboard.inbox.InboxActions.IncomingMessage;
import io.switchboard.engine.run.RunEngine;
import io.switchboard.engine.run.WakeUpCall;
import io.switchboard.engine.run.WakeUpResult;
import io.switchboard.engine.step.InboxPorts;
import io.switchboard.inbox.Agent;
import io.switchboard.inbox.Team;
import io.switchboard.schedule.DueIndexScheduler;
import io.switchboard.schedule.DueTimerSweep;
import io.switchboard.schedule.SqsWakeUpQueue;
import io.switchboard.schedule.TwoStageWakeUps;
import io.switchboard.store.DynamoCommentStore;
import io.switchboard.store.DynamoContactStore;
import io.switchboard.store.DynamoDirectoryStore;
import io.switchboard.store.DynamoMessageStore;
import io.switchboard.store.DynamoRunStore;
import io.switchboard.store.DynamoWorkflowStore;
import io.switchboard.store.Table;
import io.switchboard.support.Workflows;
import io.switchboard.store.Keys;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Wake-ups at scale (issue 13). Prints: (1) the lateness distribution the AWS two-stage design gives,
 * simulated (the sweep starting anywhere in its minute, SQS's whole-second delay, the event source
 * mapping's pickup, the function's start), beside the one-time EventBridge schedule it replaces;
 * (2) what finding 1,000 due wake-ups costs among 1,000 and among 1,000,000 pending, on DynamoDB
 * Local; (3) a burst of simultaneous expiries drained by several sweeping processes over the due
 * index's shards, with no wake-up delivered twice, and the drain rate against the store's ceiling
 * measured on the same machine. Figures, not assertions:
 * {@code ./mvnw -B -Dbenchmark -Dit.test=WakeUpScaleBenchmark verify}; sizes via -Dbench.pending,
 * -Dbench.burst, -Dbench.sweepers, -Dbench.threads.
 */
class WakeUpScaleBenchmark {

    static final String WS = "bench";
    final int pending = Integer.getInteger("bench.pending", 1_000_000);
    final int burst = Integer.getInteger("bench.burst", 10_000);
    final int sweepers = Integer.getInteger("bench.sweepers", 4);
    final int threads = Integer.getInteger("bench.threads", 8);
    final int shards = 8;

    final ScenarioBenchmark.BenchClock clock = new ScenarioBenchmark.BenchClock();
    final CapacityMeter meter = new CapacityMeter();
    DynamoDbClient db;
    ObjectMapper json;
    ExecutorService pool;

    @Test
    void wakeUpsAtScale() throws Exception {
        System.out.println("\n==== Switchboard wake-up scale benchmark (" + Runtime.getRuntime().availableProcessors()
                + " cores) ====");
        System.out.println(MachineSpeed.line());
        simulatedAwsLateness();
        BenchDynamoDb store = BenchDynamoDb.start(meter);
        System.out.println("store: " + store.describe());
        pool = Executors.newFixedThreadPool(threads);
        try {
            db = store.client;
            Table.createIfMissing(db, "switchboard");
            json = new ObjectMapper().findAndRegisterModules().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
            findingDueAmongPending();
            burstDrainedBySeveralSweepers();
        } finally {
            pool.shutdownNow();
            store.close();
        }
    }

    // --- (1) ------------------------------------------------------------------------------------

    /**
     * Monte Carlo over one million wake-ups with due times spread evenly over time. The assumptions
     * are printed with the figures; the delay itself is computed by the production code
     * ({@link TwoStageWakeUps#slotStart}, {@link SqsWakeUpQueue#delaySeconds}).
     */
    void simulatedAwsLateness() {
        int n = 1_000_000;
        long sweepWorkMs = 300;      // query the slot and send it, before a given message is on the queue
        double sweepLost = 0.001;    // a sweep invocation that fails (not retried: the next due pass catches it)
        long pickupMinMs = 20, pickupMaxMs = 300, pickupTailMaxMs = 1_000;
        double pickupTail = 0.05;    // share of messages a poller picks up in the slow range
        long handleMs = 60;          // a warm wake-up: 9 DynamoDB requests at about 6 ms, plus the invocation
        // share of deliveries that start a new execution environment (steady traffic; a burst makes more)
        double coldShare = Double.parseDouble(System.getProperty("bench.coldShare", "0.005"));
        // Quarkus 3 on Java 21 with SnapStart and a primed DynamoDB client: p50 1,017 ms, p90 2,013 ms
        // (shared/reference/runtime-and-cost.md, section 6)
        long coldMinMs = 1_000, coldMaxMs = 2_000;
        SplittableRandom random = new SplittableRandom(13);
        Histogram twoStage = new Histogram(3_600_000L, 3);
        Histogram oneTimeSchedule = new Histogram(3_600_000L, 3);
        Histogram held = new Histogram(3_600_000L, 3);
        Instant epoch = Instant.parse("2026-12-01T00:00:00Z");
        for (int i = 0; i < n; i++) {
            Instant due = epoch.plusMillis(random.nextLong(86_400_000L));
            // the sweep whose slot holds the due time was scheduled two minutes before the slot's end
            Instant scheduled = due.minus(TwoStageWakeUps.LEAD).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
            if (TwoStageWakeUps.slotStart(scheduled).isAfter(due)) {
                scheduled = scheduled.minus(Duration.ofMinutes(1));
            }
            Instant sent = scheduled.plusMillis(random.nextLong(60_000) + sweepWorkMs);
            Instant visible;
            if (random.nextDouble() < sweepLost) {
                // the next minute's due pass resumes it, up to a minute after its start
                visible = scheduled.plus(Duration.ofMinutes(2)).plusMillis(random.nextLong(60_000) + sweepWorkMs);
            } else {
                visible = sent.plusSeconds(SqsWakeUpQueue.delaySeconds(due, sent));
            }
            long pickup = random.nextDouble() < pickupTail ? random.nextLong(pickupMaxMs, pickupTailMaxMs)
                    : random.nextLong(pickupMinMs, pickupMaxMs);
            long start = random.nextDouble() < coldShare ? random.nextLong(coldMinMs, coldMaxMs) : 0;
            long lateness = Math.max(0, Duration.between(due, visible).toMillis()) + pickup + start + handleMs;
            twoStage.recordValue(lateness);
            // a wait of one to fifteen minutes: sent when it starts (TwoStageWakeUps.hold), no sweep in between
            Instant armed = due.minusMillis(random.nextLong(60_000, 900_001));
            Instant heldVisible = armed.plusSeconds(SqsWakeUpQueue.delaySeconds(due, armed));
            held.recordValue(Math.max(0, Duration.between(due, heldVisible).toMillis()) + pickup + start + handleMs);
            // before: at(...) in whole seconds, delivered anywhere inside its minute (as the issue records it)
            long roundUp = 1000 - due.toEpochMilli() % 1000;
            oneTimeSchedule.recordValue(roundUp + random.nextLong(60_000) + start + handleMs);
        }
        System.out.printf("Simulated AWS wake-up lateness (%,d wake-ups, due times spread evenly):%n", n);
        print("  before: one-time EventBridge schedule", oneTimeSchedule);
        print("  after:  sweep hands the minute after next to SQS (DelaySeconds)", twoStage);
        print("  waits of 1-15 minutes: held by SQS from the start (DelaySeconds)", held);
        System.out.printf("  assumptions: sweep starts uniformly in its minute + %d ms of work; %.1f%% of sweeps fail; "
                + "SQS pickup %d-%d ms (%.0f%% %d-%d ms); %d ms warm handling; %.1f%% cold starts of %d-%d ms "
                + "(target p99 <= 2000 ms)%n", sweepWorkMs, sweepLost * 100, pickupMinMs, pickupMaxMs, pickupTail * 100,
                pickupMaxMs, pickupTailMaxMs, handleMs, coldShare * 100, coldMinMs, coldMaxMs);
    }

    private static void print(String what, Histogram h) {
        System.out.printf("%s: p50 %d ms, p95 %d ms, p99 %d ms, p99.9 %d ms, max %d ms%n", what,
                h.getValueAtPercentile(50), h.getValueAtPercentile(95), h.getValueAtPercentile(99),
                h.getValueAtPercentile(99.9), h.getMaxValue());
    }

    // --- (2) ------------------------------------------------------------------------------------

    /** 1,000 due entries, then 1,000 and then 1,000,000 pending ones (due tomorrow) beside them. */
    void findingDueAmongPending() throws Exception {
        // a table of its own: these are index entries only, not runs the engine could resume
        Table.createIfMissing(db, "pending");
        var runs = new DynamoRunStore(db, "pending", json, 4);
        Instant now = Instant.parse("2026-12-01T10:00:00Z");
        int due = 1000;
        seedIndexEntries("due", due, now.minusSeconds(30), 30_000);
        seedIndexEntries("pending", 1000, now.plus(Duration.ofDays(1)), 86_400_000);
        String small = measureFind(runs, now, due);
        long t0 = System.nanoTime();
        seedIndexEntries("pending-more", pending - 1000, now.plus(Duration.ofDays(1)), 86_400_000);
        double seeded = (System.nanoTime() - t0) / 1e9;
        String large = measureFind(runs, now, due);
        System.out.printf("Finding %,d due wake-ups (the sweep's due-index query, 4 shards):%n", due);
        System.out.printf("  among %,9d pending: %s%n", 1000, small);
        System.out.printf("  among %,9d pending: %s (pending entries seeded in %.0f s)%n", pending, large, seeded);
    }

    /** Median of five runs of the query, and what one run reads. */
    private String measureFind(DynamoRunStore runs, Instant now, int expected) {
        long[] times = new long[5];
        double rcu = 0, requests = 0;
        for (int i = 0; i < times.length; i++) {
            meter.reset();
            long t = System.nanoTime();
            List<WakeUpCall> found = runs.due(now, expected);
            times[i] = System.nanoTime() - t;
            if (found.size() != expected) {
                throw new IllegalStateException("found " + found.size() + " due, expected " + expected);
            }
            rcu = meter.reads.sum();
            requests = meter.requests.sum();
        }
        java.util.Arrays.sort(times);
        return String.format("%.1f ms, %.1f RCU, %.0f requests", times[2] / 1e6, rcu, requests);
    }

    /**
     * Items with the key and due-index attributes a waiting run carries (only the index is read
     * here), written 25 at a time by the benchmark's threads.
     */
    private void seedIndexEntries(String prefix, int count, Instant from, long spreadMillis) throws Exception {
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                SplittableRandom random = new SplittableRandom(prefix.hashCode() + Thread.currentThread().getId());
                for (int start = next.getAndAdd(25); start < count; start = next.getAndAdd(25)) {
                    List<WriteRequest> batch = new ArrayList<>();
                    for (int i = start; i < Math.min(count, start + 25); i++) {
                        String runId = prefix + "-" + i;
                        long due = from.toEpochMilli() + random.nextLong(spreadMillis);
                        Map<String, AttributeValue> item = new HashMap<>();
                        item.put("pk", AttributeValue.fromS(Keys.contact(WS, prefix + "-" + i)));
                        item.put("sk", AttributeValue.fromS("RUN#" + runId));
                        item.put("status", AttributeValue.fromS("WAITING"));
                        item.put("wakeToken", AttributeValue.fromS("t-" + i));
                        item.put("dueShard", AttributeValue.fromS("DUE#" + Math.floorMod(runId.hashCode(), 4)));
                        item.put("dueKey", AttributeValue.fromS(String.format("%015d#%s", due, runId)));
                        batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
                    }
                    var unprocessed = db.batchWriteItem(b -> b.requestItems(Map.of("pending", batch))).unprocessedItems();
                    while (!unprocessed.isEmpty()) {
                        var again = unprocessed;
                        unprocessed = db.batchWriteItem(b -> b.requestItems(again)).unprocessedItems();
                    }
                }
                return null;
            }));
        }
        for (Future<?> w : workers) {
            w.get();
        }
    }

    // --- (3) ------------------------------------------------------------------------------------

    /**
     * {@code burst} prompt-transfer runs all due in the same second, drained by {@code sweepers}
     * sweeping processes (each its own sweep, engine threads and share of the {@value #shards}
     * shards; here in one JVM, against one DynamoDB Local).
     */
    void burstDrainedBySeveralSweepers() throws Exception {
        var runs = new DynamoRunStore(db, "switchboard", json, shards);
        var contacts = new DynamoContactStore(db, "switchboard");
        // as Wiring builds it: the directory reads a process keeps for two seconds
        var directory = new io.switchboard.inbox.RecentDirectory(new DynamoDirectoryStore(db, "switchboard", json));
        var workflows = new DynamoWorkflowStore(db, "switchboard", json, new WorkflowParser(new WorkflowSchema()));
        var comments = new DynamoCommentStore(db, "switchboard");
        RunEngine engine = BenchWakeUpWrites.applied(new RunEngine(workflows, runs, new DueIndexScheduler(),
                new InboxPorts(contacts, directory, comments), clock, RunEngine.DEFAULT_LEASE), db, runs, contacts,
                comments);
        InboxActions inbox = new InboxActions(contacts, new DynamoMessageStore(db, "switchboard"), new RunTriggers(engine), clock);
        String ws = "burst";
        directory.addAgent(ws, new Agent("alice", "Alice", null, true));
        directory.addAgent(ws, new Agent("bob", "Bob", null, true));
        directory.addAgent(ws, new Agent("carol", "Carol", null, true));
        directory.addTeam(ws, new Team("support", "Support", List.of("alice", "bob", "carol")));
        Instant created = Instant.parse("2026-12-02T00:00:00Z");
        clock.fix(created);
        workflows.saveDraft(ws, "prompt", json.readTree(Workflows.promptTransfer("alice", "support", "round_robin", "PT15M")),
                0, created);
        workflows.publish(ws, "prompt", created);
        long t0 = System.nanoTime();
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> creating = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            creating.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < burst; i = next.getAndIncrement()) {
                    inbox.receive(ws, new IncomingMessage("web", "m-1", "b-" + i, "Contact " + i, "Hello", created));
                }
                return null;
            }));
        }
        for (Future<?> f : creating) {
            f.get();
        }
        System.out.printf("Burst: %,d runs waiting, all due at the same second (created in %.0f s)%n", burst,
                (System.nanoTime() - t0) / 1e9);

        double ceiling = storeCeiling();
        clock.fix(created.plus(Duration.ofMinutes(15)).plusSeconds(1));
        meter.reset();
        Map<WakeUpResult, AtomicInteger> outcome = new ConcurrentHashMap<>();
        List<ExecutorService> processes = new ArrayList<>();
        List<Future<?>> sweeping = new ArrayList<>();
        ExecutorService drivers = Executors.newFixedThreadPool(sweepers);
        long drainStart = System.nanoTime();
        for (int p = 0; p < sweepers; p++) {
            List<Integer> owned = new ArrayList<>();
            for (int s = p; s < shards; s += sweepers) {
                owned.add(s);
            }
            ExecutorService engineThreads = Executors.newFixedThreadPool(Math.max(1, threads / sweepers));
            processes.add(engineThreads);
            var sweep = new DueTimerSweep(runs, engine, clock, 1000, engineThreads, owned);
            sweeping.add(drivers.submit(() -> {
                // each process sweeps until its shards hold nothing due, as its one-second ticker would
                while (true) {
                    Map<WakeUpResult, Integer> r = sweep.sweep();
                    r.forEach((k, v) -> outcome.computeIfAbsent(k, x -> new AtomicInteger()).addAndGet(v));
                    if (r.getOrDefault(WakeUpResult.RESUMED, 0) == 0) {
                        return null;
                    }
                }
            }));
        }
        for (Future<?> f : sweeping) {
            f.get();
        }
        double drained = (System.nanoTime() - drainStart) / 1e9;
        double requestsPerWakeUp = meter.requests.sum() / burst;
        String latencies = meter.latencies();
        drivers.shutdownNow();
        processes.forEach(ExecutorService::shutdownNow);

        Map<WakeUpResult, Integer> totals = new EnumMap<>(WakeUpResult.class);
        outcome.forEach((k, v) -> totals.put(k, v.get()));
        long[] wakeUps = deliveredWakeUps(ws);
        double rate = burst / drained;
        System.out.printf("  drained by %d sweeping processes over %d shards (%d engine threads in all) in %.1f s: "
                + "%.0f wake-ups/s; sweeps reported %s%n", sweepers, shards, Math.max(1, threads / sweepers) * sweepers,
                drained, rate, totals);
        System.out.printf("  runs woken: %,d of %,d; runs with a wake-up recorded twice: %d; runs reassigned twice: %d%n",
                wakeUps[0], burst, wakeUps[1], wakeUps[2]);
        System.out.printf("  store ceiling on this machine: %.0f requests/s (%d threads of run-item reads and "
                + "conditional writes); the drain used %.1f requests per wake-up = %.0f requests/s = %.0f%% of it%n",
                ceiling, threads, requestsPerWakeUp, rate * requestsPerWakeUp, 100 * rate * requestsPerWakeUp / ceiling);
        System.out.println("  store requests while draining (mean time each): " + latencies);
        if (!"commit".equals(BenchWakeUpWrites.chosen())) {
            // effects-first and claim write plain requests only: the ceiling above is the one they meet
            System.out.println("  the wake-up writes no transaction (" + BenchWakeUpWrites.chosen()
                    + "): the plain-request ceiling above is its bound");
            return;
        }
        double transactions = transactionCeiling();
        System.out.printf("  store ceiling for the wake-up's own write (a TransactWriteItems of a run put, a contact update "
                + "and a comment put, %d threads): %.0f/s; the drain's %.0f wake-ups/s are %.0f%% of it%n",
                threads, transactions, rate, 100 * rate / transactions);
    }

    /**
     * What this DynamoDB Local answers at most for the write a wake-up makes: the benchmark's threads each
     * committing a three-item transaction (its own run item at its version, a contact item, a new comment
     * item) for five seconds, after as long again to warm it up.
     */
    /** A burst run as a run item: its own, or the one its contact's item keeps (a conversation's first run). */
    private Map<String, AttributeValue> sampleRun() {
        return db.query(b -> b.tableName("switchboard").keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.contact("burst", "b-0"))))).items()
                .stream().map(io.switchboard.store.RunBodies::asRunItem).filter(java.util.Objects::nonNull).findFirst()
                .orElseThrow();
    }

    private double transactionCeiling() throws Exception {
        transactions(2);
        return transactions(5);
    }

    private double transactions(int seconds) throws Exception {
        Map<String, AttributeValue> sample = sampleRun();
        String round = Long.toString(System.nanoTime());
        return StoreCeiling.roundsPerSecond(threads, seconds, (thread, version) -> {
            String pk = Keys.contact("ceiling", "tx-" + round + "-" + thread);
            var run = new HashMap<>(sample);
            run.put("pk", AttributeValue.fromS(pk));
            run.remove("dueShard");
            run.remove("dueKey");
            run.put("version", AttributeValue.fromN(Long.toString(version + 1)));
            var runPut = software.amazon.awssdk.services.dynamodb.model.Put.builder().tableName("switchboard")
                    .item(run).conditionExpression("attribute_not_exists(version) OR version = :v")
                    .expressionAttributeValues(Map.of(":v", AttributeValue.fromN(Long.toString(version)))).build();
            var contact = software.amazon.awssdk.services.dynamodb.model.Update.builder().tableName("switchboard")
                    .key(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS("CONTACT")))
                    .updateExpression("SET assigneeId = :a, assignKey = :k")
                    .expressionAttributeValues(Map.of(":a", AttributeValue.fromS("agent-" + (version % 3)),
                            ":k", AttributeValue.fromS("k-" + version))).build();
            var comment = software.amazon.awssdk.services.dynamodb.model.Put.builder().tableName("switchboard")
                    .item(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS("CMT#c#" + version),
                            "text", AttributeValue.fromS("Reassigned from Alice to Bob")))
                    .conditionExpression("attribute_not_exists(pk)").build();
            db.transactWriteItems(b -> b.transactItems(
                    software.amazon.awssdk.services.dynamodb.model.TransactWriteItem.builder().put(runPut).build(),
                    software.amazon.awssdk.services.dynamodb.model.TransactWriteItem.builder().update(contact).build(),
                    software.amazon.awssdk.services.dynamodb.model.TransactWriteItem.builder().put(comment).build()));
        });
    }

    /**
     * What this DynamoDB Local answers at most: the benchmark's threads each reading a run item and
     * writing it back under a version condition, as a wake-up does, for five seconds.
     */
    private double storeCeiling() throws Exception {
        Map<String, AttributeValue> sample = sampleRun();
        // two requests a round: the run item read, then written back at its version
        return 2 * StoreCeiling.roundsPerSecond(threads, 5, (thread, version) -> {
            var item = new HashMap<>(sample);
            item.put("sk", AttributeValue.fromS("RUN#ceiling-" + thread));
            item.remove("dueShard");
            item.remove("dueKey");
            db.getItem(b -> b.tableName("switchboard").consistentRead(true)
                    .key(Map.of("pk", item.get("pk"), "sk", item.get("sk"))));
            item.put("version", AttributeValue.fromN(Long.toString(version + 1)));
            db.putItem(b -> b.tableName("switchboard").item(item)
                    .conditionExpression("attribute_not_exists(version) OR version = :v")
                    .expressionAttributeValues(Map.of(":v", AttributeValue.fromN(Long.toString(version)))));
        });
    }

    /** Runs woken, runs whose history shows two wake-ups, runs whose history shows two reassignments. */
    private long[] deliveredWakeUps(String ws) throws Exception {
        var runs = new DynamoRunStore(db, "switchboard", json, shards);
        long woke = 0, twice = 0, reassignedTwice = 0;
        Map<String, AttributeValue> start = null;
        do {
            var page = db.scan(ScanRequest.builder().tableName("switchboard").exclusiveStartKey(start)
                    .filterExpression("begins_with(pk, :p) AND " + io.switchboard.store.RunBodies.HOLDS_A_RUN)
                    .expressionAttributeNames(Map.of("#kr", "kr"))
                    .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(Keys.contact(ws, "b-")),
                            ":run", AttributeValue.fromS("RUN#")))
                    .projectionExpression("pk, sk, #kr.i, #kr.b").build());
            for (var item : page.items()) {
                String pk = item.get("pk").s();
                var run = runs.find(ws, pk.substring(pk.indexOf("#CONTACT#") + 9),
                        io.switchboard.store.RunBodies.runId(item)).orElseThrow();
                long wakes = run.history().stream().filter(r -> "wake_up".equals(r.stepType())).count();
                long assigns = run.history().stream().filter(r -> "assign_to".equals(r.stepType())).count();
                woke += wakes > 0 ? 1 : 0;
                twice += wakes > 1 ? 1 : 0;
                reassignedTwice += assigns > 2 ? 1 : 0;
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return new long[] {woke, twice, reassignedTwice};
    }
}
