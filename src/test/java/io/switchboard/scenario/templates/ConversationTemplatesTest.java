package io.switchboard.scenario.templates;

import static io.switchboard.scenario.templates.Installs.install;
import static io.switchboard.scenario.templates.Installs.sentTo;
import static io.switchboard.scenario.templates.Installs.tags;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.support.DynamoDbLocalResource;
import io.switchboard.support.MutableClock;
import io.switchboard.support.Workspace;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Templates that act on conversations already under way: transfer, escalation, spam, closing, unassigning. */
@QuarkusTest
@QuarkusTestResource(DynamoDbLocalResource.class)
class ConversationTemplatesTest {

    @Inject
    MutableClock clock;

    static void assign(Workspace ws, String contactId, String userId) {
        ws.api().body(Map.of("userId", userId)).put("/api/v1/contacts/" + contactId + "/assignee").then().statusCode(200);
    }

    /** The seed's full page: first agent, 15 minutes, reassign to the team with a comment. */
    @Test
    void anUnansweredConversationMovesToAnotherAgentAfterFifteenMinutesAndAnAnsweredOneStays() {
        Workspace ws = Workspace.create().user("alice", true).user("bob", true).user("carol", false)
                .team("support", "alice", "bob", "carol");
        install(ws, "prompt-transfer", Map.of("firstAgentId", "alice", "teamId", "support"));

        ws.contactSays("ada", "m-1", "Where is my order?").then().statusCode(200);
        ws.contactSays("ben", "m-1", "Can you help?").then().statusCode(200);
        assertEquals("alice", ws.assignee("ada"));
        clock.advance(Duration.ofMinutes(10));
        ws.agentReplies("ben", "alice", "Hi Ben, on it");
        clock.advance(Duration.ofMinutes(6));
        Workspace.sweep();

        assertEquals("bob", ws.assignee("ada"), "Carol is offline and Alice did not reply");
        assertEquals(List.of("Reassigned Ada from Alice to Bob: no reply within the wait"),
                ws.conversation("ada").getList("comments.text"));
        assertEquals("alice", ws.assignee("ben"));
        assertEquals(List.of(), ws.conversation("ben").getList("comments"));
    }

    @Test
    void closingAConversationUnassignsTheAgent() {
        Workspace ws = Workspace.create().user("alice", true);
        install(ws, "unassign-after-close", Map.of());
        ws.contactSays("ada", "m-1", "Hi").then().statusCode(200);
        assign(ws, "ada", "alice");

        ws.close("ada");

        assertNull(ws.assignee("ada"));
    }

    @Test
    void taggingForEscalationHandsTheConversationToTheOnlineSupervisorTellsTheContactAndClearsTheTag() {
        Workspace ws = Workspace.create().user("alice", true).user("sam", true).user("sue", false)
                .team("supervisors", "sue", "sam");
        install(ws, "escalation", Map.of("escalationTeamId", "supervisors"));
        ws.contactSays("ada", "m-1", "This is the third time I write!").then().statusCode(200);
        assign(ws, "ada", "alice");

        ws.api().body(Map.of("add", List.of("escalate"))).put("/api/v1/contacts/ada/tags").then().statusCode(200);

        assertEquals("sam", ws.assignee("ada"));
        assertEquals(List.of("Escalated from Alice to Sam"), ws.conversation("ada").getList("comments.text"));
        assertEquals(List.of("Hi Ada, we have passed your conversation to a specialist who will follow up shortly."),
                sentTo(ws, "ada"));
        assertEquals(List.of(), tags(ws, "ada"), "the tag is cleared so Ada can be escalated again");
    }

    @Test
    void taggingAContactAsSpamUnassignsAndClosesTheirConversation() {
        Workspace ws = Workspace.create().user("alice", true);
        install(ws, "manage-spam", Map.of());
        ws.contactSays("bot", "m-1", "Buy cheap followers").then().statusCode(200);
        assign(ws, "bot", "alice");

        ws.api().body(Map.of("add", List.of("spam"))).put("/api/v1/contacts/bot/tags").then().statusCode(200);

        assertEquals("closed", ws.conversation("bot").getString("status"));
        assertNull(ws.assignee("bot"));
    }

    @Test
    void aBlockedContactsNewConversationIsClosedOnArrivalWithANote() {
        Workspace ws = Workspace.create();
        install(ws, "block-contacts", Map.of("blockTag", "blocked"));
        ws.contactSays("bot", "m-1", "Buy cheap followers").then().statusCode(200);
        ws.contactSays("ada", "m-1", "Hello").then().statusCode(200);
        assertEquals("open", ws.conversation("bot").getString("status"), "not blocked yet");
        ws.close("bot");
        ws.api().body(Map.of("add", List.of("blocked"))).put("/api/v1/contacts/bot/tags").then().statusCode(200);

        ws.contactSays("bot", "m-2", "Buy cheap followers again").then().statusCode(200);

        assertEquals("closed", ws.conversation("bot").getString("status"));
        assertEquals(List.of("Closed on arrival: Bot is tagged blocked"), ws.conversation("bot").getList("comments.text"));
        assertEquals("open", ws.conversation("ada").getString("status"));
    }

    @Test
    void aSilentContactsConversationIsClosedWithAGoodbyeAndATalkingOneIsCheckedAgainLater() {
        Workspace ws = Workspace.create();
        install(ws, "close-idle-conversations", Map.of("idleAfter", "PT1H", "closingMessage", "Bye $contact.name!"));
        ws.contactSays("ada", "m-1", "Hi").then().statusCode(200);
        ws.contactSays("ben", "m-1", "Hi").then().statusCode(200);
        clock.advance(Duration.ofMinutes(30));
        ws.contactSays("ben", "m-2", "Let me check something").then().statusCode(200);
        clock.advance(Duration.ofMinutes(31));
        Workspace.sweep();

        assertEquals("closed", ws.conversation("ada").getString("status"));
        assertEquals(List.of("Bye Ada!"), sentTo(ws, "ada"));
        assertEquals("open", ws.conversation("ben").getString("status"), "Ben wrote 31 minutes ago");

        clock.advance(Duration.ofMinutes(61));
        Workspace.sweep();
        assertEquals("closed", ws.conversation("ben").getString("status"), "checked again an hour later: idle");
        assertEquals(List.of("Bye Ben!"), sentTo(ws, "ben"));
    }
}
