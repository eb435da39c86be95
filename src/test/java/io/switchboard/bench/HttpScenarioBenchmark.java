package io.switchboard.bench;

import io.switchboard.store.ItemBytes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.bench.PackagedApplication.Launch;
import io.switchboard.support.Workflows;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/**
 * The headline scenario as users run it: the packaged application, started as a process against
 * DynamoDB Local, driven through its HTTP webhook in real time (no injected clock). For each size N:
 * N conversations opened through the custom channel, a 5 s wait, half answered by the first agent 1 s
 * after opening, the rest reassigned round robin to a team of 5 with one agent offline. Prints
 * completed runs/s (excluding the wait), wake-up lateness, DynamoDB units and requests per run, the
 * store's own ceiling, peak RSS and heap in use, and start-up to the first handled webhook; fails
 * (so the command exits non-zero) on any correctness violation. {@code -Dbench.store=http,in-process}
 * measures it all once per way of reaching DynamoDB Local ({@link BenchStore}: over HTTP, or inside the
 * application's process) and prints the figures side by side at the end.
 *
 * <pre>./mvnw -B -Dbenchmark -Dit.test=HttpScenarioBenchmark verify   # -Dbench.conversations=1000,5000 -Dbench.clients=16 -Dbench.store=http,in-process</pre>
 */
class HttpScenarioBenchmark {

    static final String TABLE = "switchboard";
    static final String WORKFLOW = "prompt";
    static final List<String> TEAM = List.of("alice", "bob", "carol", "dave", "erin");
    static final String FIRST = "alice";
    static final String OFFLINE = "erin";
    static final Duration WAIT = Duration.ofSeconds(5);
    static final Duration REPLY_AFTER = Duration.ofSeconds(1);

    final int[] sizes = Arrays.stream(System.getProperty("bench.conversations", "1000,5000").split(","))
            .map(String::trim).mapToInt(Integer::parseInt).toArray();
    final int clients = Integer.getInteger("bench.clients", 16);
    final int starts = Integer.getInteger("bench.starts", 3);
    final List<String> appJvmArgs = jvmArgs(System.getProperty("bench.appJvmArgs", ""));
    final List<String> stores = Arrays.stream(System.getProperty("bench.store", "http").split(",")).map(String::trim)
            .toList();

    final ObjectMapper json = new ObjectMapper();
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    final List<String> violations = new ArrayList<>();
    final List<Figures> figures = new ArrayList<>();
    BenchStore store;

    @Test
    void packagedApplicationOverHttp() throws Exception {
        System.out.println(MachineSpeed.line());
        for (String name : stores) {
            try (BenchStore s = BenchStore.start(name)) {
                store = s;
                System.out.printf("%n==== Switchboard over HTTP: the packaged application, real time, DynamoDB Local %s "
                        + "(%d cores, load %s) ====%n", s.name.equals("http") ? "over HTTP" : s.name,
                        Runtime.getRuntime().availableProcessors(), loadAverage());
                Launch scenarioLaunch = PackagedApplication.usersLaunch();
                System.out.println("application for the scenario runs: " + scenarioLaunch.label()
                        + (appJvmArgs.isEmpty() ? "" : ", then " + String.join(" ", appJvmArgs))
                        + "; store options: " + String.join(" ", s.applicationOptions()));
                startUp();
                // as many callers as the benchmark has HTTP clients: on a shared machine, threads are what get processor time
                double ceiling = s.ceiling(clients, 5);
                System.out.printf("Store ceiling (%s): %.0f conditional UpdateItem/s (%d callers, 5 s, %s)%n", s.name,
                        ceiling, clients, s.ceilingStore());
                for (int n : sizes) {
                    scenario(n, ceiling);
                }
            }
        }
        if (stores.size() > 1) {
            Figures.printSideBySide(figures);
        }
        if (!violations.isEmpty()) {
            throw new AssertionError(violations.size() + " correctness violation(s):\n  " + String.join("\n  ",
                    violations.subList(0, Math.min(40, violations.size()))));
        }
    }

    /**
     * Process start to the first handled webhook, over a store that already holds the workspace (the
     * first start seeds the demo workspace and is not counted), {@code starts} times with the plain
     * {@code java -jar} and as many with the fast-start options. Wall time depends on what else the
     * machine runs; the process's own processor time up to that answer does much less.
     */
    void startUp() throws Exception {
        try (var seeding = PackagedApplication.start(store, Launch.plain(), appJvmArgs,
                "bench-http-" + store.name + "-seed")) {
            seeding.awaitFirst(demoWebhook(seeding, "seed"), s -> s == 200);
        }
        timeStarts(Launch.plain());
        Optional<Launch> fast = Launch.fastStart();
        if (fast.isEmpty()) {
            System.out.println("Process start with the AOT cache: not measured, the package has none (-Daot.skip)");
            return;
        }
        timeStarts(fast.get().withoutOptions());
        timeStarts(fast.get());
    }

    void timeStarts(Launch launch) throws Exception {
        long[] wall = new long[starts];
        long[] cpu = new long[starts];
        for (int i = 0; i < starts; i++) {
            try (var app = PackagedApplication.start(store, launch, appJvmArgs,
                    "bench-http-" + store.name + "-start-" + i)) {
                wall[i] = app.awaitFirst(demoWebhook(app, "first-" + System.nanoTime()), s -> s == 200);
                cpu[i] = app.cpuMillis();
            }
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        System.out.printf("Process start to first handled webhook (packaged JVM app, %s, %d starts): wall median %d ms "
                + "(min %d, max %d; target <= 1000 ms), processor time median %d ms (min %d, max %d)%n", launch.label(), starts,
                wall[starts / 2], wall[0], wall[starts - 1], cpu[starts / 2], cpu[0], cpu[starts - 1]);
    }

    HttpRequest demoWebhook(PackagedApplication app, String contact) throws Exception {
        String body = webhookBody(contact, "m-1");
        return HttpRequest.newBuilder(URI.create(app.base() + "/webhooks/custom/demo-channel"))
                .header("Content-Type", "application/json")
                .header("X-Switchboard-Signature", "sha256=" + ScenarioBenchmark.hmac("demo-channel-secret", body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    void scenario(int n, double ceiling) throws Exception {
        System.out.printf("%n-- N = %,d conversations (%d HTTP clients; wait %d s; half answered by %s after %d s; "
                + "team of %d, %s offline, round robin)%n", n, clients, WAIT.toSeconds(), FIRST, REPLY_AFTER.toSeconds(),
                TEAM.size(), OFFLINE);
        try (var app = PackagedApplication.start(store, PackagedApplication.usersLaunch(), appJvmArgs,
                "bench-http-" + store.name + "-" + n)) {
            app.awaitFirst(HttpRequest.newBuilder(URI.create(app.base() + "/q/health/ready")).build(), s -> s == 200);
            Workspace ws = seed(app, "bench-" + n);
            Calibration calibration = calibrate(app, ws);
            MemoryWatch memory = new MemoryWatch(app);
            memory.start();
            Map<String, Double> before = app.metrics();
            long appCpuBefore = app.cpuMillis();
            long benchCpuBefore = benchCpuMillis();
            Phase phase = drive(app, ws, n, "c-");
            // up to the last run finished, before the check reads everything back
            double appCpu = (app.cpuMillis() - appCpuBefore) / (double) n;
            double benchCpu = (benchCpuMillis() - benchCpuBefore) / (double) n;
            Map<String, Double> after = app.metrics();
            memory.stop();
            Cost costs = Cost.between(before, after, n);
            Outcome outcome = check(app, ws, phase);

            double busy = Duration.between(phase.firstSent, outcome.lastEffect).toMillis() / 1000.0 - WAIT.toSeconds();
            System.out.printf("Completed runs/s: %.0f (%,d runs; first webhook to last run completed %.1f s, less the %d s wait)"
                    + " (targets: >= 200 at N=1,000, >= 100 at N=5,000)%n", n / busy, n, busy + WAIT.toSeconds(),
                    WAIT.toSeconds());
            System.out.printf("Webhooks accepted: %.0f/s (%,d in %.1f s); agent replies: %,d%n", n / phase.ingressSeconds,
                    n, phase.ingressSeconds, phase.replies.get());
            // the wall time depends on what else the machine runs; the processor time per run much less
            System.out.printf("Processor time per run: application %.1f ms, this JVM (DynamoDB Local%s and the clients) %.1f ms;"
                    + " %d idle cores give at most %.0f runs/s at that%n", appCpu,
                    store.name.equals("http") ? "" : ": not the store here", benchCpu,
                    Runtime.getRuntime().availableProcessors(),
                    1000 * Runtime.getRuntime().availableProcessors() / (appCpu + benchCpu));
            print("Wake-up lateness, due to claimed (the run's own wake_up record)", outcome.claim);
            print("Wake-up lateness, due to the run's last step done (reassigned and commented, or the branch's else)",
                    outcome.done);
            System.out.printf("DynamoDB per run, measured here (all of it: webhook, agent reply for half, wake-up, idle sweeps): "
                    + "%.2f WCU, %.2f RCU, %.1f requests%n", costs.wcu, costs.rcu, costs.requests);
            System.out.printf("  by operation: %s%n", costs.byOperation);
            System.out.printf("DynamoDB per unanswered run (calibration, %d runs, no reply): ingress %.2f WCU, %.2f RCU, %.1f requests;"
                    + " wake-up %.2f WCU, %.2f RCU, %.1f requests (targets: <= 8 WCU, <= 5 RCU, <= 8 requests per run)%n",
                    calibration.runs, calibration.ingress.wcu, calibration.ingress.rcu, calibration.ingress.requests,
                    calibration.wakeUp.wcu, calibration.wakeUp.rcu, calibration.wakeUp.requests);
            // an unanswered contact's items after its wake-up, with the ids users' workspaces give them: one write unit?
            for (var item : store.partition(io.switchboard.store.Keys.contact(ws.id(), "c-1"))) {
                System.out.printf("Item %s of an unanswered run's contact (c-1) after its wake-up: %d bytes as billed"
                        + " (1 KB a write unit); by attribute: %s%n", item.get("sk").s().replaceAll("#.*", "#..."),
                        ItemBytes.of(item), ScenarioBenchmark.largestAttributes(item, item.size()));
            }
            double drainSeconds = Duration.between(outcome.firstDue, outcome.lastClaim).toMillis() / 1000.0;
            double drain = n / Math.max(drainSeconds, 0.001);
            double storeRate = costs.requests * n / (busy + WAIT.toSeconds());
            System.out.printf("Wake-up drain: %.0f wake-ups/s (first due to last claimed %.1f s) x %.1f requests per wake-up = "
                    + "%.0f requests/s = %.0f%% of the store's ceiling; the application's whole request rate %.0f/s = %.0f%%%n",
                    drain, drainSeconds, calibration.wakeUp.requests, drain * calibration.wakeUp.requests,
                    100 * drain * calibration.wakeUp.requests / ceiling, storeRate, 100 * storeRate / ceiling);
            String gc = "jvm_gc_pause_seconds_sum";
            System.out.printf("Application process: peak RSS %d MB; heap in use peak %d MB (sampled every 250 ms from "
                    + "jvm_memory_used_bytes), heap committed peak %d MB, GC pauses %.1f s in all "
                    + "(target: heap in use <= 200 MB)%n", app.peakRssKb() / 1024, memory.peakHeap.get() >> 20,
                    memory.committed.get() >> 20, PackagedApplication.sum(after, gc) - PackagedApplication.sum(before, gc));
            System.out.printf("Correctness: %,d answered (left with %s, none touched after the reply), %,d reassigned once "
                    + "and commented once, none to %s; round robin %s; %d violation(s); %d repl(ies) landed after "
                    + "the wake-up was due (the machine was saturated: not checked either way)%n", outcome.answered, FIRST,
                    outcome.reassigned, OFFLINE, outcome.spread, outcome.violations, outcome.lateReplies);
            figures.add(new Figures(store.name, n, n / busy, outcome.claim, costs, memory.peakHeap.get() >> 20,
                    app.peakRssKb() / 1024, ceiling, 100 * drain * calibration.wakeUp.requests / ceiling, outcome.violations));
        }
    }

    record Workspace(String id, String apiKey, String channelId, String channelSecret) {
    }

    /** The workspace through the public API: a custom channel, five agents (one offline), a team, the workflow. */
    Workspace seed(PackagedApplication app, String id) throws Exception {
        JsonNode created = call(app, "POST", "/admin/workspaces", null,
                Map.of("id", id, "name", "Benchmark " + id), 201);
        String key = created.get("apiKey").asText();
        JsonNode channel = call(app, "POST", "/api/v1/channels", key, Map.of("type", "custom", "name", "Web chat"), 201);
        for (String agent : TEAM) {
            call(app, "POST", "/api/v1/users", key, Map.of("id", agent, "name", agent, "email", agent + "@example.com",
                    "online", !agent.equals(OFFLINE)), 201);
        }
        call(app, "POST", "/api/v1/teams", key, Map.of("id", "support", "name", "Support", "members", TEAM), 201);
        call(app, "POST", "/api/v1/workflows?id=" + WORKFLOW, key,
                json.readTree(Workflows.promptTransfer(FIRST, "support", "round_robin", WAIT.toString())), 201);
        call(app, "POST", "/api/v1/workflows/" + WORKFLOW + "/publish", key, Map.of(), 200);
        return new Workspace(id, key, channel.get("id").asText(), channel.get("secret").asText());
    }

    /** DynamoDB units and requests per run between two scrapes of the application's meters. */
    record Cost(double wcu, double rcu, double requests, Map<String, Long> byOperation) {
        static Cost between(Map<String, Double> before, Map<String, Double> after, int runs) {
            Map<String, Long> ops = new TreeMap<>();
            for (var e : after.entrySet()) {
                if (e.getKey().startsWith("switchboard_dynamodb_requests_seconds_count{")) {
                    long delta = Math.round(e.getValue() - before.getOrDefault(e.getKey(), 0.0));
                    String op = e.getKey().replaceAll(".*operation=\"([^\"]*)\".*", "$1");
                    if (delta > 0) {
                        ops.merge(op, delta, Long::sum);
                    }
                }
            }
            return new Cost(delta(before, after, "kind=\"write\"") / runs, delta(before, after, "kind=\"read\"") / runs,
                    ops.values().stream().mapToLong(Long::longValue).sum() / (double) runs, ops);
        }

        private static double delta(Map<String, Double> before, Map<String, Double> after, String kind) {
            String name = "switchboard_dynamodb_consumed_capacity_units_total";
            return PackagedApplication.sum(after, name, kind) - PackagedApplication.sum(before, name, kind);
        }
    }

    record Calibration(int runs, Cost ingress, Cost wakeUp) {
    }

    /**
     * The units of one unanswered run, ingress and wake-up apart: 200 conversations, scraped when their
     * webhooks are answered and again when their runs have finished (so the wake-up share includes the
     * idle sweeps of those seconds).
     */
    Calibration calibrate(PackagedApplication app, Workspace ws) throws Exception {
        int n = 200;
        Map<String, Double> m0 = app.metrics();
        List<String> contacts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            contacts.add("cal-" + i);
        }
        parallel(contacts, contact -> webhook(app, ws, contact));
        Map<String, Double> m1 = app.metrics();
        awaitFinished(app, n, finished(m0));
        Map<String, Double> m2 = app.metrics();
        return new Calibration(n, Cost.between(m0, m1, n), Cost.between(m1, m2, n));
    }

    /** Samples the application's heap every 250 ms while a phase runs. */
    static final class MemoryWatch {
        final AtomicLong peakHeap = new AtomicLong(), committed = new AtomicLong();
        private final PackagedApplication app;
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

        MemoryWatch(PackagedApplication app) {
            this.app = app;
        }

        void start() {
            timer.scheduleWithFixedDelay(this::sample, 0, 250, TimeUnit.MILLISECONDS);
        }

        void stop() throws InterruptedException {
            timer.shutdown();
            timer.awaitTermination(5, TimeUnit.SECONDS);
            sample();
        }

        private void sample() {
            try {
                Map<String, Double> m = app.metrics();
                peakHeap.accumulateAndGet((long) PackagedApplication.sum(m, "jvm_memory_used_bytes", "area=\"heap\""), Math::max);
                committed.accumulateAndGet((long) PackagedApplication.sum(m, "jvm_memory_committed_bytes", "area=\"heap\""),
                        Math::max);
            } catch (Exception e) {
                // the application is busy or stopping: the next sample counts
            }
        }
    }

    record Phase(List<String> contacts, Map<String, Instant> repliedAt, Instant firstSent, double ingressSeconds,
            AtomicInteger replies) {
    }

    private static long benchCpuMillis() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() / 1_000_000;
    }

    /** N webhooks as fast as {@code clients} callers get answers; each even contact answered 1 s after its webhook. */
    Phase drive(PackagedApplication app, Workspace ws, int n, String prefix) throws Exception {
        List<String> contacts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            contacts.add(prefix + i);
        }
        Map<String, Instant> repliedAt = new ConcurrentHashMap<>();
        AtomicInteger replies = new AtomicInteger();
        ScheduledExecutorService replying = Executors.newScheduledThreadPool(Math.max(2, clients / 2));
        Map<String, Double> start = app.metrics();
        Instant first = Instant.now();
        long t0 = System.nanoTime();
        Progress progress = new Progress("webhooks", n);
        parallel(contacts, contact -> {
            webhook(app, ws, contact);
            progress.step();
            int i = Integer.parseInt(contact.substring(prefix.length()));
            if (i % 2 == 0) {
                replying.schedule(() -> {
                    try {
                        call(app, "POST", "/api/v1/contacts/" + contact + "/messages", ws.apiKey,
                                Map.of("userId", FIRST, "text", "On it!", "messageId", "reply-" + contact), 201, 200);
                        repliedAt.put(contact, Instant.now());
                        replies.incrementAndGet();
                    } catch (Exception e) {
                        violations.add(contact + ": the agent's reply failed: " + e.getMessage());
                    }
                }, REPLY_AFTER.toMillis(), TimeUnit.MILLISECONDS);
            }
        });
        double ingress = (System.nanoTime() - t0) / 1e9;
        awaitFinished(app, n, finished(start));
        replying.shutdown();
        replying.awaitTermination(1, TimeUnit.MINUTES);
        return new Phase(contacts, repliedAt, first, ingress, replies);
    }

    static double finished(Map<String, Double> metrics) {
        return PackagedApplication.sum(metrics, "switchboard_runs_finished_total", "workflow=\"" + WORKFLOW + "\"");
    }

    void awaitFinished(PackagedApplication app, double runs, double from) throws Exception {
        Progress progress = new Progress("runs finished", (int) runs);
        long giveUp = System.nanoTime() + TimeUnit.MINUTES.toNanos(15);
        while (true) {
            double done = finished(app.metrics()) - from;
            progress.at((int) done);
            if (done >= runs) {
                return;
            }
            if (System.nanoTime() > giveUp) {
                throw new IllegalStateException("only " + done + " of " + runs + " runs finished within 15 minutes");
            }
            Thread.sleep(250);
        }
    }

    record Outcome(Histogram claim, Histogram done, Instant firstDue, Instant lastClaim, Instant lastEffect, int answered,
            int reassigned, int lateReplies, String spread, int violations) {
    }

    /** Reads every conversation and run back through the API and checks what the scenario promises. */
    Outcome check(PackagedApplication app, Workspace ws, Phase phase) throws Exception {
        Histogram claim = new Histogram(3_600_000L, 3);
        Histogram done = new Histogram(3_600_000L, 3);
        Map<String, AtomicInteger> reassignedTo = new TreeMap<>();
        TEAM.forEach(a -> reassignedTo.put(a, new AtomicInteger()));
        AtomicInteger answered = new AtomicInteger(), reassigned = new AtomicInteger(), lateReplies = new AtomicInteger();
        AtomicLong firstDue = new AtomicLong(Long.MAX_VALUE), lastClaim = new AtomicLong(), lastEffect = new AtomicLong();
        int before = violations.size();
        Progress progress = new Progress("checked", phase.contacts.size());
        parallel(phase.contacts, contact -> {
            JsonNode conversation = call(app, "GET", "/api/v1/contacts/" + contact + "/conversation", ws.apiKey, null, 200);
            JsonNode runs = call(app, "GET", "/api/v1/contacts/" + contact + "/runs", ws.apiKey, null, 200).get("runs");
            progress.step();
            if (runs.size() != 1 || !"completed".equals(runs.get(0).get("status").asText())) {
                violation(contact + ": expected one completed run, found " + runs);
                return;
            }
            JsonNode history = runs.get(0).get("history");
            Instant due = null, woke = null, last = null;
            int wakeUps = 0, assigns = 0;
            List<String> assignees = new ArrayList<>();
            for (JsonNode record : history) {
                Instant at = Instant.parse(record.get("at").asText());
                last = last == null || at.isAfter(last) ? at : last;
                String type = record.get("stepType").asText();
                if ("wake_up".equals(type)) {
                    wakeUps++;
                    due = Instant.parse(record.get("details").get("dueAt").asText());
                    woke = at;
                    claim.recordValue(Math.max(0, Duration.parse(record.get("details").get("lateness").asText()).toMillis()));
                } else if ("assign_to".equals(type)) {
                    assigns++;
                    assignees.add(record.get("outcome").asText());
                }
            }
            if (wakeUps != 1 || due == null) {
                violation(contact + ": woke up " + wakeUps + " times");
                return;
            }
            done.recordValue(Math.max(0, Duration.between(due, last).toMillis()));
            long dueMs = due.toEpochMilli();
            firstDue.accumulateAndGet(dueMs, Math::min);
            lastClaim.accumulateAndGet(woke.toEpochMilli(), Math::max);
            lastEffect.accumulateAndGet(last.toEpochMilli(), Math::max);
            String assignee = conversation.path("assignee").path("id").asText(null);
            int comments = conversation.path("comments").size();
            if (OFFLINE.equals(assignee) || assignees.stream().anyMatch(a -> a.toLowerCase().contains(OFFLINE))) {
                violation(contact + ": given to the offline agent " + OFFLINE + " (" + assignees + ")");
            }
            Instant replied = phase.repliedAt.get(contact);
            boolean shouldBeAnswered = Integer.parseInt(contact.replaceAll("\\D", "")) % 2 == 0;
            if (shouldBeAnswered && replied != null && replied.isBefore(due)) {
                answered.incrementAndGet();
                if (!FIRST.equals(assignee) || comments != 0 || assigns != 1) {
                    violation(contact + ": touched after " + FIRST + "'s reply: assignee " + assignee + ", " + comments
                            + " comment(s), assignments " + assignees);
                }
            } else if (!shouldBeAnswered) {
                reassigned.incrementAndGet();
                if (assigns != 2 || comments != 1 || assignee == null || FIRST.equals(assignee)) {
                    violation(contact + ": expected one reassignment and one comment, found assignee " + assignee + ", "
                            + comments + " comment(s), assignments " + assignees);
                } else {
                    reassignedTo.get(assignee).incrementAndGet();
                }
            } else {
                // the reply came after the due time (the machine was saturated): either outcome is correct
                lateReplies.incrementAndGet();
            }
        });
        var counts = reassignedTo.entrySet().stream().filter(e -> !e.getKey().equals(FIRST) && !e.getKey().equals(OFFLINE))
                .mapToInt(e -> e.getValue().get()).toArray();
        int spread = Arrays.stream(counts).max().orElse(0) - Arrays.stream(counts).min().orElse(0);
        if (spread > 1) {
            violation("round robin spread " + spread + " > 1: " + reassignedTo);
        }
        return new Outcome(claim, done, Instant.ofEpochMilli(firstDue.get()), Instant.ofEpochMilli(lastClaim.get()),
                Instant.ofEpochMilli(lastEffect.get()), answered.get(), reassigned.get(), lateReplies.get(),
                reassignedTo + " (spread " + spread + ", at most 1)", violations.size() - before);
    }

    synchronized void violation(String what) {
        violations.add(what);
    }

    static void print(String what, Histogram h) {
        System.out.printf("%s: p50 %d ms, p95 %d ms, p99 %d ms, max %d ms%n", what, h.getValueAtPercentile(50),
                h.getValueAtPercentile(95), h.getValueAtPercentile(99), h.getMaxValue());
    }

    void webhook(PackagedApplication app, Workspace ws, String contact) throws Exception {
        String body = webhookBody(contact, "m-1");
        HttpRequest request = HttpRequest.newBuilder(URI.create(app.base() + "/webhooks/custom/" + ws.channelId))
                .header("Content-Type", "application/json")
                .header("X-Switchboard-Signature", "sha256=" + ScenarioBenchmark.hmac(ws.channelSecret, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("webhook for " + contact + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    static String webhookBody(String contact, String messageId) {
        return "{\"contact\":{\"id\":\"" + contact + "\",\"name\":\"Contact " + contact + "\"},\"message\":{\"id\":\""
                + messageId + "\",\"text\":\"Where is my order?\",\"time\":\"" + Instant.now() + "\"}}";
    }

    JsonNode call(PackagedApplication app, String method, String path, String apiKey, Object body, int... expected)
            throws Exception {
        var b = HttpRequest.newBuilder(URI.create(app.base() + path)).header("Content-Type", "application/json");
        if (apiKey != null) {
            b.header("Authorization", "Bearer " + apiKey);
        }
        if (path.startsWith("/admin/")) {
            b.header("X-Admin-Token", PackagedApplication.ADMIN_TOKEN);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (Arrays.stream(expected).noneMatch(s -> s == r.statusCode())) {
            throw new IllegalStateException(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body().isEmpty() ? json.createObjectNode() : json.readTree(r.body());
    }

    interface Task {
        void run(String contact) throws Exception;
    }

    void parallel(List<String> contacts, Task task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            AtomicInteger next = new AtomicInteger();
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < clients; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < contacts.size(); i = next.getAndIncrement()) {
                        task.run(contacts.get(i));
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static List<String> jvmArgs(String spaced) {
        return spaced.isBlank() ? List.of() : List.of(spaced.trim().split("\\s+"));
    }

    static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
