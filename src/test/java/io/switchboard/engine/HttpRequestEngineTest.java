package io.switchboard.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.switchboard.engine.run.Run;
import io.switchboard.engine.run.RunStatus;
import io.switchboard.engine.run.StepRecord;
import io.switchboard.engine.step.addcomment.AddCommentStep;
import io.switchboard.engine.step.httprequest.HttpCalls;
import io.switchboard.engine.step.httprequest.HttpRequestStep;
import io.switchboard.engine.step.httprequest.HttpRequestStep.Mapping;
import io.switchboard.engine.step.httprequest.HttpRequestStep.Target;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** HTTP Request in the engine alone: what it sends, where the answer goes, and the failure path. */
class HttpRequestEngineTest {

    final List<HttpCalls.Call> calls = new ArrayList<>();
    HttpCalls.Outcome answer = new HttpCalls.Outcome(200, 42, null,
            Map.of("$.customer.tier", "gold", "$.customer.orders[1].id", "o-18"));
    final InMemoryWorkspace ws = new InMemoryWorkspace(call -> {
        calls.add(call);
        return answer;
    }, null);

    void lookup(List<io.switchboard.engine.workflow.Step> onFailure) {
        ws.publish("lookup", new HttpRequestStep("lookup", "POST", "https://crm.example.com/customers?contact=$contact.id",
                        Map.of("Authorization", "Bearer secret-$contact.id"), "{\"name\": \"$contact.name\"}",
                        Duration.ofSeconds(3), List.of(new Mapping("$.customer.tier", Target.VARIABLE, "tier"),
                        new Mapping("$.customer.orders[1].id", Target.CONTACT_FIELD, "last_order")), onFailure),
                new AddCommentStep("note", "Tier: $http.tier, last order $contact.last_order"));
    }

    @Test
    void theRequestCarriesTheContactsVariablesAndAnIdempotencyKey() {
        lookup(List.of());
        ws.contactSays("ada", "m-1", "Hi");

        HttpCalls.Call call = calls.get(0);
        assertEquals("POST", call.method());
        assertEquals("https://crm.example.com/customers?contact=ada", call.url());
        assertEquals(Map.of("Authorization", "Bearer secret-ada"), call.headers());
        assertEquals("{\"name\": \"ada\"}", call.body());
        assertEquals(Duration.ofSeconds(3), call.timeout());
        assertEquals(List.of("$.customer.tier", "$.customer.orders[1].id"), call.jsonPaths());
        Run run = ws.run("ada");
        assertEquals(run.id() + "#1", call.idempotencyKey(), "the step execution's effect key");
    }

    @Test
    void valuesOfTheResponseAreSavedAsHttpVariablesAndContactFieldsForTheNextSteps() {
        lookup(List.of());
        ws.contactSays("ada", "m-1", "Hi");

        assertEquals(List.of("Tier: gold, last order o-18"), ws.comments());
        assertEquals("o-18", ws.inbox.find("ws", "ada").orElseThrow().fields().get("last_order"));
        assertEquals("gold", ws.run("ada").variable("http.tier"));
        StepRecord record = ws.run("ada").history().get(0);
        assertEquals("responded 200", record.outcome());
        assertEquals(Map.of("method", "POST", "url", "https://crm.example.com/customers?contact=ada", "status", "200",
                "durationMillis", "42"), record.details(), "method, URL, status and time; never a header value");
    }

    @Test
    void aValueMissingFromTheResponseLeavesTheContactFieldAsItWas() {
        lookup(List.of());
        ws.inbox.createIfMissing("ws", "ada", "Ada", ws.clock.instant());
        ws.inbox.changeFields("ws", "ada", Map.of("last_order", "o-1"), "api:1", ws.clock.instant());
        answer = new HttpCalls.Outcome(200, 5, null, Map.of("$.customer.tier", "silver"));
        ws.contactSays("ada", "m-1", "Hi");

        assertEquals(List.of("Tier: silver, last order o-1"), ws.comments());
    }

    @Test
    void aFailedCallRunsTheFailureStepsWithItsReasonAndEndsTheRun() {
        lookup(List.of(new AddCommentStep("failed", "Lookup failed for $contact.name")));
        answer = new HttpCalls.Outcome(503, 17, "the endpoint answered 503", Map.of());
        ws.contactSays("ada", "m-1", "Hi");

        assertEquals(List.of("Lookup failed for ada"), ws.comments(), "the steps after the request did not run");
        assertEquals(RunStatus.COMPLETED, ws.run("ada").status());
        StepRecord record = ws.run("ada").history().get(0);
        assertEquals("request failed: the endpoint answered 503; the failure steps run", record.outcome());
        assertEquals("503", record.details().get("status"));
        assertEquals("the endpoint answered 503", record.details().get("error"));
        assertFalse(ws.inbox.find("ws", "ada").orElseThrow().fields().containsKey("last_order"));
    }

    @Test
    void aFailedCallWithoutFailureStepsIsRecordedAndTheRunGoesOn() {
        lookup(List.of());
        answer = new HttpCalls.Outcome(0, 3000, "no response within 3 s", Map.of());
        ws.contactSays("ada", "m-1", "Hi");

        assertEquals(List.of("Tier: $http.tier, last order $contact.last_order"), ws.comments(),
                "the next step runs; variables without a value stay as written");
        assertEquals("request failed: no response within 3 s", ws.run("ada").history().get(0).outcome());
    }
}
