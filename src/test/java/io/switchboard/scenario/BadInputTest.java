package io.switchboard.scenario;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.support.DynamoDbLocalResource;
import io.switchboard.support.Workspace;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bad input gets a 4xx that says what is wrong and where, and nothing is stored. */
@QuarkusTest
@QuarkusTestResource(DynamoDbLocalResource.class)
class BadInputTest {

    Workspace ws;

    @BeforeEach
    void workspace() {
        ws = Workspace.create().user("alice", true);
    }

    @Test
    void aWebhookWithMalformedJsonIsRejectedWithItsPositionAndStoresNothing() {
        ws.deliver("{\"contact\": {\"id\": \"ann\"}, \"message\": ").then().statusCode(400)
                .body("error", equalTo("invalid_webhook"))
                .body("message", containsString("malformed JSON at line 1"));
        ws.api().get("/api/v1/contacts/ann/conversation").then().statusCode(404);
    }

    @Test
    void aWebhookMissingAFieldNamesTheField() {
        ws.deliver("{\"contact\": {\"id\": \"ann\"}, \"message\": {\"text\": \"hi\", \"time\": \"2026-11-24T10:00:00Z\"}}")
                .then().statusCode(400).body("message", containsString("$.message.id is required"));
        ws.api().get("/api/v1/contacts/ann/conversation").then().statusCode(404);
    }

    @Test
    void aWebhookWithABadSignatureIsRejectedAndStoresNothing() {
        String body = Workspace.customMessage("ann", "Ann", "m-1", "hi");
        given().header("X-Switchboard-Signature", "sha256=" + Workspace.sign("not-the-secret", body))
                .contentType("application/json").body(body)
                .post("/webhooks/custom/" + ws.channelId()).then().statusCode(401)
                .body("message", containsString("does not match"));
        given().contentType("application/json").body(body)
                .post("/webhooks/custom/" + ws.channelId()).then().statusCode(401)
                .body("message", containsString("missing X-Switchboard-Signature header"));
        ws.api().get("/api/v1/contacts/ann/conversation").then().statusCode(404);
    }

    @Test
    void aWebhookForAnUnknownChannelIsNotFound() {
        given().contentType("application/json").body("{}").post("/webhooks/custom/ch_nope")
                .then().statusCode(404).body("message", containsString("ch_nope"));
    }

    @Test
    void anUnknownApiKeyIsUnauthorized() {
        given().header("Authorization", "Bearer sb_wrong").get("/api/v1/users").then().statusCode(401)
                .body("message", equalTo("unknown API key"));
        given().get("/api/v1/users").then().statusCode(401)
                .body("message", containsString("missing Authorization header"));
    }

    @Test
    void malformedJsonToTheApiIsRejectedWithItsPosition() {
        ws.api().body("{\"id\": \"bob\",, }").post("/api/v1/users").then().statusCode(400)
                .body("error", equalTo("malformed_json")).body("message", containsString("line 1, column"));
        ws.api().get("/api/v1/users").then().statusCode(200).body("users.id", equalTo(List.of("alice")));
    }

    @Test
    void anInvalidWorkflowIsRejectedWithEveryProblemAndItsJsonPathAndNothingIsStored() {
        String invalid = """
            {"name": "Broken",
             "trigger": {"type": "conversation_opened"},
             "steps": [
               {"type": "assign_to", "action": "team"},
               {"type": "wait", "duration": "P8D"},
               {"type": "branch", "branches": [{"conditions": [
                   {"category": "time_since_last_outgoing_message", "operator": "contains", "value": "x"}]}]},
               {"type": "teleport"}
             ]}
            """;
        ws.api().body(invalid).post("/api/v1/workflows").then().statusCode(422)
                .body("error", equalTo("invalid_workflow"))
                .body("problems.path", hasItems("$.steps[0]", "$.steps[3].type"))
                .body("problems.message", hasItem(containsString("teamId")));
        ws.api().get("/api/v1/workflows").then().statusCode(200).body("workflows", equalTo(List.of()));

        String semanticallyWrong = """
            {"name": "Too long a wait",
             "trigger": {"type": "conversation_opened"},
             "steps": [
               {"id": "w", "type": "wait", "duration": "P8D"},
               {"id": "w", "type": "branch", "branches": [{"conditions": [
                   {"category": "time_since_last_outgoing_message", "operator": "contains", "value": "x"}]}]}
             ]}
            """;
        ws.api().body(semanticallyWrong).post("/api/v1/workflows").then().statusCode(422)
                .body("problems.path", hasItems("$.steps[0].duration", "$.steps[1].id",
                        "$.steps[1].branches[0].conditions[0].operator"))
                .body("problems.message", hasItem(containsString("from 1 second to 7 days")));
        ws.api().get("/api/v1/workflows").then().statusCode(200).body("workflows", equalTo(List.of()));
    }
}
