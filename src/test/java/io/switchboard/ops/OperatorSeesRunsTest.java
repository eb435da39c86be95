package io.switchboard.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.support.DynamoDbLocalResource;
import io.switchboard.support.MutableClock;
import io.switchboard.support.PrometheusText;
import io.switchboard.support.Workflows;
import io.switchboard.support.Workspace;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What an operator sees of the headline scenario (a contact writes, Alice gets the conversation,
 * nobody replies within the wait, Bob takes over): the meters Prometheus scrapes and the JSON log
 * lines, each carrying the ids of the run it belongs to.
 */
@QuarkusTest
@QuarkusTestResource(DynamoDbLocalResource.class)
class OperatorSeesRunsTest {

    private static final String CONTACT = "operator-ada";
    private static final Path JSON_LOG = Path.of("target/switchboard-test-log.json");

    @Inject
    MutableClock clock;
    @Inject
    ObjectMapper json;

    @Test
    void metricsCountRunsStepsWakeUpsWebhooksAndDynamoDbWithoutPerContactTags() {
        Workspace ws = reassignmentScenario();
        String workflowId = ws.runs(CONTACT).getString("runs[0].workflowId");
        String runId = ws.runs(CONTACT).getString("runs[0].id");

        PrometheusText metrics = PrometheusText.scrape();
        assertEquals(1.0, metrics.value("switchboard_runs_started_total", Map.of("workflow", workflowId)));
        assertEquals(1.0, metrics.value("switchboard_runs_finished_total",
                Map.of("workflow", workflowId, "status", "completed")));
        assertTrue(metrics.value("switchboard_steps_seconds_count", Map.of("type", "assign_to", "outcome", "ok")) >= 2);
        assertTrue(metrics.value("switchboard_steps_seconds_count", Map.of("type", "wait", "outcome", "waiting")) >= 1);
        assertTrue(metrics.value("switchboard_wakeup_lateness_seconds_count", Map.of()) >= 1);
        assertTrue(metrics.has("switchboard_wakeup_lateness_seconds_bucket"), "lateness is a histogram");
        assertTrue(metrics.value("switchboard_webhooks_seconds_count", Map.of("channel", "custom", "outcome", "accepted")) >= 1);
        assertTrue(metrics.value("switchboard_http_requests_seconds_count",
                Map.of("route", "/api/v1/contacts/{contactId}/runs", "status", "200")) >= 1);
        assertTrue(metrics.value("switchboard_dynamodb_requests_seconds_count", Map.of("operation", "PutItem", "outcome", "ok")) >= 1);
        assertTrue(metrics.value("switchboard_dynamodb_consumed_capacity_units_total", Map.of("kind", "write")) > 0);

        for (PrometheusText.Sample s : metrics.samples()) {
            for (String value : s.labels().values()) {
                assertFalse(value.contains(runId) || value.contains(ws.id) || value.contains(CONTACT),
                        "a run, workspace or contact id in a tag would make one series per contact: " + s);
            }
        }
    }

    @Test
    void aWebhookNamingNoKnownPlatformIsCountedAsRejectedUnderOneTag() {
        double before = PrometheusText.scrape().value("switchboard_webhooks_seconds_count",
                Map.of("channel", "unknown", "outcome", "rejected"));
        io.restassured.RestAssured.given().contentType("application/json").body("{}")
                .post("/webhooks/not-a-platform-" + System.nanoTime() + "/c-1").then().statusCode(404);
        assertEquals(before + 1, PrometheusText.scrape().value("switchboard_webhooks_seconds_count",
                Map.of("channel", "unknown", "outcome", "rejected")));
    }

    @Test
    void everyLogLineOfARunIsJsonWithItsWorkspaceContactRunAndStep() throws Exception {
        Workspace ws = reassignmentScenario();
        String runId = ws.runs(CONTACT).getString("runs[0].id");

        List<JsonNode> lines = Files.readAllLines(JSON_LOG).stream().map(this::parsed)
                .filter(l -> runId.equals(l.path("mdc").path("runId").asText())).toList();
        List<String> messages = lines.stream().map(l -> l.path("message").asText()).toList();
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("run started")), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("run woke up")), messages.toString());
        assertTrue(messages.contains("run completed"), messages.toString());
        for (JsonNode line : lines) {
            assertEquals(ws.id, line.path("mdc").path("workspaceId").asText(), line.toString());
            assertEquals(CONTACT, line.path("mdc").path("contactId").asText(), line.toString());
        }
        JsonNode completed = lines.stream().filter(l -> l.path("message").asText().equals("run completed")).findFirst()
                .orElseThrow();
        assertEquals("note", completed.path("mdc").path("stepId").asText(), "the step the run ended on");
    }

    /**
     * Each step's own line names its step, even when the engine tells of it only once the segment's write
     * landed (the wake-up's Branch, reassignment and comment are told at its commit, after the comment ran).
     */
    @Test
    void eachStepsLineNamesItsOwnStepEvenWhenToldAtTheSegmentsWrite() throws Exception {
        Workspace ws = reassignmentScenario();
        String runId = ws.runs(CONTACT).getString("runs[0].id");

        Map<String, String> stepOfLine = new java.util.LinkedHashMap<>();
        Files.readAllLines(JSON_LOG).stream().map(this::parsed)
                .filter(l -> runId.equals(l.path("mdc").path("runId").asText()))
                .filter(l -> l.path("message").asText().startsWith("step "))
                .forEach(l -> stepOfLine.merge(l.path("message").asText().replaceAll(" in \\d+ ms$", ""),
                        l.path("mdc").path("stepId").asText(), (a, b) -> a + "," + b));
        assertEquals(Map.of("step assign_to: ok", "assign-first,reassign", "step wait: waiting", "wait",
                "step branch: ok", "check-reply", "step add_comment: ok", "note"), stepOfLine);
    }

    private Workspace reassignmentScenario() {
        Workspace ws = Workspace.create().user("alice", true).user("bob", true).team("support", "alice", "bob");
        ws.publish(Workflows.promptTransfer("alice", "support", "round_robin", "PT15M"));
        ws.contactSays(CONTACT, "m-1", "Hello, my order is late").then().statusCode(200);
        clock.advance(Duration.ofMinutes(16));
        Workspace.sweep();
        assertEquals("bob", ws.assignee(CONTACT));
        return ws;
    }

    private JsonNode parsed(String line) {
        try {
            return json.readTree(line);
        } catch (Exception e) {
            throw new AssertionError("a log line that is not JSON: " + line, e);
        }
    }
}
