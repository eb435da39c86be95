package io.switchboard.scenario;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.support.DynamoDbLocalResource;
import io.switchboard.support.Workspace;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Small things a user hit: what the API takes is what it gives back, and what it refuses it says. */
@QuarkusTest
@QuarkusTestResource(DynamoDbLocalResource.class)
class ReadBackAsWrittenTest {

    Workspace ws;

    @BeforeEach
    void workspace() {
        ws = Workspace.create();
    }

    @Test
    void anOnlineValueThatIsNotTrueOrFalseIsRefusedOnCreateAsTheStatusEndpointDoes() {
        ws.api().body(Map.of("id", "alice", "name", "Alice", "email", "alice@example.com", "online", "yes"))
                .post("/api/v1/users").then().statusCode(400)
                .body("message", equalTo("$.online must be true or false"));
        ws.api().get("/api/v1/users").then().statusCode(200).body("users.id", not(hasItem("alice")));
    }

    @Test
    void aTeamIsReadBackWithTheMembersNameItWasCreatedWith() {
        ws.user("alice", true).user("bob", true).team("support", "alice", "bob");
        List<Map<String, Object>> teams = ws.api().get("/api/v1/teams").then().statusCode(200)
                .extract().jsonPath().getList("teams");
        assertEquals(List.of("alice", "bob"), teams.get(0).get("members"));
        assertEquals(null, teams.get(0).get("memberIds"), "one name for one thing");
    }

    @Test
    void aCustomChannelsSecretIsShownAsStarsOnly() {
        var created = ws.api().body(Map.of("type", "custom", "name", "Chat")).post("/api/v1/channels")
                .then().statusCode(201).extract().jsonPath();
        String secret = created.getString("secret");
        String shown = ws.api().get("/api/v1/channels/" + created.getString("id")).then().statusCode(200)
                .extract().jsonPath().getString("secret");
        assertEquals("****", shown, "neither the secret's characters nor the stored ciphertext's (" + secret.length() + " chars)");
    }
}
