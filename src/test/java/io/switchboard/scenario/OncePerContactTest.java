package io.switchboard.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.support.DynamoDbLocalResource;
import io.switchboard.support.Workspace;
import java.util.List;
import org.junit.jupiter.api.Test;

/** "Trigger once per contact": a contact enrolled once is never enrolled again. */
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
}
