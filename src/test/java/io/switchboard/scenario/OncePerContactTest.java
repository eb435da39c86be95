package io.switchboard.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.support.DynamoDbLocalResource;
import io.switchboard.support.Workspace;
import java.util.List;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * Re-entry: "Trigger once per contact" (a contact enrolled once is never enrolled again) and "one run
 * at a time" (not enrolled again while a run of the workflow is in progress).
 */
@QuarkusTest
@QuarkusTestResource(DynamoDbLocalResource.class)
class OncePerContactTest {

    @Test
    void aWelcomeThatTriggersOncePerContactGreetsOnlyTheFirstConversation() {
        Workspace ws = Workspace.create();
        ws.publish("""
            {"name": "Welcome", "trigger": {"type": "conversation_opened", "oncePerContact": true},
             "steps": [{"id": "hello", "type": "add_comment", "text": "First contact"}]}
            """);
        ws.publish("""
            {"name": "Every time", "trigger": {"type": "conversation_opened"},
             "steps": [{"id": "note", "type": "add_comment", "text": "Opened"}]}
            """);

        ws.contactSays("ada", "m-1", "Hi").then().statusCode(200);
        assertEquals(List.of("First contact", "Opened"),
                ws.conversation("ada").getList("comments.text").stream().sorted().toList());
        ws.close("ada");
        ws.contactSays("ada", "m-2", "Hi again").then().statusCode(200);
        ws.contactSays("ben", "m-1", "Hi").then().statusCode(200);

        assertEquals(List.of("Opened"), ws.conversation("ada").getList("comments.text"));
        assertEquals(3, ws.runs("ada").getList("runs").size(), "welcome once, every-time twice");
        assertEquals(2, ws.conversation("ben").getList("comments").size(), "another contact is enrolled");
    }

    @Test
    void oneRunAtATimeKeepsAContactOutWhileItsRunWaitsAndLetsItInAfterwards() {
        Workspace ws = Workspace.create();
        ws.publish("""
            {"name": "Nudge VIPs", "trigger": {"type": "contact_tag_updated", "tag": "vip", "oneRunAtATime": true},
             "steps": [{"id": "wait", "type": "wait", "duration": "PT1H"},
                       {"id": "note", "type": "add_comment", "text": "Nudged"}]}
            """);
        ws.contactSays("ada", "m-1", "Hi").then().statusCode(200);
        tag(ws, "ada", "vip", true);
        tag(ws, "ada", "vip", false);
        tag(ws, "ada", "vip", true);
        assertEquals(1, ws.runs("ada").getList("runs").size(), "the second tagging found a run in progress");

        clock.advance(java.time.Duration.ofMinutes(61));
        Workspace.sweep();
        assertEquals(List.of("Nudged"), ws.conversation("ada").getList("comments.text"));
        tag(ws, "ada", "vip", false);
        tag(ws, "ada", "vip", true);
        assertEquals(2, ws.runs("ada").getList("runs").size(), "after the run ended the contact may enter again");
    }

    @Inject
    io.switchboard.support.MutableClock clock;

    static void tag(Workspace ws, String contact, String tag, boolean add) {
        ws.api().body(java.util.Map.of(add ? "add" : "remove", List.of(tag))).put("/api/v1/contacts/" + contact + "/tags")
                .then().statusCode(200);
    }
}
