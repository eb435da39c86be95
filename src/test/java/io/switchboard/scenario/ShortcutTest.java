package io.switchboard.scenario;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.switchboard.support.DynamoDbLocalResource;
import io.switchboard.support.Workspace;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Shortcut: an agent starts a workflow from the inbox for one contact, filling its form. */
@QuarkusTest
@QuarkusTestResource(DynamoDbLocalResource.class)
class ShortcutTest {

    static final String REFUND = """
        {"name": "Refund request",
         "trigger": {"type": "shortcut", "name": "Request a refund",
                     "form": [{"name": "reason", "label": "Reason", "type": "choice", "options": ["refund", "complaint"], "required": true},
                              {"name": "amount", "type": "number"},
                              {"name": "note", "type": "text"}],
                     "visibleTo": {"users": ["alice"], "teams": ["billing"]}},
         "steps": [
           {"type": "add_comment", "text": "$trigger.user.name asked: $trigger.form.note"},
           {"id": "why", "type": "branch",
            "branches": [{"name": "Refund", "conditions": [
              {"category": "variable", "name": "trigger.form.reason", "operator": "is_equal_to", "value": "refund"}],
              "steps": [{"type": "add_comment", "text": "Refund of $trigger.form.amount EUR by $trigger.user"}]}],
            "else": [{"type": "add_comment", "text": "Complaint logged"}]}]}
        """;

    @Test
    void shortcutsAreListedOnlyForTheUsersAndTeamsTheyAreShownTo() {
        Workspace ws = Workspace.create().user("alice", true).user("bob", true).user("carol", true).team("billing", "bob");
        String refund = ws.publish(REFUND);
        String handover = ws.publish("""
            {"name": "Hand over to next shift", "trigger": {"type": "shortcut"}, "steps": []}
            """);
        ws.api().body(REFUND.replace("Request a refund", "Draft only")).post("/api/v1/workflows").then().statusCode(201);

        ws.api().get("/api/v1/shortcuts?userId=alice").then().statusCode(200)
                .body("shortcuts.workflowId", equalTo(List.of(handover, refund)),
                        "shortcuts.name", equalTo(List.of("Hand over to next shift", "Request a refund")),
                        "shortcuts[1].form.name", equalTo(List.of("reason", "amount", "note")),
                        "shortcuts[1].form[0].options", equalTo(List.of("refund", "complaint")),
                        "shortcuts[1].form[0].required", equalTo(true));
        ws.api().get("/api/v1/shortcuts?userId=bob").then().statusCode(200)
                .body("shortcuts.workflowId", equalTo(List.of(handover, refund)));
        ws.api().get("/api/v1/shortcuts?userId=carol").then().statusCode(200)
                .body("shortcuts.workflowId", equalTo(List.of(handover)));
        ws.api().get("/api/v1/shortcuts?userId=nobody").then().statusCode(404);
        ws.api().get("/api/v1/shortcuts").then().statusCode(400);
    }

    @Test
    void anAgentRunsAShortcutWithItsFormAndBranchFollowsTheChosenValue() {
        Workspace ws = Workspace.create().user("alice", true).user("bob", true).team("billing", "bob");
        String refund = ws.publish(REFUND);
        ws.contactSays("ada", "m-1", "I want my money back").then().statusCode(200);

        run(ws, "ada", refund, Map.of("userId", "alice", "requestId", "r-1",
                "form", Map.of("reason", "refund", "amount", 42.5, "note", "damaged parcel")))
                .then().statusCode(201).body("started", equalTo(true), "status", equalTo("completed"));
        run(ws, "ada", refund, Map.of("userId", "bob", "requestId", "r-2", "form", Map.of("reason", "Complaint")))
                .then().statusCode(201);

        // comments are listed by id, not by time: compare them as a set
        assertEquals(java.util.Set.of("Alice asked: damaged parcel", "Refund of 42.5 EUR by alice",
                "Bob asked: $trigger.form.note", "Complaint logged"),
                java.util.Set.copyOf(ws.conversation("ada").getList("comments.text")));
        assertEquals("variable.trigger.form.reason is_equal_to refund",
                ws.runs("ada").getString("runs.find { it.trigger.user == 'alice' }.history[1].observations[0].condition"));
        assertEquals("complaint",
                ws.runs("ada").getString("runs.find { it.trigger.user == 'bob' }.history[1].observations[0].observed"));
    }

    @Test
    void formValuesAreCheckedFieldByFieldAndNothingStartsUntilTheyAreRight() {
        Workspace ws = Workspace.create().user("alice", true);
        String refund = ws.publish(REFUND);
        ws.contactSays("ada", "m-1", "Hi").then().statusCode(200);

        run(ws, "ada", refund, Map.of("userId", "alice", "form", Map.of("amount", "a lot", "colour", "red")))
                .then().statusCode(422).body("error", equalTo("invalid_form"),
                        "problems.path", equalTo(List.of("$.form.amount", "$.form.colour", "$.form.reason")),
                        "problems[0].message", containsString("must be a number"),
                        "problems[2].message", equalTo("is required"));
        run(ws, "ada", refund, Map.of("userId", "alice", "form", Map.of("reason", "exchange")))
                .then().statusCode(422).body("problems[0].message", containsString("must be one of [refund, complaint]"));
        run(ws, "ada", refund, Map.of("userId", "alice", "form", "refund"))
                .then().statusCode(400).body("problems[0].path", equalTo("$.form"));

        assertEquals(List.of(), ws.runs("ada").getList("runs"));
    }

    @Test
    void aUserTheShortcutIsNotShownToIsRefused() {
        Workspace ws = Workspace.create().user("alice", true).user("carol", true);
        String refund = ws.publish(REFUND);
        ws.contactSays("ada", "m-1", "Hi").then().statusCode(200);

        run(ws, "ada", refund, Map.of("userId", "carol", "form", Map.of("reason", "refund")))
                .then().statusCode(403).body("error", equalTo("forbidden"), "message", containsString("alice"));
        run(ws, "nobody", refund, Map.of("userId", "alice", "form", Map.of("reason", "refund"))).then().statusCode(404);
        String manual = ws.publish("{\"name\": \"M\", \"trigger\": {\"type\": \"manual\"}, \"steps\": []}");
        run(ws, "ada", manual, Map.of("userId", "alice")).then().statusCode(404);

        assertEquals(List.of(), ws.runs("ada").getList("runs"));
    }

    @Test
    void aRetriedRequestStartsNoSecondRun() {
        Workspace ws = Workspace.create().user("alice", true);
        String refund = ws.publish(REFUND);
        ws.contactSays("ada", "m-1", "Hi").then().statusCode(200);
        Map<String, Object> request = Map.of("userId", "alice", "requestId", "click-7", "form", Map.of("reason", "refund"));

        String runId = run(ws, "ada", refund, request).then().statusCode(201).extract().jsonPath().getString("runId");
        run(ws, "ada", refund, request).then().statusCode(200)
                .body("started", equalTo(false), "duplicate", equalTo(true), "runId", equalTo(runId));

        assertEquals(1, ws.runs("ada").getList("runs").size());
        assertEquals(2, ws.conversation("ada").getList("comments").size());
    }

    @Test
    void formFieldNamesMustDifferAndNumberComparisonsNeedNumbers() {
        Workspace ws = Workspace.create();

        ws.api().body("""
            {"name": "Twice", "trigger": {"type": "shortcut", "form": [{"name": "note", "type": "text"}, {"name": "note", "type": "number"}]},
             "steps": [{"type": "branch", "branches": [{"conditions": [
               {"category": "variable", "name": "trigger.form.note", "operator": "is_less_than", "value": "ten"}], "steps": []}]}]}
            """).post("/api/v1/workflows").then().statusCode(422)
                .body("problems.path", equalTo(List.of("$.trigger.form[1].name", "$.steps[0].branches[0].conditions[0].value")));
    }

    private static Response run(Workspace ws, String contactId, String workflowId, Object body) {
        return ws.api().body(body).post("/api/v1/contacts/" + contactId + "/shortcuts/" + workflowId);
    }
}
