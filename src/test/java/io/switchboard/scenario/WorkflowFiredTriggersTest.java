package io.switchboard.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.switchboard.support.DynamoDbLocalResource;
import io.switchboard.support.Workspace;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Open and Close Conversation steps fire their triggers with source workflow; chains of such runs stop. */
@QuarkusTest
@QuarkusTestResource(DynamoDbLocalResource.class)
class WorkflowFiredTriggersTest {

    @Test
    void aConversationAUserClosesIsReopenedByAWorkflowWhichStartsTheWorkflowOnOpenedByWorkflow() {
        Workspace ws = Workspace.create();
        ws.publish("""
            {"name": "Reopen for the survey",
             "trigger": {"type": "conversation_closed",
                         "conditions": [{"category": "source", "operator": "is_equal_to", "value": "user"}]},
             "steps": [{"id": "reopen", "type": "open_conversation"}]}
            """);
        ws.publish("""
            {"name": "Survey",
             "trigger": {"type": "conversation_opened",
                         "conditions": [{"category": "source", "operator": "is_equal_to", "value": "workflow"}]},
             "steps": [{"id": "note", "type": "add_comment", "text": "Reopened by $workflow.name for a survey"}]}
            """);
        ws.contactSays("ada", "m-1", "Hi").then().statusCode(200);
        String first = ws.conversation("ada").getString("conversationId");

        ws.close("ada");

        JsonPath conversation = ws.conversation("ada");
        assertEquals("open", conversation.getString("status"));
        assertEquals("workflow", conversation.getString("openedBy"));
        assertTrue(!first.equals(conversation.getString("conversationId")), "a new conversation");
        assertEquals(List.of("Reopened by Survey for a survey"), conversation.getList("comments.text"));
        assertEquals(2, ws.runs("ada").getList("runs").size(), "the survey did not start for the contact's own message");
    }

    @Test
    void closeConversationFiresConversationClosedWithSourceWorkflow() {
        Workspace ws = Workspace.create().user("alice", true);
        ws.publish("""
            {"name": "Auto close", "trigger": {"type": "conversation_opened"},
             "steps": [{"id": "close", "type": "close_conversation"}]}
            """);
        ws.publish("""
            {"name": "After a workflow closes", "trigger": {"type": "conversation_closed",
                "conditions": [{"category": "source", "operator": "is_equal_to", "value": "workflow"}]},
             "steps": [{"id": "assign", "type": "assign_to", "action": "user", "userId": "alice"}]}
            """);
        ws.publish("""
            {"name": "After a user closes", "trigger": {"type": "conversation_closed",
                "conditions": [{"category": "source", "operator": "is_equal_to", "value": "user"}]},
             "steps": [{"id": "note", "type": "add_comment", "text": "closed by a user"}]}
            """);

        ws.contactSays("ben", "m-1", "Hi").then().statusCode(200);

        assertEquals("closed", ws.conversation("ben").getString("status"));
        assertEquals("alice", ws.assignee("ben"));
        assertEquals(List.of(), ws.conversation("ben").getList("comments"));
        assertEquals(List.of("workflow"), ws.runs("ben").getList("runs.trigger.source").stream()
                .filter("workflow"::equals).toList());
    }

    @Test
    void workflowsThatTriggerEachOtherStopAfterFiveLinksAndSayWhy() {
        Workspace ws = Workspace.create();
        ws.publish("""
            {"name": "Flip", "trigger": {"type": "contact_tag_updated", "tag": "flip", "change": "added"},
             "steps": [
               {"id": "off", "type": "update_contact_tag", "action": "remove", "tags": ["flip"]},
               {"id": "on", "type": "update_contact_tag", "action": "add", "tags": ["flip"]}]}
            """);
        ws.contactSays("cat", "m-1", "Hi").then().statusCode(200);

        ws.api().body(Map.of("add", List.of("flip"))).put("/api/v1/contacts/cat/tags").then().statusCode(200);

        List<Map<String, Object>> runs = ws.runs("cat").getList("runs");
        assertEquals(6, runs.size(), "the run the user started and five started by runs");
        long refused = runs.stream().flatMap(r -> ((List<Map<String, Object>>) r.get("history")).stream())
                .filter(h -> ((Map<?, ?>) h.get("details")).containsKey("triggersNotFired")).count();
        assertEquals(1, refused);
        assertTrue(runs.stream().allMatch(r -> "completed".equals(r.get("status"))));
    }
}
