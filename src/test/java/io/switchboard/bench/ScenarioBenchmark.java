package io.switchboard.bench;

import io.switchboard.store.ItemBytes;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.switchboard.document.WorkflowParser;
import io.switchboard.document.WorkflowSchema;
import io.switchboard.engine.RunTriggers;
import io.switchboard.inbox.InboxActions;
import io.switchboard.inbox.InboxActions.IncomingMessage;
import io.switchboard.engine.run.RunEngine;
import io.switchboard.engine.run.RunState;
import io.switchboard.engine.step.InboxPorts;
import io.switchboard.inbox.Agent;
import io.switchboard.inbox.Team;
import io.switchboard.config.Wiring;
import io.switchboard.engine.run.WakeUpCall;
import io.switchboard.engine.run.WakeUpScheduler;
import io.switchboard.function.WakeUpFunctions;
import io.switchboard.schedule.DueIndexScheduler;
import io.switchboard.schedule.SqsWakeUpQueue;
import io.switchboard.schedule.TwoStageWakeUps;
import io.switchboard.support.MotoServer;
import io.switchboard.schedule.DueTimerSweep;
import io.switchboard.store.DynamoCommentStore;
import io.switchboard.store.DynamoContactStore;
import io.switchboard.store.DynamoDirectoryStore;
import io.switchboard.store.DynamoMessageStore;
import io.switchboard.store.DynamoRunStore;
import io.switchboard.store.DynamoWorkflowStore;
import io.switchboard.store.RunBodies;
import io.switchboard.store.Table;
import io.switchboard.support.Workflows;
import java.io.File;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * The seed scenario at scale on DynamoDB Local, through the real stores, engine and sweep. Prints:
 * DynamoDB units per scenario run, completed runs per second, wake-up lateness with many waits due in
 * the same second, and process start to first handled webhook. Figures, not assertions: run with
 * {@code ./mvnw -B -Dbenchmark verify}; sizes via -Dbench.runs, -Dbench.waits, -Dbench.threads;
 * {@code -Dbench.unitsOnly=true} prints only the units per run and the requests of one run;
 * {@code -Dbench.scheduler=sqs} prints them for the AWS scheduler (waits held by SQS, on moto) instead;
 * {@code -Dbench.store=in-process} talks to DynamoDB Local through its in-process client (in memory, no
 * HTTP), as the local run does with {@code dynamodb-local.in-process=true}, instead of over HTTP.
 */
class ScenarioBenchmark {

    static final String WS = "bench";
    final int runs = Integer.getInteger("bench.runs", 1000);
    final int waits = Integer.getInteger("bench.waits", 10_000);
    final int threads = Integer.getInteger("bench.threads", 8);

    final BenchClock clock = new BenchClock();
    final CapacityMeter meter = new CapacityMeter();
    DynamoDbClient db;
    InboxActions inbox;
    DueTimerSweep sweep;
    ExecutorService pool;

    @Test
    void scenarioAtScale() throws Exception {
        BenchDynamoDb store = BenchDynamoDb.start(meter);
        try {
            wire(store.client);
            seed();
            System.out.println("\n==== Switchboard scenario benchmark (" + store.describe() + ", "
                    + Runtime.getRuntime().availableProcessors() + " cores, collector " + collectors()
                    + "; users' options use Serial: -DargLine=-XX:+UseSerialGC) ====");
            System.out.println(MachineSpeed.line());
            unitsPerRun();
            if (!Boolean.getBoolean("bench.unitsOnly") && queue == null) { // at scale, the sweep's figures only
                throughput();
                // the first drain also pays for compiling the wake-up path (JIT); a server that has run a
                // while has compiled it, so the drain is measured again, warm, and both are printed
                lateness("late-", Instant.parse("2026-03-01T00:00:00Z"), "cold: the first drain on this JVM");
                lateness("warm-", Instant.parse("2026-04-01T00:00:00Z"), "warm: the same again on this JVM");
                startToFirstEvent(store.port);
            }
        } finally {
            pool.shutdownNow();
            store.close();
            if (queue != null) {
                queue.close();
            }
        }
    }

    /** The garbage collector of this JVM, which also runs DynamoDB Local: its share is in every figure below. */
    static String collectors() {
        return String.join(" + ", java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(java.lang.management.GarbageCollectorMXBean::getName).toList());
    }

    void wire(DynamoDbClient client) {
        db = client;
        Table.createIfMissing(db, "switchboard");
        ObjectMapper json = new ObjectMapper().findAndRegisterModules()
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        var contacts = new DynamoContactStore(db, "switchboard");
        var comments = new DynamoCommentStore(db, "switchboard");
        // as Wiring builds it: the directory reads a process keeps for two seconds
        var directory = new io.switchboard.inbox.RecentDirectory(new DynamoDirectoryStore(db, "switchboard", json));
        var runStore = new DynamoRunStore(db, "switchboard", json, 4);
        var workflows = new DynamoWorkflowStore(db, "switchboard", json, new WorkflowParser(new WorkflowSchema()));
        // as switchboard.wake-up-writes: commit (the default), effects-first or claim (-Dbench.wakeUpWrites=...)
        RunEngine engine = BenchWakeUpWrites.applied(new RunEngine(workflows, runStore, scheduler(runStore),
                new InboxPorts(contacts, directory, comments), clock, RunEngine.DEFAULT_LEASE), db, runStore, contacts,
                comments);
        var messages = new DynamoMessageStore(db, "switchboard");
        inbox = new InboxActions(contacts, messages, new RunTriggers(engine), clock, (ws, channelId) -> java.util.Optional.empty(),
                new io.switchboard.store.DynamoArrivalReads(db, "switchboard"));
        pool = Executors.newFixedThreadPool(threads);
        sweep = new DueTimerSweep(runStore, engine, clock, 1000, pool);
        if (queue != null) {
            queue.functions = new WakeUpFunctions(engine, sweep, queue.scheduler, json, new Wiring.SweepPool(pool));
        }
        this.workflows = workflows;
        this.runStore = runStore;
        this.directory = directory;
        this.json = json;
    }

    /**
     * {@code -Dbench.scheduler=sqs}: the AWS scheduler (two stages, SQS holding waits of one to fifteen
     * minutes) against moto's SQS, and wake-ups delivered as the queue delivers them, in batches of ten to
     * the wake-up queue function. Otherwise the sweep alone, as locally and on Kubernetes.
     */
    static final class Queue implements AutoCloseable {
        final MotoServer moto = MotoServer.start();
        final List<String> held = new java.util.concurrent.CopyOnWriteArrayList<>();
        WakeUpScheduler scheduler;
        WakeUpFunctions functions;

        /** The bodies sent so far, delivered the way the event source mapping does (SQS keeps them delayed). */
        void deliverHeld() {
            List<String> bodies = List.copyOf(held);
            held.clear();
            for (int from = 0; from < bodies.size(); from += 10) {
                Map<String, String> batch = new java.util.LinkedHashMap<>();
                for (int i = from; i < Math.min(bodies.size(), from + 10); i++) {
                    batch.put("m-" + i, bodies.get(i));
                }
                List<String> again = functions.wakeUpQueued(batch);
                if (!again.isEmpty()) {
                    throw new IllegalStateException("queued wake-ups not done: " + again);
                }
            }
        }

        @Override
        public void close() {
            moto.close();
        }
    }

    Queue queue;

    WakeUpScheduler scheduler(DynamoRunStore runStore) {
        if (!"sqs".equals(System.getProperty("bench.scheduler"))) {
            return new DueIndexScheduler();
        }
        queue = new Queue();
        var sqs = queue.moto.sqs();
        String url = sqs.createQueue(b -> b.queueName("bench-wake-ups")).queueUrl();
        TwoStageWakeUps twoStages = new TwoStageWakeUps(runStore, new SqsWakeUpQueue(sqs, url, clock), clock);
        queue.scheduler = new WakeUpScheduler() {
            @Override
            public boolean hold(WakeUpCall call) {
                boolean held = twoStages.hold(call); // the real send to SQS; the benchmark keeps the body to deliver
                if (held) {
                    queue.held.add(SqsWakeUpQueue.body(call));
                }
                return held;
            }

            @Override
            public void arm(WakeUpCall call) {
                twoStages.arm(call);
            }

            @Override
            public int handOverUpcoming(Instant scheduledAt) {
                return twoStages.handOverUpcoming(scheduledAt);
            }
        };
        return queue.scheduler;
    }

    /** The wake-ups due now: the sweep's, and with {@code bench.scheduler=sqs} the ones SQS holds. */
    Map<?, Integer> wakeUpsDue() {
        if (queue != null) {
            queue.deliverHeld();
        }
        return sweep.sweep();
    }

    DynamoWorkflowStore workflows;
    DynamoRunStore runStore;
    io.switchboard.inbox.DirectoryStore directory;
    ObjectMapper json;

    void seed() throws Exception {
        for (String name : List.of("Alice", "Bob", "Carol", "Dave")) {
            directory.addAgent(WS, new Agent(name.toLowerCase(), name, null, true));
        }
        directory.addTeam(WS, new Team("support", "Support", List.of("alice", "bob", "carol", "dave")));
        workflows.saveDraft(WS, "prompt", json.readTree(Workflows.promptTransfer("alice", "support", "round_robin", "PT15M")),
                0, clock.instant());
        workflows.publish(WS, "prompt", clock.instant());
    }

    /** One scenario run: a contact opens a conversation, nobody replies, the wake-up reassigns. */
    void unitsPerRun() {
        int n = 200;
        clock.fix(Instant.parse("2026-01-01T00:00:00Z"));
        meter.reset();
        for (int i = 0; i < n; i++) {
            inbox.receive(WS, message("units-" + i));
        }
        double ingressW = meter.writes.sum() / n, ingressR = meter.reads.sum() / n, ingressReq = meter.requests.sum() / n;
        double ingressB = meter.billedWrites.sum() / n;
        meter.reset();
        clock.fix(Instant.parse("2026-01-01T00:16:00Z"));
        Map<?, Integer> swept = wakeUpsDue();
        double wakeW = meter.writes.sum() / n, wakeR = meter.reads.sum() / n, wakeReq = meter.requests.sum() / n;
        double wakeB = meter.billedWrites.sum() / n;
        System.out.printf("DynamoDB units per scenario run (n=%d, swept %s):%n", n, swept);
        System.out.printf("  webhook + trigger + assign + wait : %.2f WCU, %.2f RCU, %.1f requests%n", ingressW, ingressR, ingressReq);
        System.out.printf("  wake-up + branch + reassign + note: %.2f WCU, %.2f RCU, %.1f requests%n", wakeW, wakeR, wakeReq);
        System.out.printf("  total                             : %.2f WCU, %.2f RCU (targets: <= 8 WCU, <= 5 RCU)%n",
                ingressW + wakeW, ingressR + wakeR);
        System.out.printf("  WCU with transactions billed as AWS documents them (DynamoDB Local misreports them; "
                + "upper bound): %.2f + %.2f = %.2f%n", ingressB, wakeB, ingressB + wakeB);
        // one more run, traced: where the requests go
        clock.fix(Instant.parse("2026-01-01T01:00:00Z"));
        meter.trace.clear();
        meter.tracing = true;
        inbox.receive(WS, message("traced"));
        meter.trace.add("-- wake-up");
        clock.fix(Instant.parse("2026-01-01T01:16:00Z"));
        wakeUpsDue();
        meter.tracing = false;
        System.out.println("  the requests of one run:");
        meter.trace.forEach(line -> System.out.println("    " + line));
        itemSizes("traced");
    }

    /**
     * The sizes of the items a scenario run leaves, as DynamoDB bills them: whether one item could hold
     * another's data without its writes costing a second unit (one per KB).
     */
    void itemSizes(String contactId) {
        String pk = io.switchboard.store.Keys.contact(WS, contactId);
        var items = db.query(q -> q.tableName("switchboard").keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk)))).items();
        System.out.println("  the items of that run's contact partition (bytes as billed; a write costs 1 unit per KB):");
        for (var item : items) {
            System.out.printf("    %-28s %5d bytes; the largest attributes: %s%n", item.get("sk").s().replaceAll("#.*", "#..."),
                    ItemBytes.of(item), largestAttributes(item, 6));
            if (io.switchboard.store.RunBodies.isRun(item) || io.switchboard.store.RunBodies.keepsARun(item)) {
                historyFit(contactId, item);
            }
        }
    }

    /**
     * What the history costs per step record, and so how long a run stays within one write unit: the items
     * other than history stay the same size as a run goes on, the history grows by about this much a step.
     */
    void historyFit(String contactId, Map<String, AttributeValue> item) {
        int records = runStore.listByContact(WS, contactId).get(0).history().size();
        int history = io.switchboard.store.RunBodies.historyBytes(item);
        double perRecord = (double) history / records;
        System.out.printf("    the run's history: %d step records in %d bytes, %.0f bytes a record: a run like it stays"
                + " within one write unit (1 KB) up to about %d records%n", records, history, perRecord,
                (int) ((1024 - ItemBytes.of(item) + history) / perRecord));
    }

    /** "name N" for the item's {@code count} largest attributes, name and value as billed: what a smaller item would drop. */
    static String largestAttributes(Map<String, AttributeValue> item, int count) {
        return item.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), ItemBytes.of(Map.of(e.getKey(), e.getValue()))))
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(count).map(e -> e.getKey() + " " + e.getValue()).collect(java.util.stream.Collectors.joining(", "));
    }

    void throughput() throws Exception {
        clock.fix(Instant.parse("2026-02-01T00:00:00Z"));
        CpuSplit cpu = CpuSplit.start();
        long start = System.nanoTime();
        parallel("throughput: webhooks", runs, i -> inbox.receive(WS, message("tp-" + i)));
        long ingress = System.nanoTime() - start;
        clock.fix(Instant.parse("2026-02-01T00:16:00Z"));
        long wakeStart = System.nanoTime();
        sweep.sweep();
        long wake = System.nanoTime() - wakeStart;
        double seconds = (ingress + wake) / 1e9;
        System.out.printf("Throughput (%d scenario runs, %d threads): %.0f completed runs/s "
                + "(ingress %.1f s, wake-ups %.1f s)%n", runs, threads, runs / seconds, ingress / 1e9, wake / 1e9);
        System.out.println("  processor time per run: " + cpu.per(runs));
    }

    /** {@code waits} runs all due in the same second; the ticker sweeps every second as locally. */
    void lateness(String prefix, Instant created, String which) throws Exception {
        clock.fix(created);
        long t0 = System.nanoTime();
        parallel("lateness: waiting runs created", waits, i -> inbox.receive(WS, message(prefix + i)));
        System.out.printf("Wake-up lateness (%s): created %d waiting runs in %.1f s%n", which, waits,
                (System.nanoTime() - t0) / 1e9);
        Instant due = created.plus(Duration.ofMinutes(15));
        clock.followRealTimeFrom(due);
        var ticker = Executors.newSingleThreadScheduledExecutor();
        // the drain is counted from what the sweeps report, not by scanning the table while it drains: a
        // full scan every two seconds queued on DynamoDB Local's one SQLite thread ahead of the wake-ups
        AtomicInteger resumed = new AtomicInteger();
        ticker.scheduleWithFixedDelay(() -> resumed.addAndGet(
                sweep.sweep().getOrDefault(io.switchboard.engine.run.WakeUpResult.RESUMED, 0)), 0, 1, TimeUnit.SECONDS);
        meter.reset();
        CpuSplit cpu = CpuSplit.start();
        long sweepStart = System.nanoTime();
        long giveUp = System.nanoTime() + TimeUnit.MINUTES.toNanos(20);
        Progress drained = new Progress("lateness: wake-ups drained", waits);
        while (resumed.get() < waits) {
            drained.at(resumed.get());
            if (System.nanoTime() > giveUp) {
                throw new IllegalStateException("wake-ups did not drain within 20 minutes");
            }
            Thread.sleep(50);
        }
        double drainSeconds = (System.nanoTime() - sweepStart) / 1e9;
        ticker.shutdownNow();
        ticker.awaitTermination(1, TimeUnit.MINUTES);
        System.out.println("  store requests while draining (mean time each): " + meter.latencies());
        System.out.println("  processor time per wake-up: " + cpu.per(waits));
        Histogram h = new Histogram(3_600_000L, 3);
        int woke = countLateness(prefix, h);
        if (woke != waits) {
            throw new IllegalStateException("the sweeps reported " + resumed.get() + " resumed, the table holds " + woke);
        }
        System.out.printf("  %d wake-ups drained in %.1f s: lateness p50 %d ms, p95 %d ms, p99 %d ms, max %d ms (target p99 <= 2500 ms, issue 10)%n",
                waits, drainSeconds, h.getValueAtPercentile(50), h.getValueAtPercentile(95),
                h.getValueAtPercentile(99), h.getMaxValue());
    }

    /** Counts the runs of this phase that woke up; with a histogram, records each one's lateness. */
    int countLateness(String prefix, Histogram h) throws Exception {
        int woke = 0;
        Map<String, AttributeValue> start = null;
        do {
            var page = db.scan(ScanRequest.builder().tableName("switchboard").exclusiveStartKey(start)
                    .filterExpression("contains(pk, :p) AND " + RunBodies.HOLDS_A_RUN)
                    .expressionAttributeNames(RunBodies.NAMES)
                    .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("#CONTACT#" + prefix),
                            ":run", AttributeValue.fromS("RUN#")))
                    .projectionExpression(RunBodies.STATE_ATTRIBUTES).build());
            for (var item : page.items()) {
                if (RunBodies.state(item) != RunState.COMPLETED) {
                    continue;
                }
                woke++;
                if (h != null) {
                    // the scan read the body: its history is here, no read of the run again
                    RunBodies.history(item).stream().filter(r -> "wake_up".equals(r.stepType())).forEach(r ->
                            h.recordValue(Duration.parse(r.details().get("lateness")).toMillis()));
                }
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return woke;
    }

    /** Starts the packaged service and times it to the first webhook it answers. */
    void startToFirstEvent(int dynamoPort) throws Exception {
        File jar = new File("target/quarkus-app/quarkus-run.jar");
        if (!jar.exists()) {
            System.out.println("Start time: target/quarkus-app/quarkus-run.jar missing; run the benchmark with verify");
            return;
        }
        int port = freePort();
        String body = "{\"contact\":{\"id\":\"first\",\"name\":\"First\"},\"message\":{\"id\":\"m-1\",\"text\":\"hi\","
                + "\"time\":\"2026-11-24T10:00:00Z\"}}";
        long start = System.nanoTime();
        Process p = new ProcessBuilder(System.getProperty("java.home") + "/bin/java",
                "-Dquarkus.http.port=" + port, "-Dswitchboard.demo=true", "-Dswitchboard.create-table=true",
                "-Dquarkus.dynamodb.endpoint-override=http://127.0.0.1:" + dynamoPort,
                "-Dquarkus.dynamodb.aws.credentials.type=static",
                "-Dquarkus.dynamodb.aws.credentials.static-provider.access-key-id=bench",
                "-Dquarkus.dynamodb.aws.credentials.static-provider.secret-access-key=bench",
                "-jar", jar.getPath()).redirectErrorStream(true).redirectOutput(new File("target/bench-start.log")).start();
        try {
            String signature = hmac("demo-channel-secret", body);
            while (true) {
                if (!p.isAlive()) {
                    System.out.println("Start time: the service exited; see target/bench-start.log");
                    return;
                }
                try {
                    HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port
                            + "/webhooks/custom/demo-channel").toURL().openConnection();
                    c.setRequestMethod("POST");
                    c.setDoOutput(true);
                    c.setRequestProperty("Content-Type", "application/json");
                    c.setRequestProperty("X-Switchboard-Signature", "sha256=" + signature);
                    c.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
                    if (c.getResponseCode() == 200) {
                        break;
                    }
                } catch (java.io.IOException notUpYet) {
                    Thread.sleep(20);
                }
            }
            System.out.printf("Process start to first handled webhook: %d ms (JVM, packaged fast-jar)%n",
                    (System.nanoTime() - start) / 1_000_000);
        } finally {
            p.destroy();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    IncomingMessage message(String contact) {
        return new IncomingMessage("web", "m-1", contact, "Contact " + contact, "Hello", clock.instant());
    }

    interface Task {
        void run(int i) throws Exception;
    }

    void parallel(String what, int n, Task task) throws Exception {
        Progress progress = new Progress(what, n);
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                    task.run(i);
                    progress.step();
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
    }

    static String hmac(String secret, String body) throws Exception {
        var mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return java.util.HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Fixed while runs are created; then real time, shifted so that "now" starts at the due instant. */
    static final class BenchClock extends Clock {
        private final AtomicReference<Instant> fixed = new AtomicReference<>(Instant.now());
        private volatile Duration offset;

        void fix(Instant at) {
            fixed.set(at);
        }

        void followRealTimeFrom(Instant at) {
            offset = Duration.between(Instant.now(), at);
            fixed.set(null);
        }

        @Override
        public Instant instant() {
            Instant f = fixed.get();
            return f != null ? f : Instant.now().plus(offset);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
