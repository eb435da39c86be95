package io.switchboard.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.switchboard.support.DynamoDbLocalResource;
import io.switchboard.support.MutableClock;
import io.switchboard.support.Workflows;
import io.switchboard.support.Workspace;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Webhook retries and scheduler retries, sequential and concurrent, never double an effect. */
@QuarkusTest
@QuarkusTestResource(DynamoDbLocalResource.class)
class ExactlyOnceTest {

    @Inject
    MutableClock clock;

    Workspace ws;

    @BeforeEach
    void promptTransferWorkspace() {
        ws = Workspace.create().user("alice", true).user("bob", true).user("carol", true)
                .team("support", "alice", "bob", "carol");
        ws.publish(Workflows.promptTransfer("alice", "support", "round_robin", "PT15M"));
    }

    @Test
    void theSameWakeUpDeliveredTwiceReassignsOnceAndCommentsOnce() {
        ws.contactSays("ada", "m-1", "Hi").then().statusCode(200);
        JsonPath run = ws.runs("ada");
        String runId = run.getString("runs[0].id");
        String token = run.getString("runs[0].wakeToken");

        assertEquals("NOT_DUE", ws.wakeUp("ada", runId, token), "an early delivery changes nothing");
        clock.advance(Duration.ofMinutes(15));
        assertEquals("RESUMED", ws.wakeUp("ada", runId, token));
        String reassignedTo = ws.assignee("ada");
        clock.advance(Duration.ofHours(3));
        assertEquals("ALREADY_FINISHED", ws.wakeUp("ada", runId, token), "a delivery hours late changes nothing");

        assertEquals(reassignedTo, ws.assignee("ada"));
        assertEquals(1, ws.conversation("ada").getList("comments").size());
        assertEquals(1, countSteps(ws.runs("ada"), "add_comment"));
    }

    @Test
    void concurrentWakeUpsOfTheSameWaitResumeTheRunOnce() throws Exception {
        ws.contactSays("ben", "m-1", "Hi").then().statusCode(200);
        JsonPath run = ws.runs("ben");
        String runId = run.getString("runs[0].id");
        String token = run.getString("runs[0].wakeToken");
        clock.advance(Duration.ofMinutes(16));

        List<String> results = concurrently(8, () -> ws.wakeUp("ben", runId, token));
        results.add(Workspace.sweep().prettify());

        assertEquals(1, results.stream().filter("RESUMED"::equals).count(), results.toString());
        assertEquals(1, ws.conversation("ben").getList("comments").size());
        assertEquals(2, countSteps(ws.runs("ben"), "assign_to"), "the first assignment and one reassignment");
    }

    @Test
    void theSameWebhookDeliveredTwiceStoresOneMessageOneConversationOneRun() {
        String body = Workspace.customMessage("cid", "Cid", "wamid-77", "Hello?");
        String first = ws.deliver(body).then().statusCode(200).extract().jsonPath().getString("conversationId");
        ws.deliver(body).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("duplicate"))
                .body("conversationId", org.hamcrest.Matchers.equalTo(first));

        assertEquals(1, ws.messages("cid").getList("messages").size());
        assertEquals(1, ws.runs("cid").getList("runs").size());
        assertEquals(first, ws.conversation("cid").getString("conversationId"));
    }

    @Test
    void theSameWebhookDeliveredConcurrentlyStartsOneRun() throws Exception {
        String body = Workspace.customMessage("dan", "Dan", "wamid-88", "Hello?");
        List<String> statuses = concurrently(6, () -> ws.deliver(body).then().statusCode(200)
                .extract().jsonPath().getString("conversationId"));

        assertEquals(1, statuses.stream().distinct().count(), "every delivery saw the same conversation");
        assertEquals(1, ws.messages("dan").getList("messages").size());
        assertEquals(1, ws.runs("dan").getList("runs").size());
        assertEquals(1, countSteps(ws.runs("dan"), "assign_to"));
    }

    static <T> List<T> concurrently(int n, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    static long countSteps(JsonPath runs, String type) {
        List<Map<String, Object>> history = runs.getList("runs[0].history");
        return history.stream().filter(h -> type.equals(h.get("stepType"))).count();
    }
}
