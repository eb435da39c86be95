package io.switchboard.scenario;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.switchboard.support.DynamoDbLocalResource;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * First half of the restart scenario: the service takes a contact's conversation into the 15-minute
 * wait, then this application instance is stopped. {@link Restart2AfterWaitTest} starts a new one.
 */
@QuarkusTest
@TestProfile(RestartProfiles.A_BeforeRestart.class)
@QuarkusTestResource(DynamoDbLocalResource.class)
class Restart1BeforeWakeUpTest {

    @Test
    void aRunIsWaitingWhenTheServiceStops() {
        given().header("X-Admin-Token", "test-admin-token").contentType("application/json")
                .body(Map.of("id", RestartProfiles.WORKSPACE, "name", "Restart", "apiKey", RestartProfiles.API_KEY))
                .post("/admin/workspaces").then().statusCode(201);
        RestartWorkspace ws = new RestartWorkspace();
        ws.setUpPromptTransfer();
        ws.get().contactSays("ada", "m-1", "Hello").then().statusCode(200);
        assertEquals("alice", ws.get().assignee("ada"));
        assertEquals("waiting", ws.get().runs("ada").getString("runs[0].status"));
    }
}
