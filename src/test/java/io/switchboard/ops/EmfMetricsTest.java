package io.switchboard.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.support.DynamoDbLocalResource;
import io.switchboard.support.MutableClock;
import io.switchboard.support.Workflows;
import io.switchboard.support.Workspace;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * On Lambda the meters reach CloudWatch as Embedded Metric Format lines: what a run did between two
 * flushes appears once, under its tags, with the directive CloudWatch needs to extract it.
 */
@QuarkusTest
@QuarkusTestResource(DynamoDbLocalResource.class)
class EmfMetricsTest {

    @Inject
    MeterRegistry registry;
    @Inject
    ObjectMapper json;
    @Inject
    MutableClock clock;

    @Test
    void aCompletedRunIsPublishedOnceWithItsWorkflowAndStatusAndUnderTheStatusAlone() throws Exception {
        List<String> lines = new ArrayList<>();
        EmfMetrics emf = new EmfMetrics(registry, json, "Switchboard", clock, lines::add);
        emf.flush();
        lines.clear();

        Workspace ws = Workspace.create().user("alice", true).user("bob", true).team("support", "alice", "bob");
        ws.publish(Workflows.promptTransfer("alice", "support", "round_robin", "PT15M"));
        ws.contactSays("emf-ada", "m-1", "Hello").then().statusCode(200);
        clock.advance(Duration.ofMinutes(16));
        Workspace.sweep();
        String workflowId = ws.runs("emf-ada").getString("runs[0].workflowId");
        emf.flush();

        JsonNode finished = lines.stream().map(this::parsed)
                .filter(l -> l.has("switchboard.runs.finished") && workflowId.equals(l.path("workflow").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no EMF line for the finished run in " + lines));
        assertEquals(1.0, finished.get("switchboard.runs.finished").asDouble());
        assertEquals("completed", finished.get("status").asText());
        JsonNode directive = finished.at("/_aws/CloudWatchMetrics/0");
        assertEquals("Switchboard", directive.get("Namespace").asText());
        assertEquals(clock.millis(), finished.at("/_aws/Timestamp").asLong());
        List<String> dimensionSets = StreamSupport.stream(directive.get("Dimensions").spliterator(), false)
                .map(JsonNode::toString).toList();
        assertTrue(dimensionSets.contains("[\"status\"]"), "an alarm watches failed runs of every workflow: " + dimensionSets);
        assertEquals("Count", directive.at("/Metrics/0/Unit").asText());

        JsonNode lateness = lines.stream().map(this::parsed).filter(l -> l.has("switchboard.wakeup.lateness.max"))
                .findFirst().orElseThrow(() -> new AssertionError("no wake-up lateness in " + lines));
        assertTrue(lateness.get("switchboard.wakeup.lateness.count").asDouble() >= 1);
        assertTrue(lateness.get("switchboard.wakeup.lateness.max").asDouble() >= Duration.ofMinutes(1).toMillis(),
                "the run woke up a minute after its due time (the sweep ran at +16 min): " + lateness);

        lines.clear();
        emf.flush();
        assertTrue(lines.stream().noneMatch(l -> l.contains(workflowId)), "nothing changed since: " + lines);
    }

    private JsonNode parsed(String line) {
        try {
            return json.readTree(line);
        } catch (Exception e) {
            throw new AssertionError(line, e);
        }
    }
}
