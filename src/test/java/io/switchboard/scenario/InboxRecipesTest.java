package io.switchboard.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.support.DynamoDbLocalResource;
import io.switchboard.support.MutableClock;
import io.switchboard.support.PrometheusText;
import io.switchboard.support.Workflows;
import io.switchboard.support.Workspace;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Recipes of the seed built from this steps: unassign after close, and closing idle conversations. */
@QuarkusTest
@QuarkusTestResource(DynamoDbLocalResource.class)
class InboxRecipesTest {

    @Inject
    MutableClock clock;

    @Test
    void unassignsTheAgentWhenAConversationIsClosed() {
        Workspace ws = Workspace.create().user("alice", true);
        ws.publish("""
            {"name": "Assignment: Unassign After Conversation Closes",
             "trigger": {"type": "conversation_closed"},
             "steps": [{"id": "unassign", "type": "assign_to", "action": "unassign"}]}
            """);
        ws.contactSays("ada", "m-1", "Hi").then().statusCode(200);
        ws.api().body(java.util.Map.of("userId", "alice")).put("/api/v1/contacts/ada/assignee").then().statusCode(200);
        assertEquals("alice", ws.assignee("ada"));

        ws.close("ada");

        assertNull(ws.assignee("ada"));
        assertEquals("user", ws.runs("ada").getString("runs[0].trigger.source"));
        assertEquals(List.of("unassigned"), ws.runs("ada").getList("runs[0].history.outcome"));
    }

    @Test
    void closesAConversationTheContactLeftIdleAndCommentsWhy() {
        Workspace ws = Workspace.create().user("alice", true);
        ws.publish(Workflows.closeIdle("Closed on $system.current_date: $contact.name went quiet"));
        ws.contactSays("ben", "m-1", "Hi").then().statusCode(200);
        ws.contactSays("cat", "m-1", "Hi").then().statusCode(200);
        clock.advance(Duration.ofMinutes(30));
        ws.contactSays("cat", "m-2", "Still there?").then().statusCode(200);
        clock.advance(Duration.ofMinutes(31));
        Workspace.sweep();

        assertEquals("closed", ws.conversation("ben").getString("status"));
        assertEquals(1, ws.conversation("ben").getList("comments").size());
        assertEquals("open", ws.conversation("cat").getString("status"), "Cat wrote 31 minutes ago");
    }

    @Test
    void anAgentsCloseReadsTheContactOnce() {
        Workspace ws = Workspace.create().user("alice", true);
        ws.contactSays("cara", "m-1", "Hi").then().statusCode(200);
        ws.contactSays("cato", "m-1", "Hi").then().statusCode(200);
        ws.close("cato"); // this process now holds the API key's workspace, as a busy one does
        double reads = PrometheusText.dynamoDbRequests("GetItem");

        ws.close("cara");

        // the endpoint's read of the contact is the close's: its write is conditional on that conversation
        // still being the open one (a close used to read the contact twice)
        assertEquals(1, PrometheusText.dynamoDbRequests("GetItem") - reads, "items read for one close");
        assertEquals("closed", ws.conversation("cara").getString("status"));
    }
}
