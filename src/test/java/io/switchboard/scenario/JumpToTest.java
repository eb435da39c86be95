package io.switchboard.scenario;

import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.support.DynamoDbLocalResource;
import io.switchboard.support.Workspace;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Jump To: loops back a bounded number of times, then the next step runs. */
@QuarkusTest
@QuarkusTestResource(DynamoDbLocalResource.class)
class JumpToTest {

    @Test
    void aJumpLoopStopsAfterItsMaximumAndTheNextStepRuns() {
        Workspace ws = Workspace.create();
        ws.publish("""
            {"name": "Nudge three times", "trigger": {"type": "conversation_opened"},
             "steps": [
               {"id": "nudge", "type": "add_comment", "text": "nudge"},
               {"id": "again", "type": "jump_to", "target": "nudge", "maxJumps": 3},
               {"id": "done", "type": "add_comment", "text": "done"}]}
            """);

        ws.contactSays("ada", "m-1", "Hi").then().statusCode(200);

        assertEquals(List.of("nudge", "nudge", "nudge", "nudge", "done"), ws.conversation("ada").getList("comments.text"));
        assertEquals("jump skipped: 3 jumps made", ws.runs("ada").getList("runs[0].history.outcome").get(7));
    }

    @Test
    void aJumpIntoABranchAndOutOfItFollowsTheTree() {
        Workspace ws = Workspace.create();
        ws.publish("""
            {"name": "Jump forward into a branch", "trigger": {"type": "conversation_opened"},
             "steps": [
               {"id": "skip", "type": "jump_to", "target": "inside"},
               {"id": "skipped", "type": "add_comment", "text": "skipped"},
               {"id": "check", "type": "branch", "branches": [{"conditions": [
                   {"category": "contact_tag", "operator": "exists"}], "steps": [
                   {"id": "inside", "type": "add_comment", "text": "inside"}]}]},
               {"id": "after", "type": "add_comment", "text": "after"}]}
            """);

        ws.contactSays("ben", "m-1", "Hi").then().statusCode(200);

        assertEquals(List.of("inside", "after"), ws.conversation("ben").getList("comments.text"));
    }

    @Test
    void aJumpToAMissingStepOrTooManyJumpsIsRefusedOnSave() {
        Workspace ws = Workspace.create();
        ws.api().body("""
            {"name": "Bad jump", "trigger": {"type": "conversation_opened"},
             "steps": [{"id": "a", "type": "add_comment", "text": "a"},
                       {"type": "branch", "branches": [{"conditions": [{"category": "contact_tag", "operator": "exists"}],
                         "steps": [{"type": "jump_to", "target": "nowhere"}]}]}]}
            """).post("/api/v1/workflows").then().statusCode(422)
                .body("problems.path", hasItem("$.steps[1].branches[0].steps[0].target"));
        ws.api().body("""
            {"name": "Too many", "trigger": {"type": "conversation_opened"},
             "steps": [{"id": "a", "type": "jump_to", "target": "a", "maxJumps": 11}]}
            """).post("/api/v1/workflows").then().statusCode(422)
                .body("problems.path", hasItem("$.steps[0].maxJumps"));
    }
}
