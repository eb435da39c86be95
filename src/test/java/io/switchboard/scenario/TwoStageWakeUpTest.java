package io.switchboard.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.switchboard.function.lambda.SweepLambdaHandler;
import io.switchboard.engine.run.WakeUpCall;
import io.switchboard.function.lambda.WakeUpQueueLambdaHandler;
import io.switchboard.schedule.SqsWakeUpQueue;
import io.switchboard.support.DynamoDbLocalResource;
import io.switchboard.support.MotoSqsResource;
import io.switchboard.support.MutableClock;
import io.switchboard.support.Workflows;
import io.switchboard.support.Workspace;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The AWS path of a wait in two stages: the per-minute sweep hands the wake-ups due in the minute
 * after next to the SQS queue (moto's) with the remaining delay, and the queue's batch, delivered to
 * the wake-up queue function, resumes each run once, reporting what must be delivered again.
 */
@QuarkusTest
@TestProfile(TwoStageWakeUpTest.Sqs.class)
@QuarkusTestResource(DynamoDbLocalResource.class)
class TwoStageWakeUpTest {

    public static class Sqs implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(MotoSqsResource.class));
        }
    }

    @Inject
    MutableClock clock;
    @Inject
    SweepLambdaHandler sweep;
    @Inject
    WakeUpQueueLambdaHandler wakeUpQueue;

    final SqsClient sqs = SqsClient.builder().httpClient(UrlConnectionHttpClient.create())
            .endpointOverride(URI.create(System.getProperty("test.moto.endpoint"))).region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))).build();
    final String queueUrl = System.getProperty("test.sqs.queue-url");

    @Test
    void theSweepHandsAWaitLongerThanTheQueueHoldsToTheQueueInTheMinuteBeforeAndADuplicateResumesItOnce() {
        Workspace ws = Workspace.create().user("alice", true).user("bob", true).team("support", "alice", "bob");
        ws.publish(Workflows.promptTransfer("alice", "support", "round_robin", "PT20M"));
        int delayedBefore = delayedInQueue(); // other tests' held waits stay delayed in the shared queue
        ws.contactSays("ada", "m-1", "Hello").then().statusCode(200);
        Instant due = Instant.parse(ws.runs("ada").getString("runs[0].dueAt"));
        assertEquals(List.of(), receive(0), "a 20-minute wait, longer than SQS delays a message, is not queued when it starts");
        assertEquals(delayedBefore, delayedInQueue(), "nor held there");

        // the sweep scheduled two minutes before hands over a slot that ends before the wake-up
        Instant minuteBefore = due.truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(1));
        clock.set(due.minusSeconds(61));
        assertEquals(0, sweep.handleRequest(Map.of("scheduledTime", minuteBefore.minus(Duration.ofMinutes(1)).toString()),
                null).get("HANDED_OVER"));
        // the one scheduled for the minute before: EventBridge may start it late, here one second before the wake-up
        clock.set(due.minusSeconds(1));
        assertEquals(1, sweep.handleRequest(Map.of("scheduledTime", minuteBefore.toString()), null).get("HANDED_OVER"));
        List<Message> queued = receive(5);
        assertEquals(1, queued.size());
        assertTrue(queued.get(0).body().contains("\"runId\":\"" + ws.runs("ada").getString("runs[0].id") + "\""));

        clock.set(due.plusMillis(300));
        SQSBatchResponse response = wakeUpQueue.handleRequest(event(queued.get(0), queued.get(0)), null);

        assertEquals(List.of(), response.getBatchItemFailures(), "a duplicate is done with, not redelivered");
        assertEquals("bob", ws.assignee("ada"));
        assertEquals(1, ws.conversation("ada").getList("comments").size(), "the duplicate changed nothing");
        assertEquals("completed", ws.runs("ada").getString("runs[0].status"));
    }

    @Test
    void aFifteenMinuteWaitIsHeldByTheQueueAloneAndItsDeliveryResumesTheRunOnce() {
        Workspace ws = Workspace.create().user("alice", true).user("bob", true).team("support", "alice", "bob");
        ws.publish(Workflows.promptTransfer("alice", "support", "round_robin", "PT15M"));
        int delayedBefore = delayedInQueue(); // other tests' held waits stay delayed in the shared queue
        ws.contactSays("dee", "m-1", "Hello").then().statusCode(200);
        Instant due = Instant.parse(ws.runs("dee").getString("runs[0].dueAt"));
        String runId = ws.runs("dee").getString("runs[0].id");
        String token = ws.runs("dee").getString("runs[0].wakeToken");

        assertEquals(delayedBefore + 1, delayedInQueue(),
                "the headline scenario's wait goes to SQS when it starts, delayed to its due time");
        // no due entry: neither the sweep of the minute before nor the one after the due time sees the run
        Instant minuteBefore = due.truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(1));
        clock.set(due.minusSeconds(1));
        assertEquals(0, sweep.handleRequest(Map.of("scheduledTime", minuteBefore.toString()), null).get("HANDED_OVER"));
        clock.set(due.plusSeconds(5));
        Map<String, Integer> swept = sweep.handleRequest(Map.of("scheduledTime", due.toString()), null);
        assertEquals(0, swept.getOrDefault("RESUMED", 0), "the sweep resumes nothing: " + swept);
        assertEquals("alice", ws.assignee("dee"));

        // the message SQS holds (moto keeps it invisible for the real 15 minutes): the same body, sent at the wait
        Message held = Message.builder().messageId("held").body(SqsWakeUpQueue.body(
                new WakeUpCall(ws.id, "dee", runId, token, due, 1))).build();
        assertEquals(List.of(), wakeUpQueue.handleRequest(event(held, held), null).getBatchItemFailures(),
                "the delivery and its duplicate are done with");
        assertEquals("bob", ws.assignee("dee"));
        assertEquals(1, ws.conversation("dee").getList("comments").size(), "the duplicate changed nothing");
        assertEquals("completed", ws.runs("dee").getString("runs[0].status"));
    }

    @Test
    void aHeldWakeUpThatArrivesBeforeTheWriteThatStoresItsWaitIsDeliveredAgainNotDropped() {
        Workspace ws = Workspace.create().user("alice", true).user("bob", true).team("support", "alice", "bob");
        ws.publish(Workflows.promptTransfer("alice", "support", "round_robin", "PT15M"));
        ws.contactSays("eve", "m-1", "Hello").then().statusCode(200);
        Instant due = Instant.parse(ws.runs("eve").getString("runs[0].dueAt"));
        String runId = ws.runs("eve").getString("runs[0].id");
        clock.set(due.plusSeconds(1));

        // a wait stored by the run's next write (version 2) that has not landed, and a run not stored at all
        Message early = Message.builder().messageId("early").body(SqsWakeUpQueue.body(
                new WakeUpCall(ws.id, "eve", runId, "next-wait", due, 2))).build();
        Message unstored = Message.builder().messageId("unstored").body(SqsWakeUpQueue.body(
                new WakeUpCall(ws.id, "eve", "run-not-written-yet", "t", due, 1))).build();

        assertEquals(List.of("early", "unstored"), wakeUpQueue.handleRequest(event(early, unstored), null)
                .getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).sorted().toList(),
                "both come again later");
        assertEquals("alice", ws.assignee("eve"), "nothing was resumed");
        assertEquals("waiting", ws.runs("eve").getString("runs[0].status"));
    }

    @Test
    void aQuestionsDeadlineIsHeldByTheQueueAndArrivingAfterTheReplyChangesNothing() {
        Workspace ws = Workspace.create().connectChannel();
        ws.publish("""
            {"name": "Collect email", "trigger": {"type": "conversation_opened"},
             "steps": [
               {"id": "email", "type": "ask_question", "question": "What is your email?", "answerType": "email",
                "saveTo": "contact_field", "saveAs": "email", "timeout": "PT10M",
                "onTimeout": [{"type": "add_comment", "text": "No email from $contact.name"}]}]}
            """);
        int delayedBefore = delayedInQueue();
        ws.contactSays("fay", "m-1", "Hi").then().statusCode(200);
        assertEquals(delayedBefore + 1, delayedInQueue(), "the question's 10-minute deadline went to SQS when asked");
        Instant due = Instant.parse(ws.runs("fay").getString("runs[0].dueAt"));
        String runId = ws.runs("fay").getString("runs[0].id");
        String token = ws.runs("fay").getString("runs[0].wakeToken");

        ws.contactSays("fay", "m-2", "fay@example.com").then().statusCode(200);
        assertEquals("completed", ws.runs("fay").getString("runs[0].status"));
        clock.set(due.plusSeconds(1));
        Message deadline = Message.builder().messageId("deadline").body(SqsWakeUpQueue.body(
                new WakeUpCall(ws.id, "fay", runId, token, due, 1))).build();

        assertEquals(List.of(), wakeUpQueue.handleRequest(event(deadline), null).getBatchItemFailures(),
                "done with: the run has moved on");
        assertEquals(List.of(), ws.conversation("fay").getList("comments"), "no timeout path after the answer");
    }

    @Test
    void aShortWaitIsQueuedAtOnceWithItsWakeToken() {
        Workspace ws = Workspace.create().user("alice", true).user("bob", true).team("support", "alice", "bob");
        ws.publish(Workflows.promptTransfer("alice", "support", "round_robin", "PT1S"));
        ws.contactSays("ben", "m-1", "Hello").then().statusCode(200);
        String token = ws.runs("ben").getString("runs[0].wakeToken");

        List<Message> queued = receive(5);

        assertEquals(1, queued.size());
        assertTrue(queued.get(0).body().contains("\"token\":\"" + token + "\""), queued.get(0).body());
        clock.advance(Duration.ofSeconds(2));
        assertEquals(List.of(), wakeUpQueue.handleRequest(event(queued.get(0)), null).getBatchItemFailures());
        assertEquals("bob", ws.assignee("ben"));
    }

    @Test
    void aMessageThatIsNotAWakeUpIsReportedForRedeliveryAndTheRestOfTheBatchIsDone() {
        Workspace ws = Workspace.create().user("alice", true).user("bob", true).team("support", "alice", "bob");
        ws.publish(Workflows.promptTransfer("alice", "support", "round_robin", "PT15M"));
        ws.contactSays("cy", "m-1", "Hello").then().statusCode(200);
        String body = "{\"workspaceId\":\"" + ws.id + "\",\"contactId\":\"cy\",\"runId\":\""
                + ws.runs("cy").getString("runs[0].id") + "\"}";
        clock.advance(Duration.ofMinutes(16));

        SQSBatchResponse response = wakeUpQueue.handleRequest(event(
                Message.builder().messageId("good").body(body).build(),
                Message.builder().messageId("garbled").body("{\"runId\":").build(),
                Message.builder().messageId("incomplete").body("{\"runId\":\"x\"}").build()), null);

        assertEquals(List.of("garbled", "incomplete"), response.getBatchItemFailures().stream()
                .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).sorted().toList());
        assertEquals("bob", ws.assignee("cy"));
    }

    /** Messages sent with a delay that has not run out yet (SQS's own count). */
    private int delayedInQueue() {
        return Integer.parseInt(sqs.getQueueAttributes(b -> b.queueUrl(queueUrl)
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes()
                .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED));
    }

    private List<Message> receive(int waitSeconds) {
        List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)
                .waitTimeSeconds(waitSeconds)).messages();
        messages.forEach(m -> sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle())));
        return messages;
    }

    /** The event the event source mapping delivers: each message with its id and body. */
    private static SQSEvent event(Message... messages) {
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < messages.length; i++) {
            SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
            // a message sent twice is two messages to SQS: a new id, the same body
            String id = messages[i].messageId();
            m.setMessageId(ids.add(id) ? id : id + "-" + i);
            m.setBody(messages[i].body());
            m.setEventSource("aws:sqs");
            records.add(m);
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(records);
        return event;
    }
}
