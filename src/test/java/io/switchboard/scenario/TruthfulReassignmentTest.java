package io.switchboard.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.support.DynamoDbLocalResource;
import io.switchboard.support.MutableClock;
import io.switchboard.support.Workflows;
import io.switchboard.support.Workspace;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * When the agent who did not reply is the only eligible member of the team, the reassignment does
 * not pretend: the contact waits in the queue (as respond.io queues until someone qualifies), no
 * comment says "from Alice to Alice", and the first other agent to come online takes over.
 */
@QuarkusTest
@QuarkusTestResource(DynamoDbLocalResource.class)
class TruthfulReassignmentTest {

    @Inject
    MutableClock clock;

    @Test
    void queuesInsteadOfReassigningToTheSameAgentAndHandsOverWhenAnotherComesOnline() {
        Workspace ws = Workspace.create().user("alice", true).user("bob", false).team("support", "alice", "bob");
        ws.publish(Workflows.promptTransfer("alice", "support", "round_robin", "PT15M"));
        ws.contactSays("ada", "m-1", "Hello?").then().statusCode(200);
        assertEquals("alice", ws.assignee("ada"));

        clock.advance(Duration.ofMinutes(16));
        Workspace.sweep();
        assertEquals("alice", ws.assignee("ada"), "still Alice's: nobody else could take it");
        assertEquals(List.of(), ws.conversation("ada").getList("comments.text"), "no comment claims a reassignment");
        assertEquals("waiting", ws.runs("ada").getString("runs[0].status"), "queued for another agent");

        ws.online("bob", true);
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        Workspace.sweep();
        assertEquals("bob", ws.assignee("ada"));
        assertEquals(List.of("Reassigned Ada from Alice to Bob"), ws.conversation("ada").getList("comments.text"));
    }
}
