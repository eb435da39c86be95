package io.switchboard.scenario;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.switchboard.support.DynamoDbLocalResource;
import io.switchboard.support.MotoSchedulerResource;
import io.switchboard.support.MutableClock;
import io.switchboard.support.Workflows;
import io.switchboard.support.Workspace;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.GetScheduleResponse;

/**
 * The cloud path of a wait: the Wait step creates a one-time EventBridge schedule, and the payload
 * that schedule would deliver, posted to the wake-up function, resumes the run.
 */
@QuarkusTest
@TestProfile(EventBridgeSchedulingTest.EventBridge.class)
@QuarkusTestResource(DynamoDbLocalResource.class)
class EventBridgeSchedulingTest {

    public static class EventBridge implements QuarkusTestProfile {
        @Override
        public java.util.List<TestResourceEntry> testResources() {
            return java.util.List.of(new TestResourceEntry(MotoSchedulerResource.class));
        }
    }

    @Inject
    MutableClock clock;

    @Test
    void aWaitCreatesAScheduleWhosePayloadResumesTheRun() {
        Workspace ws = Workspace.create().user("alice", true).user("bob", true).team("support", "alice", "bob");
        ws.publish(Workflows.promptTransfer("alice", "support", "round_robin", "PT15M"));
        ws.contactSays("ada", "m-1", "Hello").then().statusCode(200);
        String runId = ws.runs("ada").getString("runs[0].id");

        SchedulerClient scheduler = MotoSchedulerResource.scheduler();
        var schedules = scheduler.listSchedules(b -> b.groupName(MotoSchedulerResource.GROUP)).schedules();
        assertEquals(1, schedules.size());
        GetScheduleResponse schedule = scheduler.getSchedule(b -> b.groupName(MotoSchedulerResource.GROUP)
                .name(schedules.get(0).name()));
        assertEquals(MotoSchedulerResource.TARGET, schedule.target().arn());

        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        String result = Workspace.internal().body(schedule.target().input())
                .post("/wakeUp").then().statusCode(200).extract().jsonPath().getString("result");
        assertEquals("RESUMED", result);
        assertEquals("bob", ws.assignee("ada"));
        assertEquals("completed", ws.runs("ada").getString("runs[0].status"));
        assertEquals(runId, ws.runs("ada").getString("runs[0].id"));
    }
}
