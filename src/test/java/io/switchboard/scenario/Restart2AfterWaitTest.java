package io.switchboard.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.switchboard.support.DynamoDbLocalResource;
import io.switchboard.support.MutableClock;
import io.switchboard.support.Workspace;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Second half: a freshly started service, with nothing in memory, completes the waiting run. */
@QuarkusTest
@TestProfile(RestartProfiles.B_AfterRestart.class)
@QuarkusTestResource(DynamoDbLocalResource.class)
class Restart2AfterWaitTest {

    @Inject
    MutableClock clock;

    @Test
    void theNewProcessWakesTheRunAndReassigns() {
        RestartWorkspace ws = new RestartWorkspace();
        assertEquals("waiting", ws.get().runs("ada").getString("runs[0].status"),
                "the run waits in DynamoDB across the restart");
        clock.advance(Duration.ofMinutes(16));
        Workspace.sweep();
        assertEquals("bob", ws.get().assignee("ada"));
        assertEquals("completed", ws.get().runs("ada").getString("runs[0].status"));
        assertEquals(1, ws.get().conversation("ada").getList("comments").size());
    }
}
