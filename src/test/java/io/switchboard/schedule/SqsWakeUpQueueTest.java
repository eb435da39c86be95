package io.switchboard.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.switchboard.engine.run.WakeUpCall;
import io.switchboard.support.MotoServer;
import io.switchboard.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** The SQS second stage with the real AWS SDK client, against moto's SQS on a loopback port. */
class SqsWakeUpQueueTest {

    static MotoServer moto;
    static SqsClient sqs;

    @BeforeAll
    static void startMoto() {
        assumeFalse(Boolean.getBoolean("moto.skip"), "moto.skip=true: SQS adapter not tested");
        moto = MotoServer.start();
        sqs = moto.sqs();
    }

    @AfterAll
    static void stopMoto() {
        if (moto != null) {
            moto.close();
        }
    }

    @Test
    void delaysAreWholeSecondsRoundedUpAndWithinWhatSqsHolds() {
        Instant now = Instant.parse("2026-11-24T10:00:00Z");
        assertEquals(0, SqsWakeUpQueue.delaySeconds(now.minusSeconds(5), now), "already due: deliver now");
        assertEquals(0, SqsWakeUpQueue.delaySeconds(now, now));
        assertEquals(1, SqsWakeUpQueue.delaySeconds(now.plusMillis(1), now), "never early");
        assertEquals(61, SqsWakeUpQueue.delaySeconds(now.plusMillis(60_250), now));
        assertEquals(900, SqsWakeUpQueue.delaySeconds(now.plus(Duration.ofHours(2)), now), "SQS holds at most 15 minutes");
    }

    @Test
    void aWakeUpStaysInvisibleUntilItIsDueThenCarriesTheRunAndItsToken() {
        String url = sqs.createQueue(b -> b.queueName("delayed")).queueUrl();
        MutableClock clock = new MutableClock();
        var queue = new SqsWakeUpQueue(sqs, url, clock);
        WakeUpCall call = new WakeUpCall("ws1", "ada", "run-1", "token-1", clock.instant().plusMillis(1500));

        assertEquals(1, queue.send(List.of(call)));

        assertEquals(List.of(), receive(url, 0), "visible before its due time");
        List<Message> delivered = receive(url, 5);
        assertEquals(1, delivered.size());
        assertEquals("{\"workspaceId\":\"ws1\",\"contactId\":\"ada\",\"runId\":\"run-1\",\"token\":\"token-1\",\"dueAt\":\""
                + call.dueAt() + "\"}", delivered.get(0).body());
    }

    @Test
    void aBurstIsSentInBatchesOfTenWithNothingLeftOut() {
        String url = sqs.createQueue(b -> b.queueName("burst")).queueUrl();
        MutableClock clock = new MutableClock();
        var queue = new SqsWakeUpQueue(sqs, url, clock);
        List<WakeUpCall> calls = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            calls.add(new WakeUpCall("ws1", "c" + i, "run-" + i, null, clock.instant().minusSeconds(1)));
        }

        assertEquals(23, queue.send(calls));

        Set<String> bodies = new TreeSet<>();
        for (int attempt = 0; attempt < 10 && bodies.size() < 23; attempt++) {
            receive(url, 1).forEach(m -> bodies.add(m.body()));
        }
        assertEquals(23, bodies.size());
        assertTrue(bodies.contains("{\"workspaceId\":\"ws1\",\"contactId\":\"c7\",\"runId\":\"run-7\",\"dueAt\":\""
                + calls.get(7).dueAt() + "\"}"), "a sweep's call has no token: " + bodies);
    }

    private static List<Message> receive(String url, int waitSeconds) {
        List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)
                .waitTimeSeconds(waitSeconds)).messages();
        messages.forEach(m -> sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle())));
        return messages;
    }
}
