package io.switchboard.scenario;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.support.DynamoDbLocalResource;
import io.switchboard.support.Workspace;
import java.util.Collections;
import org.junit.jupiter.api.Test;

/** The product's limits, refused on save with the JSON path and the limit in the message. */
@QuarkusTest
@QuarkusTestResource(DynamoDbLocalResource.class)
class WorkflowLimitsTest {

    @Test
    void moreThanNineBranchesIsRefused() {
        String branch = "{\"conditions\": [{\"category\": \"contact_tag\", \"operator\": \"exists\"}]}";
        Workspace.create().api().body("""
            {"name": "Ten branches", "trigger": {"type": "conversation_opened"},
             "steps": [{"type": "branch", "branches": [%s]}]}
            """.formatted(String.join(",", Collections.nCopies(10, branch))))
                .post("/api/v1/workflows").then().statusCode(422)
                .body("problems.path", hasItem("$.steps[0].branches"), "message", containsString("at most 9"));
    }

    @Test
    void moreThanTenJumpsOrTenTagsOrAHundredStepsIsRefused() {
        Workspace ws = Workspace.create();
        ws.api().body("""
            {"name": "Jumps", "trigger": {"type": "conversation_opened"},
             "steps": [{"id": "a", "type": "jump_to", "target": "a", "maxJumps": 11}]}
            """).post("/api/v1/workflows").then().statusCode(422)
                .body("problems.path", hasItem("$.steps[0].maxJumps"), "message", containsString("10"));
        String step = "{\"type\": \"add_comment\", \"text\": \"x\"}";
        ws.api().body("""
            {"name": "Steps", "trigger": {"type": "conversation_opened"}, "steps": [%s]}
            """.formatted(String.join(",", Collections.nCopies(101, step))))
                .post("/api/v1/workflows").then().statusCode(422)
                .body("problems.path", hasItem("$.steps"), "message", containsString("at most 100 steps"));
        ws.api().body("""
            {"name": "Wait", "trigger": {"type": "conversation_opened"},
             "steps": [{"type": "wait", "duration": "P8D"}]}
            """).post("/api/v1/workflows").then().statusCode(422)
                .body("problems.path", hasItem("$.steps[0].duration"));
    }
}
