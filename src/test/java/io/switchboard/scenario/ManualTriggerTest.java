package io.switchboard.scenario;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.support.DynamoDbLocalResource;
import io.switchboard.support.Workspace;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Manual Trigger started through the API, and Trigger Another Workflow. */
@QuarkusTest
@QuarkusTestResource(DynamoDbLocalResource.class)
class ManualTriggerTest {

    static final String ESCALATE = """
        {"name": "Escalate", "trigger": {"type": "manual"},
         "steps": [{"id": "note", "type": "add_comment", "text": "Escalated by $trigger.source"}]}
        """;

    @Test
    void aUserStartsAManualWorkflowForAContact() {
        Workspace ws = Workspace.create();
        String escalate = ws.publish(ESCALATE);
        ws.contactSays("ada", "m-1", "Hi").then().statusCode(200);

        ws.api().body(Map.of("contactId", "ada")).post("/api/v1/workflows/" + escalate + "/runs")
                .then().statusCode(201).body("started", equalTo(true), "status", equalTo("completed"));

        assertEquals(List.of("Escalated by user"), ws.conversation("ada").getList("comments.text"));
        ws.api().body(Map.of("contactId", "nobody")).post("/api/v1/workflows/" + escalate + "/runs")
                .then().statusCode(404);
        String automatic = ws.publish("""
            {"name": "On open", "trigger": {"type": "conversation_opened"}, "steps": []}
            """);
        ws.api().body(Map.of("contactId", "ada")).post("/api/v1/workflows/" + automatic + "/runs")
                .then().statusCode(409).body("error", equalTo("not_manual"));
        String draft = ws.api().body(ESCALATE).post("/api/v1/workflows").then().statusCode(201)
                .extract().jsonPath().getString("id");
        ws.api().body(Map.of("contactId", "ada")).post("/api/v1/workflows/" + draft + "/runs")
                .then().statusCode(409).body("error", equalTo("not_published"));
    }

    @Test
    void aStepTriggersAnotherPublishedManualWorkflowWithSourceWorkflow() {
        Workspace ws = Workspace.create();
        String escalate = ws.publish(ESCALATE);
        ws.publish("""
            {"name": "Route", "trigger": {"type": "conversation_opened"},
             "steps": [{"id": "go", "type": "trigger_workflow", "workflowId": "%s"}]}
            """.formatted(escalate));

        ws.contactSays("ben", "m-1", "Hi").then().statusCode(200);

        assertEquals(List.of("Escalated by workflow"), ws.conversation("ben").getList("comments.text"));
        assertEquals(2, ws.runs("ben").getList("runs").size());
    }

    @Test
    void publishingRefusesTargetsThatAreNotPublishedManualWorkflowsOrItself() {
        Workspace ws = Workspace.create();
        String automatic = ws.publish("""
            {"name": "On open", "trigger": {"type": "conversation_opened"}, "steps": []}
            """);
        String unpublished = ws.api().body(ESCALATE).post("/api/v1/workflows").then().statusCode(201)
                .extract().jsonPath().getString("id");
        String caller = ws.api().body("""
            {"name": "Caller", "trigger": {"type": "manual"},
             "steps": [{"type": "trigger_workflow", "workflowId": "%s"},
                       {"type": "branch", "branches": [{"conditions": [{"category": "contact_tag", "operator": "exists"}],
                         "steps": [{"type": "trigger_workflow", "workflowId": "%s"}]}]},
                       {"type": "trigger_workflow", "workflowId": "self"}]}
            """.formatted(automatic, unpublished)).post("/api/v1/workflows?id=self").then().statusCode(201)
                .extract().jsonPath().getString("id");

        ws.api().post("/api/v1/workflows/" + caller + "/publish").then().statusCode(422)
                .body("problems.path", hasItem("$.steps[0].workflowId"),
                        "problems.path", hasItem("$.steps[1].branches[0].steps[0].workflowId"),
                        "problems.path", hasItem("$.steps[2].workflowId"));
    }

    @Test
    void aTargetRepublishedWithAnotherTriggerStartsNothingAndTheCallersHistorySaysSo() {
        Workspace ws = Workspace.create();
        String escalate = ws.publish(ESCALATE);
        ws.publish("""
            {"name": "Route", "trigger": {"type": "conversation_opened"},
             "steps": [{"id": "go", "type": "trigger_workflow", "workflowId": "%s"}]}
            """.formatted(escalate));
        ws.api().body("""
            {"name": "Escalate on open", "trigger": {"type": "contact_tag_updated", "tag": "urgent"}, "steps": []}
            """).put("/api/v1/workflows/" + escalate).then().statusCode(200);
        ws.api().post("/api/v1/workflows/" + escalate + "/publish").then().statusCode(200);

        ws.contactSays("cy", "m-1", "Hi").then().statusCode(200);

        assertEquals(1, ws.runs("cy").getList("runs").size(), "nothing was started");
        assertEquals("workflow " + escalate + " is not published with a manual trigger, or its conditions do not match; "
                + "nothing was started", ws.runs("cy").getString("runs[0].history[0].details.notStarted"));
    }
}
