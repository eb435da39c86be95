package io.switchboard.scenario;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.support.DynamoDbLocalResource;
import io.switchboard.support.Workflows;
import io.switchboard.support.Workspace;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The README's limits, as a sender meets them: a contact's over-long message is kept (cut, the cut
 * recorded), what cannot be stored is refused with a JSON error before anything is written, and the
 * HTTP layer's own size limits answer JSON too.
 */
@QuarkusTest
@QuarkusTestResource(DynamoDbLocalResource.class)
class LimitsTest {

    Workspace ws;

    @BeforeEach
    void workspace() {
        ws = Workspace.create().user("alice", true).user("bob", true).team("support", "alice", "bob");
        ws.publish(Workflows.promptTransfer("alice", "support", "round_robin", "PT15M"));
    }

    static String message(String contact, String name, String id, String text, String time) {
        return "{\"contact\":{\"id\":\"" + contact + "\",\"name\":\"" + name + "\"},\"message\":{\"id\":\"" + id
                + "\",\"text\":\"" + text + "\",\"time\":\"" + time + "\"}}";
    }

    @Test
    void aNearlyOneMegabyteMessageIsKeptCutAtTenThousandCharactersWithTheCutRecorded() {
        String text = "x".repeat(900_000);
        String body = message("ann", "Ann", "m-big", text, "2026-11-24T10:00:00Z");
        ws.deliver(body).then().statusCode(200).body("status", equalTo("accepted"));
        String stored = ws.messages("ann").getString("messages[0].text");
        assertEquals("x".repeat(10_000), stored.substring(0, 10_000));
        assertEquals(" [message cut: the first 10000 of 900000 characters are kept]", stored.substring(10_000));
        assertEquals("alice", ws.assignee("ann"), "the message opened the conversation and its workflow ran");
        ws.deliver(body).then().statusCode(200).body("status", equalTo("duplicate"));
        assertEquals(1, ws.runs("ann").getList("runs").size());
    }

    @Test
    void aFourHundredFiftyKilobyteNameIsKeptCutTo256Characters() {
        ws.deliver(message("bea", "B".repeat(450_000), "m-1", "hi", "2026-11-24T10:00:00Z")).then().statusCode(200);
        assertEquals("B".repeat(256), ws.conversation("bea").getString("contactName"));
        assertEquals(List.of("hi"), ws.messages("bea").getList("messages.text"));
    }

    @Test
    void aTimeEpochMillisecondsCannotHoldIsRefusedNamingTheFieldAndNothingIsStored() {
        for (String time : List.of("+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z")) {
            ws.deliver(message("cid", "Cid", "m-" + time.charAt(0), "hi", time)).then().statusCode(400)
                    .body("error", equalTo("invalid_webhook"))
                    .body("message", startsWith("$.message.time must be between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59Z"));
        }
        ws.api().get("/api/v1/contacts/cid/conversation").then().statusCode(404);
        ws.api().get("/api/v1/contacts/cid/runs").then().statusCode(404);
    }

    @Test
    void aTooLongIdInThePathOrTheBodyIsRefusedBeforeAnyWrite() {
        ws.api().get("/api/v1/contacts/" + "c".repeat(3000) + "/conversation").then().statusCode(400)
                .body("problems[0].path", equalTo("path.contactId"))
                .body("message", containsString("it has 3000"));
        ws.deliver(message("d".repeat(3000), "Dan", "m-1", "hi", "2026-11-24T10:00:00Z")).then().statusCode(400)
                .body("message", containsString("$.contact.id"));
        ws.api().body(Map.of("id", "e".repeat(3000), "name", "Eve")).post("/api/v1/users").then().statusCode(400)
                .body("problems[0].path", equalTo("$.id"));
        ws.api().body(Map.of("id", "eve", "name", "E".repeat(450_000))).post("/api/v1/users").then().statusCode(400)
                .body("message", equalTo("$.name is 450000 characters; at most 256 are accepted"));
        ws.api().get("/api/v1/users").then().body("users.id", equalTo(List.of("alice", "bob")));
    }

    @Test
    void aWorkflowThatPassesTheSchemaButOutgrowsOneStoredRecordIsRefusedAndNothingIsStored() {
        StringBuilder steps = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            steps.append(i == 0 ? "" : ",").append("{\"id\":\"call").append(i)
                    .append("\",\"type\":\"http_request\",\"method\":\"POST\",\"url\":\"https://crm.example.com/x\",\"body\":\"")
                    .append("b".repeat(4_000)).append("\"}");
        }
        String doc = "{\"name\":\"Big\",\"trigger\":{\"type\":\"conversation_opened\"},\"steps\":[" + steps + "]}";
        ws.api().body(doc).post("/api/v1/workflows?id=big").then().statusCode(413)
                .body("error", equalTo("too_large"))
                .body("message", containsString("KB stored; at most 380 KB fit in one record"))
                .body("message", endsWith("shorten its texts or split it with Trigger Another Workflow"));
        ws.api().get("/api/v1/workflows/big").then().statusCode(404);
        ws.api().get("/api/v1/workflows").then().body("workflows.id", not(hasItem("big")));
    }

    @Test
    void theHttpLayersOwnLimitsAnswerJsonNamingTheLimit() {
        ws.api().body("{\"name\":\"" + "z".repeat(10 * 1024 * 1024) + "\"}").post("/api/v1/workflows").then()
                .statusCode(413).body("error", equalTo("payload_too_large"))
                .body("message", containsString("at most 1048576 bytes (1 MiB)"));
        ws.api().get("/api/v1/contacts/" + "u".repeat(9_000)).then().statusCode(414)
                .body("error", equalTo("uri_too_long")).body("message", containsString("at most 8192"));
        ws.api().header("X-Padding", "h".repeat(40_000)).get("/api/v1/users").then().statusCode(431)
                .body("error", equalTo("headers_too_large")).body("message", containsString("at most 32768"));
        given().get("/nothing/here").then().statusCode(404).body("error", equalTo("not_found"));
    }

    /**
     * Found by fuzz seed -2462039129309235975: a 1.28 MB request target (a percent-encoded id) was over the
     * server codec's limit and got Vert.x's 414 with an empty body; below 4 MiB the answer names the limit.
     */
    @Test
    void aLongPercentEncodedIdInThePathAnswersJsonNamingTheLimit() throws Exception {
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        for (int chars : new int[] {2_000, 20_000, 160_000, 214_036, 600_000}) {
            java.net.http.HttpResponse<String> response = client.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + io.restassured.RestAssured.port + "/api/v1/contacts/"
                            + "%C3%A9".repeat(chars))).header("Authorization", "Bearer " + ws.apiKey).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(414, response.statusCode(), chars + " characters");
            assertEquals("application/json", response.headers().firstValue("content-type").orElse(""), chars + " characters");
            assertTrue(response.body().contains("\"uri_too_long\""), response.body());
        }
    }

    /**
     * Found by fuzz seed -2462039129309235975: a request refused at the edge before its body was read
     * (a too-long target, too many header bytes, a declared body over the limit) must not leave the
     * connection unusable, or the next request on it (there an 18 KB workflow POST) loses its answer.
     */
    @Test
    void aRequestRefusedBeforeItsBodyWasReadLeavesTheConnectionUsableForTheNext() throws Exception {
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        String base = "http://127.0.0.1:" + io.restassured.RestAssured.port;
        String body = "{\"name\": \"" + "b".repeat(18_000) + "\"}";
        String[][] refusals = {{"/api/v1/workflows?x=" + "u".repeat(9_000), "X-Pad", "p"},
                {"/api/v1/workflows", "X-Pad", "h".repeat(40_000)}};
        for (int round = 0; round < 5; round++) {
            for (String[] refusal : refusals) {
                java.net.http.HttpResponse<String> refused = client.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(base + refusal[0])).header("Authorization", "Bearer " + ws.apiKey)
                        .header(refusal[1], refusal[2]).POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                assertTrue(refused.statusCode() == 414 || refused.statusCode() == 431, refused.toString());
                java.net.http.HttpResponse<String> next = client.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(base + "/api/v1/workflows")).header("Authorization", "Bearer " + ws.apiKey)
                        .header("Content-Type", "application/json")
                        .timeout(java.time.Duration.ofSeconds(20))
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                assertEquals(422, next.statusCode(), next.body());
            }
        }
    }

    @Test
    void theWakeUpAndSweepFunctionsAreClosedWithoutTheInternalTokenAndCheckTheirBodies() {
        given().contentType("application/json").body("{}").post("/sweep").then().statusCode(404)
                .body("error", equalTo("not_found"));
        given().header("Authorization", "Bearer guess").contentType("application/json")
                .body(Map.of("workspaceId", ws.id, "contactId", "ann", "runId", "r", "token", "t"))
                .post("/wakeUp").then().statusCode(404);
        Workspace.internal().body("{}").post("/sweep").then().statusCode(200);
        Workspace.internal().body("{\"workspaceId\": 1}").post("/wakeUp").then().statusCode(400)
                .body("error", equalTo("invalid_request"))
                .body("problems.path", equalTo(List.of("$.workspaceId", "$.contactId", "$.runId", "$.token")));
        Workspace.internal().body("{\"workspaceId\": ").post("/wakeUp").then().statusCode(400)
                .body("error", equalTo("malformed_json"));
        // an unknown run and a wrong token answer alike: a wake-up never tells whether a run id exists
        assertEquals("ALREADY_FINISHED", ws.wakeUp("ann", "no-such-run", "t"));
    }
}
