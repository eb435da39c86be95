package io.switchboard.scenario;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.switchboard.support.DynamoDbLocalResource;
import io.switchboard.support.Workspace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Users and teams through the API: pages of long lists, and status changes that never fail under load. */
@QuarkusTest
@QuarkusTestResource(DynamoDbLocalResource.class)
class DirectoryApiTest {

    @Test
    void usersAndTeamsAreListedPageByPageInIdOrder() {
        Workspace ws = Workspace.create();
        for (String id : List.of("erin", "alice", "dave", "bob", "carol")) {
            ws.user(id, true);
        }
        ws.team("support", "carol", "alice").team("sales", "bob");

        JsonPath first = ws.api().get("/api/v1/users?limit=2").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("alice", "bob"), first.getList("users.id"));
        assertEquals("bob", first.getString("next"));
        List<String> all = new ArrayList<>(first.getList("users.id"));
        String after = first.getString("next");
        while (after != null) {
            JsonPath page = ws.api().get("/api/v1/users?limit=2&after=" + after).then().statusCode(200)
                    .extract().jsonPath();
            all.addAll(page.getList("users.id"));
            after = page.getString("next");
        }
        assertEquals(List.of("alice", "bob", "carol", "dave", "erin"), all);
        ws.api().get("/api/v1/users").then().body("users.id", equalTo(all)).body("$", not(hasKey("next")));

        ws.api().get("/api/v1/teams?limit=1").then().statusCode(200)
                .body("teams[0].id", equalTo("sales")).body("next", equalTo("sales"));
        ws.api().get("/api/v1/teams?after=sales").then().statusCode(200)
                .body("teams[0].members", equalTo(List.of("carol", "alice")));
        ws.api().get("/api/v1/users?limit=5000").then().statusCode(400)
                .body("message", containsString("limit must be a whole number from 1 to 1000"));
    }

    @Test
    void twentyFourConcurrentStatusChangesOfAgentsInTheSameTeamAllSucceed() throws Exception {
        Workspace ws = Workspace.create();
        List<String> agents = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            agents.add("agent-" + i);
            ws.user("agent-" + i, false);
        }
        ws.team("support", agents.toArray(String[]::new));
        AtomicInteger next = new AtomicInteger();
        List<Integer> statuses = ExactlyOnceTest.concurrently(24, () -> ws.api()
                .body(Map.of("online", true)).put("/api/v1/users/" + agents.get(next.getAndIncrement()) + "/status")
                .then().extract().statusCode());
        assertEquals(java.util.Collections.nCopies(24, 200), statuses);
        ws.api().get("/api/v1/users").then().body("users.findAll { !it.online }.size()", equalTo(0));
        ws.api().body(Map.of("id", "agent-1", "name", "Again")).post("/api/v1/users").then().statusCode(409)
                .body("message", containsString("user agent-1 already exists"));
        ws.api().body(Map.of("members", List.of("agent-1", "ghost"))).put("/api/v1/teams/support/members").then()
                .statusCode(400).body("message", equalTo("$.members[1]: no user ghost"));
    }
}
