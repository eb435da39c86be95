package io.switchboard.scenario;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.switchboard.support.CustomerApi;
import io.switchboard.support.CustomerApi.Received;
import io.switchboard.support.DynamoDbLocalResource;
import io.switchboard.support.Workspace;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** HTTP Request: a workflow calls a customer system and uses what it answers. */
@QuarkusTest
@QuarkusTestResource(DynamoDbLocalResource.class)
class HttpRequestTest {

    static final CustomerApi customers = new CustomerApi();

    @BeforeAll
    static void customerSystem() {
        customers.answers("/customers", 200,
                        "{\"customer\": {\"tier\": \"gold\", \"orders\": [{\"id\": \"o-17\"}, {\"id\": \"o-18\"}]}}")
                .answers("/broken", 500, "{\"error\": \"down\"}")
                .answers("/slow", request -> new CustomerApi.Answer(200, "{}", 2500));
    }

    Workspace ws;

    @BeforeEach
    void workspace() {
        ws = Workspace.create().connectChannel();
        customers.reset();
    }

    void allowPrivateTargets(boolean allow) {
        ws.api().body(Map.of("allowPrivateHttpTargets", allow)).put("/api/v1/workspace/settings")
                .then().statusCode(200).body("allowPrivateHttpTargets", equalTo(allow));
        ws.api().get("/api/v1/workspace/settings").then().statusCode(200).body("allowPrivateHttpTargets", equalTo(allow));
    }

    static String base() {
        return customers.url("");
    }

    String lookup(String path, int timeoutSeconds) {
        return """
            {"name": "Customer lookup", "trigger": {"type": "conversation_opened"},
             "steps": [
               {"id": "lookup", "type": "http_request", "method": "POST",
                "url": "%s%s?contact=$contact.id",
                "headers": {"Authorization": "Bearer secret-$contact.id", "X-Contact-Name": "$contact.name"},
                "body": "{\\"name\\": \\"$contact.name\\"}",
                "timeoutSeconds": %d,
                "responseMapping": [
                  {"path": "$.customer.tier", "saveTo": "variable", "name": "tier"},
                  {"path": "$.customer.orders[1].id", "saveTo": "contact_field", "name": "last_order"}],
                "onFailure": [{"id": "failed", "type": "add_comment", "text": "Lookup failed for $contact.name"}]},
               {"id": "note", "type": "add_comment", "text": "Tier: $http.tier, last order $contact.last_order"}]}
            """.formatted(base(), path, timeoutSeconds);
    }

    Map<String, Object> lookupRecord(String contactId) {
        List<Map<String, Object>> history = ws.runs(contactId).getList("runs[0].history");
        return history.stream().filter(h -> "http_request".equals(h.get("stepType"))).findFirst().orElseThrow();
    }

    @Test
    void theRenderedRequestArrivesAndTheResponseLandsInVariablesAndContactFields() {
        allowPrivateTargets(true);
        ws.publish(lookup("/customers", 5));
        ws.contactSays("ada", "m-1", "Hi").then().statusCode(200);

        List<Received> calls = customers.received().stream().filter(c -> c.uri().startsWith("/customers")).toList();
        assertEquals(1, calls.size());
        Received r = calls.get(0);
        assertEquals("POST", r.method());
        assertEquals("/customers?contact=ada", r.uri());
        assertEquals(List.of("Bearer secret-ada"), r.headers().get("Authorization"));
        assertEquals(List.of("Ada"), r.headers().get("X-contact-name"));
        assertEquals("{\"name\": \"Ada\"}", r.body());
        assertEquals(1, r.headers().get("Idempotency-key").size());
        assertFalse(r.headers().get("Idempotency-key").get(0).isBlank());

        JsonPath conversation = ws.conversation("ada");
        assertEquals(List.of("Tier: gold, last order o-18"), conversation.getList("comments.text"),
                "a variable and a contact field saved from the response");

        Map<String, Object> record = lookupRecord("ada");
        String history = ws.runs("ada").prettify();
        assertTrue(history.contains("\"status\": \"200\""), history);
        assertTrue(history.contains(base() + "/customers?contact=ada"), history);
        assertTrue(history.contains("durationMillis"), history);
        assertFalse(history.contains("secret-ada"), "header values never reach the history");
        assertEquals("responded 200", record.get("outcome"));
    }

    @Test
    void aServerErrorTakesTheFailurePath() {
        allowPrivateTargets(true);
        ws.publish(lookup("/broken", 5));
        ws.contactSays("ben", "m-1", "Hi").then().statusCode(200);

        assertEquals(List.of("Lookup failed for Ben"), ws.conversation("ben").getList("comments.text"));
        assertTrue(((String) lookupRecord("ben").get("outcome")).contains("500"));
    }

    @Test
    void aTimeoutTakesTheFailurePath() {
        allowPrivateTargets(true);
        ws.publish(lookup("/slow", 1));
        ws.contactSays("cy", "m-1", "Hi").then().statusCode(200);

        assertEquals(List.of("Lookup failed for Cy"), ws.conversation("cy").getList("comments.text"));
        assertTrue(((String) lookupRecord("cy").get("outcome")).contains("no response within 1 seconds"));
    }

    @Test
    void aPrivateTargetIsRefusedUnlessTheWorkspaceAllowsIt() {
        ws.api().get("/api/v1/workspace/settings").then().statusCode(200).body("allowPrivateHttpTargets", equalTo(false));
        ws.publish(lookup("/customers", 5));
        ws.contactSays("dee", "m-1", "Hi").then().statusCode(200);

        assertTrue(customers.received().stream().noneMatch(c -> c.uri().startsWith("/customers")), "nothing was called");
        assertEquals(List.of("Lookup failed for Dee"), ws.conversation("dee").getList("comments.text"));
        String outcome = (String) lookupRecord("dee").get("outcome");
        assertTrue(outcome.contains("private address 127.0.0.1"), outcome);
    }

    @Test
    void invalidRequestsAreRefusedOnSaveWithTheirPaths() {
        StringBuilder headers = new StringBuilder();
        for (int i = 0; i < 11; i++) {
            headers.append(i == 0 ? "" : ", ").append("\"X-H").append(i).append("\": \"v\"");
        }
        String doc = """
            {"name": "Bad", "trigger": {"type": "conversation_opened"},
             "steps": [{"type": "http_request", "method": "GET", "url": "https://example.com", "headers": {%s}},
                       {"type": "http_request", "method": "FETCH", "url": "https://example.com"},
                       {"type": "http_request", "method": "GET", "url": "https://example.com", "timeoutSeconds": 60}]}
            """.formatted(headers);
        ws.api().body(doc).post("/api/v1/workflows").then().statusCode(422)
                .body("problems.path", hasItem("$.steps[0].headers"))
                .body("problems.path", hasItem("$.steps[1].method"))
                .body("problems.path", hasItem("$.steps[2].timeoutSeconds"));
    }
}
