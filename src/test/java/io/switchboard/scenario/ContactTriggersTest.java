package io.switchboard.scenario;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.switchboard.support.DynamoDbLocalResource;
import io.switchboard.support.Workspace;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Contact tags and fields, changed by a user or by a workflow, and the workflows those changes start. */
@QuarkusTest
@QuarkusTestResource(DynamoDbLocalResource.class)
class ContactTriggersTest {

    @Test
    void taggingAContactVipThroughTheApiAssignsTheVipTeam() {
        Workspace ws = Workspace.create().user("vera", true).team("vip", "vera");
        String workflow = ws.publish("""
            {"name": "VIP routing",
             "trigger": {"type": "contact_tag_updated", "tag": "vip", "change": "added"},
             "steps": [{"id": "route", "type": "assign_to", "action": "team", "teamId": "vip"}]}
            """);
        ws.contactSays("ada", "m-1", "Hi").then().statusCode(200);

        ws.api().body(Map.of("add", List.of("vip", "returning"))).put("/api/v1/contacts/ada/tags")
                .then().statusCode(200).body("added", equalTo(List.of("returning", "vip")));

        assertEquals("vera", ws.assignee("ada"));
        JsonPath runs = ws.runs("ada");
        assertEquals(1, runs.getList("runs").size());
        assertEquals(workflow, runs.getString("runs[0].workflowId"));
        assertEquals("vip", runs.getString("runs[0].trigger.tag"));
        assertEquals("user", runs.getString("runs[0].trigger.source"));

        // adding a tag the contact has, or removing one, does not fire "vip added" again
        ws.api().body(Map.of("add", List.of("vip"))).put("/api/v1/contacts/ada/tags")
                .then().statusCode(200).body("added", equalTo(List.of()));
        ws.api().body(Map.of("remove", List.of("vip"))).put("/api/v1/contacts/ada/tags")
                .then().statusCode(200).body("removed", equalTo(List.of("vip")), "tags", equalTo(List.of("returning")));
        assertEquals(1, ws.runs("ada").getList("runs").size());
    }

    @Test
    void aFieldChangeStartsTheWorkflowWatchingThatFieldOnlyWhenTheValueChanges() {
        Workspace ws = Workspace.create();
        ws.publish("""
            {"name": "City noted",
             "trigger": {"type": "contact_field_updated", "field": "city"},
             "steps": [{"id": "note", "type": "add_comment", "text": "$contact.name moved to $contact.city"}]}
            """);
        ws.publish("""
            {"name": "Only Porto",
             "trigger": {"type": "contact_field_updated", "field": "city", "value": "Porto"},
             "steps": [{"id": "note", "type": "add_comment", "text": "Porto office"}]}
            """);
        ws.contactSays("ben", "m-1", "Hi").then().statusCode(200);
        Map<String, Object> fields = new HashMap<>();
        fields.put("city", "Lisbon");
        fields.put("tier", null);

        ws.api().body(Map.of("fields", fields)).put("/api/v1/contacts/ben/fields")
                .then().statusCode(200).body("fields.city", equalTo("Lisbon"), "changed", equalTo(Map.of("city", "Lisbon")));
        ws.api().body(Map.of("fields", Map.of("city", "Lisbon"))).put("/api/v1/contacts/ben/fields")
                .then().statusCode(200).body("changed", equalTo(Map.of()));

        assertEquals(List.of("Ben moved to Lisbon"), ws.conversation("ben").getList("comments.text"));
        Map<String, Object> removed = new HashMap<>();
        removed.put("city", null);
        ws.api().body(Map.of("fields", removed)).put("/api/v1/contacts/ben/fields")
                .then().statusCode(200).body("fields", equalTo(Map.of()));
        assertEquals(2, ws.runs("ben").getList("runs").size(), "removing the field is a change too");
    }

    @Test
    void workflowStepsChangeTagsAndFieldsAndStartOnlyWorkflowsListeningToWorkflowSource() {
        Workspace ws = Workspace.create().user("alice", true);
        ws.publish("""
            {"name": "Welcome",
             "trigger": {"type": "conversation_opened"},
             "steps": [
               {"id": "tag", "type": "update_contact_tag", "action": "add", "tags": ["vip", "new"]},
               {"id": "tier", "type": "update_contact_field", "field": "tier", "value": "gold for $contact.name"}]}
            """);
        String byWorkflow = ws.publish("""
            {"name": "VIP tagged by a workflow",
             "trigger": {"type": "contact_tag_updated", "tag": "vip",
                         "conditions": [{"category": "source", "operator": "is_equal_to", "value": "workflow"}]},
             "steps": [{"id": "route", "type": "assign_to", "action": "user", "userId": "alice"}]}
            """);
        ws.publish("""
            {"name": "VIP tagged by a person",
             "trigger": {"type": "contact_tag_updated", "tag": "vip",
                         "conditions": [{"category": "source", "operator": "is_equal_to", "value": "user"}]},
             "steps": [{"id": "note", "type": "add_comment", "text": "tagged by hand"}]}
            """);

        ws.contactSays("cat", "m-1", "Hi").then().statusCode(200);

        assertEquals("alice", ws.assignee("cat"));
        assertEquals(List.of(), ws.conversation("cat").getList("comments"));
        JsonPath runs = ws.runs("cat");
        assertEquals(2, runs.getList("runs").size());
        assertEquals(1, runs.getList("runs.findAll { it.workflowId == '" + byWorkflow + "' }").size());
        ws.api().body(Map.of("add", List.of("new"))).put("/api/v1/contacts/cat/tags")
                .then().statusCode(200).body("tags", equalTo(List.of("new", "vip")));
        ws.api().body(Map.of("fields", Map.of("tier", "gold for Cat"))).put("/api/v1/contacts/cat/fields")
                .then().statusCode(200).body("changed", equalTo(Map.of()));
    }

    @Test
    void badTagAndFieldRequestsNameThePathAndUnknownContactsAre404() {
        Workspace ws = Workspace.create();
        ws.contactSays("dan", "m-1", "Hi").then().statusCode(200);

        ws.api().body(Map.of("add", List.of("ok", ""))).put("/api/v1/contacts/dan/tags")
                .then().statusCode(400).body("problems.path", hasItem("$.add[1]"));
        ws.api().body(Map.of()).put("/api/v1/contacts/dan/tags").then().statusCode(400);
        ws.api().body(Map.of("fields", Map.of("bad name", "x"))).put("/api/v1/contacts/dan/fields")
                .then().statusCode(400).body("problems.path", hasItem("$.fields.bad name"));
        ws.api().body(Map.of("fields", Map.of("city", List.of("x")))).put("/api/v1/contacts/dan/fields")
                .then().statusCode(400).body("problems.path", hasItem("$.fields.city"));
        ws.api().body(Map.of("add", List.of("vip"))).put("/api/v1/contacts/nobody/tags").then().statusCode(404);
        ws.api().body("""
            {"name": "Too many tags", "trigger": {"type": "conversation_opened"},
             "steps": [{"type": "update_contact_tag", "action": "add",
                        "tags": ["a","b","c","d","e","f","g","h","i","j","k"]}]}
            """).post("/api/v1/workflows").then().statusCode(422).body("problems.path", hasItem("$.steps[0].tags"));
        ws.api().body("""
            {"name": "Tag on the wrong trigger", "trigger": {"type": "conversation_opened", "tag": "vip"}, "steps": []}
            """).post("/api/v1/workflows").then().statusCode(422);
        assertNull(ws.conversation("dan").getString("assignee"));
    }
}
