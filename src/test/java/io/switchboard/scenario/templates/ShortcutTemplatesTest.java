package io.switchboard.scenario.templates;

import static io.switchboard.scenario.templates.Installs.install;
import static io.switchboard.scenario.templates.Installs.sentTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.switchboard.support.DynamoDbLocalResource;
import io.switchboard.support.MutableClock;
import io.switchboard.support.Workspace;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Templates agents start from the inbox with a shortcut: handing over to the next shift, escalating. */
@QuarkusTest
@QuarkusTestResource(DynamoDbLocalResource.class)
class ShortcutTemplatesTest {

    @Inject
    MutableClock clock;

    static Response runShortcut(Workspace ws, String contactId, String workflowId, String userId, Map<String, Object> form) {
        return ws.api().body(Map.of("userId", userId, "form", form))
                .post("/api/v1/contacts/" + contactId + "/shortcuts/" + workflowId);
    }

    static void assign(Workspace ws, String contactId, String userId) {
        ws.api().body(Map.of("userId", userId)).put("/api/v1/contacts/" + contactId + "/assignee").then().statusCode(200);
    }

    @Test
    void anAgentHandsConversationsToTheNextShiftsOnlineAgentsWithANoteNamingThem() {
        Workspace ws = Workspace.create().user("alice", true).user("bob", true).user("carol", true).user("dan", false)
                .team("early", "alice").team("late", "bob", "carol", "dan");
        String workflow = install(ws, "next-shift-transfer", Map.of("nextShiftTeamId", "late"));
        for (String contact : List.of("ada", "ben", "cat", "dee")) {
            ws.contactSays(contact, "m-1", "Hi").then().statusCode(200);
            assign(ws, contact, "alice");
        }

        ws.api().get("/api/v1/shortcuts?userId=alice").then().statusCode(200)
                .body("shortcuts.name", equalTo(List.of("Transfer to the next shift")),
                        "shortcuts[0].form.name", equalTo(List.of("note")), "shortcuts[0].form[0].required", equalTo(true));
        runShortcut(ws, "ada", workflow, "alice", Map.of()).then().statusCode(422)
                .body("problems.path", equalTo(List.of("$.form.note")));
        runShortcut(ws, "ada", workflow, "alice", Map.of("note", "Refund approved, send the label")).then().statusCode(201);
        runShortcut(ws, "ben", workflow, "alice", Map.of("note", "Waiting for a photo of the parcel")).then().statusCode(201);

        assertEquals(Set.of("bob", "carol"), Set.of(ws.assignee("ada"), ws.assignee("ben")), "in turn, online only");
        assertEquals(List.of("Handed over by Alice: Refund approved, send the label"),
                ws.conversation("ada").getList("comments.text"));
        assertEquals(List.of("Handed over by Alice: Waiting for a photo of the parcel"),
                ws.conversation("ben").getList("comments.text"));

        // nobody of the next shift online: the conversation waits until someone comes online
        ws.online("bob", false).online("carol", false);
        runShortcut(ws, "cat", workflow, "alice", Map.of("note", "Wants a call back")).then().statusCode(201);
        assertEquals("alice", ws.assignee("cat"));
        ws.online("dan", true);
        clock.advance(Duration.ofMinutes(2));
        Workspace.sweep();
        assertEquals("dan", ws.assignee("cat"));

        // ... and when nobody comes online in time, the conversation says so and stays with the agent
        ws.online("dan", false);
        runShortcut(ws, "dee", workflow, "alice", Map.of("note", "Invoice resent")).then().statusCode(201);
        clock.advance(Duration.ofHours(13));
        Workspace.sweep();
        assertEquals("alice", ws.assignee("dee"));
        assertEquals(Set.of("Handed over by Alice: Invoice resent", "Nobody of the next shift was online to take over from Alice"),
                Set.copyOf(ws.conversation("dee").getList("comments.text")));
    }

    @Test
    void anEscalationReasonRoutesToItsTeamOrTheSupervisorAndIsNotedWithTheDetails() {
        Workspace ws = Workspace.create().user("alice", true).user("eve", true).user("bill", true).user("sam", true)
                .team("engineering", "eve").team("billing", "bill");
        String workflow = install(ws, "escalation-shortcut", Map.of("firstReason", "Technical issue",
                "firstTeamId", "engineering", "secondReason", "Billing dispute", "secondTeamId", "billing",
                "thirdReason", "Unhappy customer", "supervisorId", "sam"));
        for (String contact : List.of("ada", "ben", "cat")) {
            ws.contactSays(contact, "m-1", "I have a problem").then().statusCode(200);
            assign(ws, contact, "alice");
        }

        ws.api().get("/api/v1/shortcuts?userId=alice").then().statusCode(200)
                .body("shortcuts[0].name", equalTo("Escalate"),
                        "shortcuts[0].form[0].options", equalTo(List.of("Technical issue", "Billing dispute", "Unhappy customer")));
        runShortcut(ws, "ada", workflow, "alice", Map.of("reason", "Refund")).then().statusCode(422)
                .body("problems[0].path", equalTo("$.form.reason"),
                        "problems[0].message", containsString("Technical issue, Billing dispute, Unhappy customer"));
        runShortcut(ws, "ada", workflow, "alice", Map.of("reason", "Technical issue", "details", "The app crashes at login"))
                .then().statusCode(201);
        runShortcut(ws, "ben", workflow, "alice", Map.of("reason", "billing dispute")).then().statusCode(201);
        runShortcut(ws, "cat", workflow, "alice", Map.of("reason", "Unhappy customer", "details", "Third delay this month"))
                .then().statusCode(201);

        assertEquals("eve", ws.assignee("ada"));
        assertEquals(List.of("Escalated by Alice: Technical issue. The app crashes at login"),
                ws.conversation("ada").getList("comments.text"));
        assertEquals("bill", ws.assignee("ben"));
        assertEquals(List.of("Escalated by Alice: Billing dispute"), ws.conversation("ben").getList("comments.text"));
        assertEquals("sam", ws.assignee("cat"));
        assertEquals(List.of("Escalated by Alice: Unhappy customer. Third delay this month"),
                ws.conversation("cat").getList("comments.text"));
        assertEquals(List.of("Hi Cat, we have passed your conversation to a specialist who will follow up shortly."),
                sentTo(ws, "cat"));
    }
}
