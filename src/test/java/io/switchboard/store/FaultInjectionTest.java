package io.switchboard.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.document.WorkflowParser;
import io.switchboard.document.WorkflowSchema;
import io.switchboard.engine.RunTriggers;
import io.switchboard.inbox.InboxActions;
import io.switchboard.inbox.InboxActions.IncomingMessage;
import io.switchboard.engine.run.Run;
import io.switchboard.engine.run.RunEngine;
import io.switchboard.engine.run.RunObserver;
import io.switchboard.engine.run.RunStatus;
import io.switchboard.engine.run.WakeUpCall;
import io.switchboard.engine.run.WakeUpResult;
import io.switchboard.engine.step.InboxPorts;
import io.switchboard.inbox.Agent;
import io.switchboard.inbox.Comment;
import io.switchboard.inbox.Contact;
import io.switchboard.inbox.Team;
import io.switchboard.schedule.DueIndexScheduler;
import io.switchboard.schedule.DueTimerSweep;
import io.switchboard.support.DynamoDbLocalResource;
import io.switchboard.support.MutableClock;
import io.switchboard.support.Workflows;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The seed scenario (a contact writes, Alice is assigned, nobody replies within the wait, the team
 * reassigns and a comment is left) through the real stores and engine on DynamoDB Local, with faults
 * injected into the real SDK client. The SDK client keeps its default retry policy for DynamoDB, as
 * in production; the product's own retries are the platform redelivering an unacknowledged webhook
 * and the sweep resuming a run whose lease ran out. Prints its figures.
 */
class FaultInjectionTest {

    static final String WS = "faults";
    static final int RUNS = Integer.getInteger("faults.runs", 1000);
    static final double RATE = 0.20;

    final MutableClock clock = new MutableClock();
    final ExecutorService pool = Executors.newFixedThreadPool(64);
    final String table = "faults-" + System.nanoTime();

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    /** How the product's wake-ups write: by default as Wiring's default, one commit of what they held. */
    void wakeUpWrites(RunEngine engine, DynamoSegmentCommits commits) {
        engine.committingWakeUpsWith(commits);
    }

    /**
     * Whether {@code request} is a wake-up's first write, the moment it decided on its read: here its one
     * commit of what it held.
     */
    boolean isWakeUpsFirstWrite(software.amazon.awssdk.core.SdkRequest request) {
        // a run kept in its contact's item commits in one write of that item, conditional on the kept version,
        // its held writes' values beside the kept run's (a save with nothing held is the run's alone)
        return request instanceof software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest
                || request instanceof software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest update
                        && update.conditionExpression() != null
                        && update.conditionExpression().contains("#kr.v = :krExpected")
                        && update.expressionAttributeValues().keySet().stream().anyMatch(k -> !k.startsWith(":kr"));
    }

    /** A wake-up's first writes when the reply comes just before the first: the commit, refused. */
    int firstWritesWhenAReplyComesFirst() {
        return 1;
    }

    /** The writes of a wake-up that closes an idle conversation, and why. */
    Map<String, Integer> writesOfAnIdleClose() {
        return Map.of("UpdateItem", 1); // the run is kept in its contact's item: one write of it, no transaction
    }

    /** The product wired as in Wiring, over one SDK client. */
    final class Product {
        final DynamoContactStore contacts;
        final DynamoMessageStore messages;
        final DynamoCommentStore comments;
        final DynamoRunStore runs;
        final InboxActions inbox;
        final DueTimerSweep sweep;
        final RunEngine engine;
        /** The lateness of every wake-up the engine told its observer of (the metric and the log line). */
        final List<Duration> wakeUps = new java.util.concurrent.CopyOnWriteArrayList<>();
        /** The type of every step the engine told its observer ran (the steps metric). */
        final List<String> stepsRan = new java.util.concurrent.CopyOnWriteArrayList<>();

        Product(DynamoDbClient db) {
            ObjectMapper json = new LocalTable().json;
            contacts = new DynamoContactStore(db, table);
            messages = new DynamoMessageStore(db, table);
            comments = new DynamoCommentStore(db, table);
            var directory = new DynamoDirectoryStore(db, table, json);
            runs = new DynamoRunStore(db, table, json, 4);
            var workflows = new DynamoWorkflowStore(db, table, json, new WorkflowParser(new WorkflowSchema()));
            RunObserver countsWakeUps = new RunObserver() {
                @Override
                public void wokeUp(Run run, Duration lateness) {
                    wakeUps.add(lateness);
                }

                @Override
                public void stepRan(Run run, String stepType, StepOutcome outcome, Duration took) {
                    stepsRan.add(stepType);
                }
            };
            engine = new RunEngine(workflows, runs, new DueIndexScheduler(),
                    new InboxPorts(contacts, directory, comments), clock, RunEngine.DEFAULT_LEASE, countsWakeUps)
                    .recognisingStoreOutages(StoreOutages::isOutage);
            wakeUpWrites(engine, new DynamoSegmentCommits(db, runs, contacts, comments));
            inbox = new InboxActions(contacts, messages, new RunTriggers(engine), clock, (ws, channelId) -> java.util.Optional.empty(),
                    new DynamoArrivalReads(db, table));
            sweep = new DueTimerSweep(runs, engine, clock, 1000, pool);
            this.directory = directory;
            this.workflows = workflows;
            this.json = json;
        }

        final DynamoDirectoryStore directory;
        final DynamoWorkflowStore workflows;
        final ObjectMapper json;

        void seed() throws Exception {
            seed(Map.of("prompt", Workflows.promptTransfer("alice", "support", "round_robin", "PT15M")));
        }

        /** Alice, Bob and Carol in Support, and these workflows (id to document) published. */
        void seed(Map<String, String> published) throws Exception {
            directory.addAgent(WS, new Agent("alice", "Alice", null, true));
            directory.addAgent(WS, new Agent("bob", "Bob", null, true));
            directory.addAgent(WS, new Agent("carol", "Carol", null, true));
            directory.addTeam(WS, new Team("support", "Support", List.of("alice", "bob", "carol")));
            for (Map.Entry<String, String> workflow : published.entrySet()) {
                workflows.saveDraft(WS, workflow.getKey(), json.readTree(workflow.getValue()), 0, clock.instant());
                workflows.publish(WS, workflow.getKey(), clock.instant());
            }
        }
    }

    /**
     * The test's table with the seeded workspace (agents, Support, the prompt-transfer workflow published
     * at {@code start}), and a product over a fault-free client that reads back what the store holds.
     */
    Product seededVerifier(Instant start) throws Exception {
        return seededVerifier(start, Map.of("prompt", Workflows.promptTransfer("alice", "support", "round_robin", "PT15M")));
    }

    Product seededVerifier(Instant start, Map<String, String> published) throws Exception {
        DynamoDbClient clean = client(UrlConnectionHttpClient.create());
        Table.createIfMissing(clean, table);
        Product verifier = new Product(clean);
        clock.set(start);
        verifier.seed(published);
        return verifier;
    }

    static DynamoDbClient client(SdkHttpClient http, ExecutionInterceptor... interceptors) {
        return DynamoDbClient.builder().httpClient(http)
                .endpointOverride(URI.create(DynamoDbLocalResource.endpoint())).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .overrideConfiguration(c -> {
                    for (ExecutionInterceptor i : interceptors) {
                        c.addExecutionInterceptor(i);
                    }
                }).build();
    }

    static IncomingMessage message(String contact, Instant at) {
        return new IncomingMessage("web", "m-" + contact, contact, "Contact " + contact, "Where is my order?", at);
    }

    @Test
    void underTwentyPercentInjectedFaultsEveryRunCompletesOnceAndNoAcknowledgedWebhookIsLost() throws Exception {
        Product verifier = seededVerifier(Instant.parse("2026-03-01T09:00:00Z"));
        FaultyDynamoHttp faults = new FaultyDynamoHttp(UrlConnectionHttpClient.create(), RATE, 11L);
        Product product = new Product(client(faults));

        LongAdder deliveries = new LongAdder();
        LongAdder refusedDeliveries = new LongAdder();
        long started = System.nanoTime();
        Random random = new Random(7);
        List<Future<?>> work = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            String contact = "c" + i;
            int copies = 2 + random.nextInt(2); // every webhook is delivered two or three times, some at once
            for (int k = 0; k < copies; k++) {
                work.add(pool.submit(() -> {
                    // the platform redelivers until it gets its acknowledgement
                    while (true) {
                        deliveries.increment();
                        try {
                            product.inbox.receive(WS, message(contact, clock.instant()));
                            return;
                        } catch (RuntimeException failedAfterSdkRetries) {
                            refusedDeliveries.increment();
                        }
                    }
                }));
            }
        }
        for (Future<?> f : work) {
            f.get();
        }
        double ingress = (System.nanoTime() - started) / 1e9;

        // a sweep every 16 minutes of the clock: every wait (15 minutes) and every lapsed lease is due at each
        List<String> unfinished = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            unfinished.add("c" + i);
        }
        int sweeps = 0;
        while (!unfinished.isEmpty() && sweeps < 20) {
            sweeps++;
            clock.advance(Duration.ofMinutes(16));
            try {
                product.sweep.sweep();
            } catch (RuntimeException failedSweep) {
                // the next periodic sweep picks up what this one could not
            }
            unfinished.removeIf(contact -> finished(verifier, contact));
        }
        double total = (System.nanoTime() - started) / 1e9;

        int doubled = 0;
        int lost = 0;
        for (int i = 0; i < RUNS; i++) {
            String contact = "c" + i;
            List<Run> runs = verifier.runs.listByContact(WS, contact);
            Contact c = verifier.contacts.find(WS, contact).orElseThrow();
            int messages = verifier.messages.list(WS, contact).size();
            int comments = verifier.comments.list(WS, contact, c.conversation().id()).size();
            lost += messages == 0 ? 1 : 0;
            doubled += runs.size() > 1 || messages > 1 || comments > 1 ? 1 : 0;
            assertEquals(1, runs.size(), contact + ": one run");
            assertEquals(RunStatus.COMPLETED, runs.get(0).status(), contact + ": the run completed");
            assertEquals(1, messages, contact + ": the message is stored once");
            assertEquals(1, comments, contact + ": one reassignment comment");
            assertNotEquals("alice", c.assigneeId(), contact + ": reassigned away from the agent who did not reply");
        }
        System.out.printf("faults: %d scenario runs at %.0f%% injected faults: %s%n", RUNS, RATE * 100, faults.figures());
        System.out.printf("faults: %d webhook deliveries (duplicates included), %d answered with a failure after the SDK's "
                + "retries and delivered again; %d sweeps; ingress %.1f s, total %.1f s%n", deliveries.sum(),
                refusedDeliveries.sum(), sweeps, ingress, total);
        System.out.printf("faults: runs completed exactly once %d/%d, acknowledged webhooks lost %d, effects doubled %d%n",
                RUNS - doubled, RUNS, lost, doubled);
    }

    private static boolean finished(Product verifier, String contact) {
        List<Run> runs = verifier.runs.listByContact(WS, contact);
        return !runs.isEmpty() && runs.stream().allMatch(r -> r.status() == RunStatus.COMPLETED);
    }

    /**
     * Counts writes and "crashes" the process right after the n-th one was applied: the write is in the
     * store, its caller never learns it, and the process makes no further request.
     */
    static final class CrashAfterWrite implements ExecutionInterceptor {
        final int crashAt;
        final AtomicInteger writes = new AtomicInteger();
        volatile String crashedAfter;

        CrashAfterWrite(int crashAt) {
            this.crashAt = crashAt;
        }

        /** After the crash the process is gone: nothing it would still do reaches the store. */
        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            if (crashedAfter != null) {
                throw new Crash("nothing (the process is down)");
            }
        }

        @Override
        public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
            String op = attributes.getAttribute(software.amazon.awssdk.core.interceptor.SdkExecutionAttribute.OPERATION_NAME);
            boolean write = op.startsWith("Put") || op.startsWith("Update") || op.startsWith("Delete")
                    || op.startsWith("TransactWrite") || op.startsWith("BatchWrite");
            if (write && writes.incrementAndGet() == crashAt) {
                crashedAfter = op;
                throw new Crash(op);
            }
        }
    }

    static final class Crash extends RuntimeException {
        Crash(String op) {
            super("crashed right after " + op);
        }
    }

    @Test
    void aCrashAtEveryPersistencePointIsCompletedExactlyOnceByTheRetry() throws Exception {
        Product verifier = seededVerifier(Instant.parse("2026-04-01T09:00:00Z"));

        // the persistence points of one scenario run: every write from the webhook to the comment
        CrashAfterWrite counter = new CrashAfterWrite(Integer.MAX_VALUE);
        Product counting = new Product(client(UrlConnectionHttpClient.create(), counter));
        scenario(counting, counting, "probe");
        int points = counter.writes.get();

        int crashed = 0;
        for (int k = 1; k <= points; k++) {
            String contact = "crash-" + k;
            CrashAfterWrite crash = new CrashAfterWrite(k);
            Product crashing = new Product(client(UrlConnectionHttpClient.create(), crash));
            crashed += scenario(crashing, verifier, contact) ? 1 : 0;
            List<Run> runs = verifier.runs.listByContact(WS, contact);
            Contact c = verifier.contacts.find(WS, contact).orElseThrow();
            assertEquals(1, runs.size(), "crash after write " + k + ": one run");
            assertEquals(RunStatus.COMPLETED, runs.get(0).status(), "crash after write " + k + " (" + crash.crashedAfter
                    + "): completed; history " + runs.get(0).history());
            assertEquals(1, verifier.messages.list(WS, contact).size(), "crash after write " + k + ": one message");
            assertEquals(1, verifier.comments.list(WS, contact, c.conversation().id()).size(),
                    "crash after write " + k + ": one comment");
            assertNotEquals("alice", c.assigneeId(), "crash after write " + k + ": reassigned");
        }
        System.out.printf("crashes: %d persistence points on the scenario's path (webhook to comment); a crash right "
                + "after each (%d hit), then the platform's redelivery and the sweep: %d/%d completed exactly once%n",
                points, crashed, points, points);
    }

    /**
     * One scenario run on {@code first}; when it crashes, the rest happens as after a restart: the
     * platform redelivers the unacknowledged webhook and the sweep resumes, on {@code restarted}.
     */
    private boolean scenario(Product first, Product restarted, String contact) {
        boolean crashed = false;
        Product current = first;
        Instant start = clock.instant();
        while (true) {
            try {
                current.inbox.receive(WS, message(contact, start));
                break;
            } catch (Crash c) {
                crashed = true;
                current = restarted;
            }
        }
        for (int i = 0; i < 4; i++) {
            // the periodic sweep, each time after the wait and any lease of a crashed process are over
            clock.advance(Duration.ofMinutes(16));
            try {
                current.sweep.sweep();
            } catch (Crash c) {
                crashed = true;
            }
            if (crashed) {
                current = restarted;
            }
        }
        clock.advance(Duration.ofHours(1));
        return crashed;
    }

    /**
     * One request fails through every one of the SDK's attempts, right after each write of the
     * scenario's path, and the store is healthy again for the next request: an outage that outlasts
     * the SDK's retries while the process lives on (a crash cannot show it). A failure inside a step
     * must not fail the run: it keeps its lease, the sweep repeats the step once the lease is over, and
     * the run completes exactly once; a failure of the webhook's own write answers the delivery with an
     * error, and the platform's redelivery completes it.
     */
    @Test
    void aStoreFailureAfterTheSdksRetriesNeverFailsTheRunAndTheRetryCompletesItExactlyOnce() throws Exception {
        Product verifier = seededVerifier(Instant.parse("2026-05-01T09:00:00Z"));

        CrashAfterWrite counter = new CrashAfterWrite(Integer.MAX_VALUE);
        scenario(new Product(client(UrlConnectionHttpClient.create(), counter)), verifier, "outage-probe");
        int points = counter.writes.get();

        int refusedDeliveries = 0;
        int absorbed = 0;
        for (int k = 1; k <= points; k++) {
            String contact = "outage-" + k;
            OneRequestFailsAfterWrite outage = new OneRequestFailsAfterWrite(k);
            Product product = new Product(client(new OutageHttp(UrlConnectionHttpClient.create()), outage));
            Instant start = clock.instant();
            int refused = 0;
            while (true) {
                try {
                    product.inbox.receive(WS, message(contact, start));
                    break;
                } catch (RuntimeException failedAfterSdkRetries) {
                    assertTrue(StoreOutages.isOutage(failedAfterSdkRetries), failedAfterSdkRetries.toString());
                    refused++; // the platform delivers it again
                }
            }
            sweepFourTimes(product);
            clock.advance(Duration.ofHours(1));
            refusedDeliveries += refused;
            absorbed += refused == 0 && outage.failed != null ? 1 : 0;

            String at = "store failure after write " + k + " (" + outage.failed + ")";
            assertTrue(outage.failed != null, at + ": the injected failure was hit");
            assertCompletedExactlyOnce(verifier, contact, at);
        }
        System.out.printf("store failures: one request failing through all the SDK's retries after each of the %d writes "
                + "on the scenario's path: %d/%d runs completed exactly once, none failed; %d answered the webhook with "
                + "an error (redelivered), %d were left to the sweep by the engine or the sweep%n", points, points, points,
                refusedDeliveries, absorbed);
    }

    /**
     * A throttled DynamoDB answers a batch read with some keys unprocessed rather than an error. Here
     * half of all batch answers leave keys out (the webhook's arrival read and the wake-up's run and
     * contact read are batch reads): each run must still complete exactly once, with reads asked again
     * for what is missing, and a read whose keys stay unprocessed must be an outage (the webhook
     * answered with an error and redelivered, a step left to its lease), never a decision on half the data.
     */
    @Test
    void underPartialBatchAnswersEveryRunCompletesOnceAndNothingIsDecidedOnAPartialRead() throws Exception {
        Product verifier = seededVerifier(Instant.parse("2026-06-01T09:00:00Z"));
        LeavesKeysUnprocessed throttled = LeavesKeysUnprocessed.randomly(0.5, 23L);
        Product product = new Product(client(UrlConnectionHttpClient.create(), throttled));

        int contacts = 40;
        int refused = 0;
        for (int i = 0; i < contacts; i++) {
            while (true) {
                try {
                    product.inbox.receive(WS, message("partial-" + i, clock.instant()));
                    break;
                } catch (RuntimeException outage) {
                    assertTrue(StoreOutages.isOutage(outage), outage.toString());
                    refused++; // the platform delivers it again
                }
            }
        }
        sweepFourTimes(product);
        for (int i = 0; i < contacts; i++) {
            assertCompletedExactlyOnce(verifier, "partial-" + i, "partial-" + i);
        }
        assertTrue(throttled.keysLeft.get() > contacts, "the store left keys unprocessed: " + throttled.keysLeft.get());
        System.out.printf("partial batch answers: %d of %d batch reads throttled, %d keys left unprocessed and asked "
                + "again, %d deliveries refused as an outage; %d/%d runs completed exactly once%n",
                throttled.throttledAnswers.get(), throttled.batchReads.get(),
                throttled.keysLeft.get(), refused, contacts, contacts);
    }

    /**
     * A wake-up works out its reassignment and comment before it writes anything, then commits them with
     * the run in one write. If the agent replies between the wake-up's read and that commit, the commit
     * must not reassign on the stale read: nothing of it is written, and the wake-up decides again on a
     * fresh read, where the reply sends the run down the Branch's else path.
     */
    @Test
    void aReplyBetweenTheWakeUpsReadAndItsCommitIsNotOverriddenTheWakeUpDecidesAgainOnAFreshRead() throws Exception {
        Product verifier = seededVerifier(Instant.parse("2026-07-01T09:00:00Z"));
        java.util.concurrent.atomic.AtomicInteger commits = new java.util.concurrent.atomic.AtomicInteger();
        ExecutionInterceptor agentRepliesJustBeforeTheCommit = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                if (isWakeUpsFirstWrite(context.request())
                        && commits.incrementAndGet() == 1) {
                    verifier.contacts.recordOutgoing(WS, "late-reply", clock.instant());
                }
            }
        };
        Product product = new Product(client(UrlConnectionHttpClient.create(), agentRepliesJustBeforeTheCommit));

        product.inbox.receive(WS, message("late-reply", clock.instant()));
        clock.advance(Duration.ofMinutes(16));
        product.sweep.sweep();

        Contact c = verifier.contacts.find(WS, "late-reply").orElseThrow();
        List<Run> runs = verifier.runs.listByContact(WS, "late-reply");
        assertEquals(firstWritesWhenAReplyComesFirst(), commits.get(),
                "one decision's write tried, refused; the second decision wrote nothing to hold");
        assertEquals("alice", c.assigneeId(), "Alice replied: still hers");
        assertTrue(verifier.comments.list(WS, "late-reply", c.conversation().id()).isEmpty(), "no reassignment comment");
        assertEquals(RunStatus.COMPLETED, runs.get(0).status());
        assertTrue(runs.get(0).history().stream().anyMatch(r -> "check-reply".equals(r.stepId())
                && r.outcome().contains("else")), "the Branch took its else path: " + runs.get(0).history());
        assertTrue(runs.get(0).history().stream().noneMatch(r -> "reassign".equals(r.stepId())),
                "no reassignment in the run's history: " + runs.get(0).history());
    }

    /**
     * The process dies right after the wake-up's first write, the moment it acted on its decision (with
     * {@code effects-first}, the reassignment; with a commit, all of it), and the agent replies before the
     * sweep repeats the wake-up. The repeat must finish what the decision began, not decide again on the
     * reply: the reassignment stands, and its comment is written once.
     */
    @Test
    void aReplyAfterACrashThatFollowedTheWakeUpsFirstWriteStillGetsTheReassignmentsComment() throws Exception {
        Product verifier = seededVerifier(Instant.parse("2026-07-02T09:00:00Z"));
        java.util.concurrent.atomic.AtomicBoolean crashed = new java.util.concurrent.atomic.AtomicBoolean();
        ExecutionInterceptor crashAfterTheFirstWrite = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                if (crashed.get()) {
                    throw new Crash("nothing (the process is down)");
                }
            }

            @Override
            public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
                if (isWakeUpsFirstWrite(context.request()) && crashed.compareAndSet(false, true)) {
                    throw new Crash("the wake-up's first write");
                }
            }
        };
        Product crashing = new Product(client(UrlConnectionHttpClient.create(), crashAfterTheFirstWrite));

        crashing.inbox.receive(WS, message("crash-then-reply", clock.instant()));
        clock.advance(Duration.ofMinutes(16));
        try {
            crashing.sweep.sweep();
        } catch (Crash expected) {
            // the sweep's process is gone
        }
        assertTrue(crashed.get(), "the wake-up's first write was made");
        verifier.contacts.recordOutgoing(WS, "crash-then-reply", clock.instant()); // the new assignee replies
        clock.advance(Duration.ofMinutes(16)); // past the wait and any lease
        verifier.sweep.sweep();

        Contact c = verifier.contacts.find(WS, "crash-then-reply").orElseThrow();
        List<Run> runs = verifier.runs.listByContact(WS, "crash-then-reply");
        assertNotEquals("alice", c.assigneeId(), "the reassignment stands");
        assertEquals(1, verifier.comments.list(WS, "crash-then-reply", c.conversation().id()).size(),
                "the reassignment's comment, once");
        assertEquals(RunStatus.COMPLETED, runs.get(0).status(), "history " + runs.get(0).history());
        assertTrue(runs.get(0).history().stream().noneMatch(r -> "check-reply".equals(r.stepId())
                && r.outcome().contains("else")), "the Branch's else path was not taken: " + runs.get(0).history());
        assertEquals(1, runs.get(0).history().stream().filter(r -> "reassign".equals(r.stepId())).count(),
                "one reassignment in the run's history: " + runs.get(0).history());
    }

    @Test
    void aWakeUpDeliveredTwiceAtOnceIsCountedOnceByTheDeliveryWhoseCommitLands() throws Exception {
        Product verifier = seededVerifier(Instant.parse("2026-07-01T09:00:00Z"));
        SecondDeliveryCommitsFirst race = new SecondDeliveryCommitsFirst(verifier, "twice");
        Product product = race.racing();

        product.inbox.receive(WS, message("twice", clock.instant()));
        clock.advance(Duration.ofMinutes(16));
        product.sweep.sweep();

        assertEquals(WakeUpResult.RESUMED, race.second.get(), "the second delivery's commit landed");
        assertEquals(2, race.commits.get(), "two commits tried; the first delivery's was refused");
        assertEquals(1, product.wakeUps.size(), "one wake-up counted, not one per delivery: " + product.wakeUps);
        assertEquals(Map.of("assign_to", 2L, "wait", 1L, "branch", 1L, "add_comment", 1L),
                product.stepsRan.stream().collect(java.util.stream.Collectors.groupingBy(t -> t,
                        java.util.stream.Collectors.counting())),
                "the wake-up's steps counted once, by the delivery whose commit landed");
        assertCompletedExactlyOnce(verifier, "twice", "after two deliveries");
    }

    /** The inbox recipe that closes idle conversations, with the comment it leaves. */
    static final String CLOSE_IDLE = Workflows.closeIdle("Closed: $contact.name went quiet");

    /**
     * Just before the first commit of a wake-up, delivers the same wake-up again (read as the first read
     * it) through {@code product}, whose commit then lands first.
     */
    final class SecondDeliveryCommitsFirst implements ExecutionInterceptor {
        final Product verifier;
        final String contact;
        final AtomicInteger commits = new AtomicInteger();
        final java.util.concurrent.atomic.AtomicReference<WakeUpResult> second = new java.util.concurrent.atomic.AtomicReference<>();
        Product product;

        SecondDeliveryCommitsFirst(Product verifier, String contact) {
            this.verifier = verifier;
            this.contact = contact;
        }

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            if (isWakeUpsFirstWrite(context.request())
                    && commits.incrementAndGet() == 1) {
                Run waiting = verifier.runs.listByContact(WS, contact).get(0);
                second.set(product.engine.wakeUp(new WakeUpCall(WS, contact, waiting.id(), waiting.wakeToken(),
                        waiting.dueAt())));
            }
        }

        /** The product whose first commit is overtaken. */
        Product racing() {
            product = new Product(client(UrlConnectionHttpClient.create(), this));
            return product;
        }
    }

    /** Counts the write requests (every kind) each client sends. */
    static final class CountsWrites implements ExecutionInterceptor {
        final Map<String, java.util.concurrent.atomic.AtomicInteger> byOperation = new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            String op = context.request().getClass().getSimpleName().replace("Request", "");
            if (op.startsWith("Put") || op.startsWith("Update") || op.startsWith("Delete") || op.startsWith("Transact")
                    || op.startsWith("BatchWrite")) {
                byOperation.computeIfAbsent(op, k -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
            }
        }

        Map<String, Integer> counts() {
            Map<String, Integer> counts = new java.util.TreeMap<>();
            byOperation.forEach((op, n) -> counts.put(op, n.get()));
            return counts;
        }
    }

    @Test
    void anOpeningMessagesRunIsStoredByOneWriteAtItsWait() throws Exception {
        Product verifier = seededVerifier(Instant.parse("2026-07-01T09:00:00Z"));
        CountsWrites writes = new CountsWrites();
        Product product = new Product(client(UrlConnectionHttpClient.create(), writes));

        product.inbox.receive(WS, message("opening", clock.instant()));

        List<Run> runs = verifier.runs.listByContact(WS, "opening");
        assertEquals(1, runs.size());
        assertEquals(io.switchboard.engine.run.RunState.WAITING_FOR_TIMER, runs.get(0).state());
        Contact opened = verifier.contacts.find(WS, "opening").orElseThrow();
        assertEquals("alice", opened.assigneeId());
        assertTrue(opened.hasOpenConversation());
        assertEquals(1, verifier.contacts.openContactsOf(WS, "alice"), "filed under alice's open contacts");
        assertEquals(Map.of("UpdateItem", 1, "PutItem", 1), writes.counts(),
                "the conversation's opening with its assignment and the run, stored at its wait, in one write; "
                        + "the message");
    }

    /**
     * A contact's two messages at once: the other one's conversation opens between this message's read of the
     * contact and its write of the opening with the workflow's assignment. That write is refused, nothing of
     * it stays, and this message joins the conversation the other opened, whose run is the only one.
     */
    @Test
    void aMessageWhoseContactOpenedAConversationMeanwhileJoinsItAndStartsNothing() throws Exception {
        Product verifier = seededVerifier(Instant.parse("2026-07-01T09:00:00Z"));
        java.util.concurrent.atomic.AtomicBoolean raced = new java.util.concurrent.atomic.AtomicBoolean();
        ExecutionInterceptor otherMessageFirst = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                if (context.request() instanceof software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest u
                        && u.updateExpression().contains("convId = :cid") && raced.compareAndSet(false, true)) {
                    verifier.inbox.receive(WS, new IncomingMessage("web", "m-other", "twice", "Contact twice", "Hello?",
                            clock.instant()));
                }
            }
        };
        Product product = new Product(client(UrlConnectionHttpClient.create(), otherMessageFirst));

        product.inbox.receive(WS, message("twice", clock.instant()));

        assertTrue(raced.get());
        Contact c = verifier.contacts.find(WS, "twice").orElseThrow();
        List<Run> runs = verifier.runs.listByContact(WS, "twice");
        assertEquals(1, runs.size(), "one conversation opened, one run");
        assertEquals(c.conversation().id(), runs.get(0).conversationId());
        assertEquals("alice", c.assigneeId());
        assertEquals(1, verifier.contacts.openContactsOf(WS, "alice"));
        var stored = verifier.messages.list(WS, "twice");
        assertEquals(2, stored.size(), "both messages are stored");
        assertTrue(stored.stream().allMatch(m -> m.conversationId().equals(c.conversation().id())),
                "in the one open conversation");
    }

    /** A workflow that comments before it assigns: the comment's write lands the opening first, alone. */
    @Test
    void aCommentBeforeTheFirstAssignmentIsWrittenInTheOpenedConversation() throws Exception {
        String noted = """
            {"name": "Note, then assign", "trigger": {"type": "conversation_opened"},
             "steps": [
               {"id": "note", "type": "add_comment", "text": "New conversation from $contact.name"},
               {"id": "assign", "type": "assign_to", "action": "user", "userId": "bob"}]}
            """;
        Product verifier = seededVerifier(Instant.parse("2026-07-01T09:00:00Z"), Map.of("noted", noted));
        CountsWrites writes = new CountsWrites();
        Product product = new Product(client(UrlConnectionHttpClient.create(), writes));

        product.inbox.receive(WS, message("noted", clock.instant()));

        Contact c = verifier.contacts.find(WS, "noted").orElseThrow();
        assertTrue(c.hasOpenConversation());
        assertEquals("bob", c.assigneeId());
        var comments = verifier.comments.list(WS, "noted", c.conversation().id());
        assertEquals(1, comments.size());
        assertEquals("New conversation from Contact noted", comments.get(0).text());
        assertEquals(RunStatus.COMPLETED, verifier.runs.listByContact(WS, "noted").get(0).status());
        assertEquals(Map.of("UpdateItem", 2, "PutItem", 3), writes.counts(),
                "the opening alone, the comment, the assignment; the run at its end, and the message");
    }

    @Test
    void aRedeliveryAfterTheRunWasStoredChangesNothingEvenAfterAnAgentReassigned() throws Exception {
        Product verifier = seededVerifier(Instant.parse("2026-07-01T09:00:00Z"));
        // the opening with the assignment and the run kept in the contact's item, one write: the process dies
        // before the message is stored
        CrashAfterWrite crash = new CrashAfterWrite(1);
        Product crashing = new Product(client(UrlConnectionHttpClient.create(), crash));
        assertThrows(Crash.class, () -> crashing.inbox.receive(WS, message("late", clock.instant())));
        assertEquals("UpdateItem", crash.crashedAfter);
        assertEquals(1, verifier.runs.listByContact(WS, "late").size(), "the run was stored before the crash");
        assertEquals(verifier.runs.listByContact(WS, "late").get(0).id(),
                verifier.contacts.find(WS, "late").orElseThrow().keptRunId(), "kept in the contact's item");
        assertTrue(verifier.messages.list(WS, "late").isEmpty(), "the message was not stored");
        verifier.inbox.assign(WS, "late", "bob", "request-1");

        clock.advance(Duration.ofMinutes(2));
        verifier.inbox.receive(WS, message("late", clock.instant()));

        Contact c = verifier.contacts.find(WS, "late").orElseThrow();
        assertEquals("bob", c.assigneeId(), "the redelivery did not assign the workflow's agent again");
        assertEquals(1, verifier.runs.listByContact(WS, "late").size());
        assertEquals(1, verifier.messages.list(WS, "late").size(), "the redelivery stored the message");
    }

    @Test
    void anIdleConversationIsClosedByTheWakeUpInOneWriteWithItsCommentAndTheRunsEnd() throws Exception {
        Product verifier = seededVerifier(Instant.parse("2026-07-01T09:00:00Z"), Map.of("close-idle", CLOSE_IDLE));
        CountsWrites writes = new CountsWrites();
        Product product = new Product(client(UrlConnectionHttpClient.create(), writes));
        product.inbox.receive(WS, message("idle", clock.instant()));
        clock.advance(Duration.ofMinutes(61));
        writes.byOperation.clear();

        product.sweep.sweep();

        Contact c = verifier.contacts.find(WS, "idle").orElseThrow();
        assertEquals(io.switchboard.inbox.ConversationStatus.CLOSED, c.conversation().status());
        assertEquals(List.of("Closed: Contact idle went quiet"),
                verifier.comments.list(WS, "idle", c.conversation().id()).stream().map(Comment::text).toList());
        assertEquals(RunStatus.COMPLETED, verifier.runs.listByContact(WS, "idle").get(0).status());
        assertEquals(writesOfAnIdleClose(), writes.counts(),
                "the comment, the close and the run's end in one write; no claim before them (effects first: "
                        + "the close claims the run first, then the close, the comment and the end)");
    }

    @Test
    void aCloseDeliveredTwiceAtOnceClosesOnceAndStartsTheClosedConversationWorkflowOnce() throws Exception {
        String thanks = """
            {"name": "Thank on close", "trigger": {"type": "conversation_closed"},
             "steps": [{"id": "thanks", "type": "add_comment", "text": "Closed, thanks sent"}]}
            """;
        Product verifier = seededVerifier(Instant.parse("2026-07-01T09:00:00Z"),
                Map.of("close-idle", CLOSE_IDLE, "thanks", thanks));
        SecondDeliveryCommitsFirst race = new SecondDeliveryCommitsFirst(verifier, "quiet");
        Product product = race.racing();
        product.inbox.receive(WS, message("quiet", clock.instant()));
        clock.advance(Duration.ofMinutes(61));

        product.sweep.sweep();

        assertEquals(WakeUpResult.RESUMED, race.second.get(), "the second delivery's commit landed");
        Contact c = verifier.contacts.find(WS, "quiet").orElseThrow();
        assertEquals(io.switchboard.inbox.ConversationStatus.CLOSED, c.conversation().status());
        assertEquals(List.of("Closed: Contact quiet went quiet", "Closed, thanks sent"),
                verifier.comments.list(WS, "quiet", c.conversation().id()).stream().map(Comment::text).sorted(
                        java.util.Comparator.reverseOrder()).toList(), "one of each: the close's note and the thanks");
        List<Run> runs = verifier.runs.listByContact(WS, "quiet");
        assertEquals(2, runs.size(), "the idle run and one run of the closed-conversation workflow: " + runs);
        assertTrue(runs.stream().allMatch(r -> r.status() == RunStatus.COMPLETED), runs.toString());
        assertEquals(1, product.wakeUps.size(), "one wake-up counted");
    }

    @Test
    void aTagAndAFieldSetByAWakeUpDeliveredTwiceAtOnceAreSetOnceAndTheTagWorkflowStartsOnce() throws Exception {
        String markQuiet = """
            {"name": "Mark quiet contacts", "trigger": {"type": "conversation_opened"},
             "steps": [
               {"id": "wait", "type": "wait", "duration": "PT1H"},
               {"id": "tag", "type": "update_contact_tag", "action": "add", "tags": ["unresponsive"]},
               {"id": "stage", "type": "update_contact_field", "field": "stage", "value": "quiet"}]}
            """;
        String onTag = """
            {"name": "Note the tag", "trigger": {"type": "contact_tag_updated"},
             "steps": [{"id": "noted", "type": "add_comment", "text": "Tagged unresponsive"}]}
            """;
        Product verifier = seededVerifier(Instant.parse("2026-07-01T09:00:00Z"), Map.of("mark", markQuiet, "noted", onTag));
        SecondDeliveryCommitsFirst race = new SecondDeliveryCommitsFirst(verifier, "mute");
        Product product = race.racing();
        product.inbox.receive(WS, message("mute", clock.instant()));
        clock.advance(Duration.ofMinutes(61));

        product.sweep.sweep();

        assertEquals(WakeUpResult.RESUMED, race.second.get(), "the second delivery's commit landed");
        Contact c = verifier.contacts.find(WS, "mute").orElseThrow();
        assertEquals(java.util.Set.of("unresponsive"), c.tags());
        assertEquals("quiet", c.fields().get("stage"));
        assertEquals(List.of("Tagged unresponsive"), verifier.comments.list(WS, "mute", c.conversation().id()).stream()
                .map(Comment::text).toList(), "the tag workflow ran once");
        List<Run> runs = verifier.runs.listByContact(WS, "mute");
        assertEquals(2, runs.size(), runs.toString());
        assertTrue(runs.stream().allMatch(r -> r.status() == RunStatus.COMPLETED), runs.toString());
        assertEquals(1, product.wakeUps.size(), "one wake-up counted");
    }

    /** The periodic sweep, each time after the wait and any lapsed lease are over. */
    private void sweepFourTimes(Product product) {
        for (int i = 0; i < 4; i++) {
            clock.advance(Duration.ofMinutes(16));
            try {
                product.sweep.sweep();
            } catch (RuntimeException failedSweep) {
                // the next periodic sweep picks up what this one could not
            }
        }
    }

    /**
     * A sweep reads its due wake-ups in chunks, one BatchGetItem per chunk rather than one per wake-up, and
     * every wake-up still happens once; a contact's reply in the moment between its chunk's read and its
     * wake-up sends it down the else path.
     */
    @Test
    void aSweepReadsItsDueWakeUpsInChunksAndEachHappensOnce() throws Exception {
        Product verifier = seededVerifier(Instant.parse("2026-07-01T09:00:00Z"));
        AtomicInteger batchReads = new AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean replied = new java.util.concurrent.atomic.AtomicBoolean();
        ExecutionInterceptor counts = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                if (context.request() instanceof software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest) {
                    batchReads.incrementAndGet();
                } else if (isWakeUpsFirstWrite(context.request())
                        && replied.compareAndSet(false, true)) {
                    // the first commit's moment: the agent answers chunk-0 after every chunk was read
                    verifier.contacts.recordOutgoing(WS, "chunk-0", clock.instant());
                }
            }
        };
        Product product = new Product(client(UrlConnectionHttpClient.create(), counts));
        for (int i = 0; i < 100; i++) {
            product.inbox.receive(WS, message("chunk-" + i, clock.instant()));
        }
        clock.advance(Duration.ofMinutes(16));
        ExecutorService four = Executors.newFixedThreadPool(4);
        try {
            batchReads.set(0);
            Map<io.switchboard.engine.run.WakeUpResult, Integer> swept =
                    new DueTimerSweep(product.runs, product.engine, clock, 1000, four).sweep();
            assertEquals(Map.of(io.switchboard.engine.run.WakeUpResult.RESUMED, 100), swept);
        } finally {
            four.shutdown();
        }

        assertTrue(batchReads.get() <= 100 / 8 + 2, "100 wake-ups read in " + batchReads.get() + " requests");
        for (int i = 1; i < 100; i++) {
            assertCompletedExactlyOnce(verifier, "chunk-" + i, "chunk-" + i);
        }
        Contact answered = verifier.contacts.find(WS, "chunk-0").orElseThrow();
        assertEquals("alice", answered.assigneeId(), "the reply after its read kept it Alice's");
        assertTrue(verifier.comments.list(WS, "chunk-0", answered.conversation().id()).isEmpty());
    }

    /** The scenario's effects on the contact, each exactly once: as the store holds them. */
    private static void assertCompletedExactlyOnce(Product verifier, String contact, String at) {
        List<Run> runs = verifier.runs.listByContact(WS, contact);
        Contact c = verifier.contacts.find(WS, contact).orElseThrow();
        assertEquals(1, runs.size(), at + ": one run");
        assertEquals(RunStatus.COMPLETED, runs.get(0).status(), at + ": completed, never failed; history "
                + runs.get(0).history());
        assertEquals(1, verifier.messages.list(WS, contact).size(), at + ": one message");
        assertEquals(1, verifier.comments.list(WS, contact, c.conversation().id()).size(), at + ": one comment");
        assertNotEquals("alice", c.assigneeId(), at + ": reassigned");
    }

    /**
     * Right after the n-th write, the next request fails on every attempt the SDK makes (it carries
     * {@link OutageHttp#HEADER}); every later request succeeds.
     */
    static final class OneRequestFailsAfterWrite implements ExecutionInterceptor {
        static final ExecutionAttribute<Boolean> DOOMED = new ExecutionAttribute<>("faults.doomed");
        final int after;
        final AtomicInteger writes = new AtomicInteger();
        final java.util.concurrent.atomic.AtomicBoolean armed = new java.util.concurrent.atomic.AtomicBoolean();
        volatile String failed;

        OneRequestFailsAfterWrite(int after) {
            this.after = after;
        }

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            if (armed.compareAndSet(true, false)) {
                attributes.putAttribute(DOOMED, true);
                failed = attributes.getAttribute(software.amazon.awssdk.core.interceptor.SdkExecutionAttribute.OPERATION_NAME);
            }
        }

        @Override
        public software.amazon.awssdk.http.SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context,
                ExecutionAttributes attributes) {
            return Boolean.TRUE.equals(attributes.getAttribute(DOOMED))
                    ? context.httpRequest().toBuilder().putHeader(OutageHttp.HEADER, "1").build() : context.httpRequest();
        }

        @Override
        public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
            String op = attributes.getAttribute(software.amazon.awssdk.core.interceptor.SdkExecutionAttribute.OPERATION_NAME);
            boolean write = op.startsWith("Put") || op.startsWith("Update") || op.startsWith("Delete")
                    || op.startsWith("TransactWrite") || op.startsWith("BatchWrite");
            if (write && writes.incrementAndGet() == after) {
                armed.set(true);
            }
        }
    }
}
