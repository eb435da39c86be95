package io.switchboard.scenario;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.document.WorkflowParser;
import io.switchboard.document.WorkflowSchema;
import io.switchboard.engine.step.StepType;
import io.switchboard.engine.step.StepTypes;
import io.switchboard.engine.step.jumpto.JumpToType;
import io.switchboard.engine.workflow.NestedSteps;
import io.switchboard.engine.workflow.Step;
import io.switchboard.support.DynamoDbLocalResource;
import io.switchboard.support.StepExamples;
import io.switchboard.support.Workspace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * A Trigger Another Workflow step is checked on publish wherever it sits. The cases are generated
 * from the step registry: every nested list of every registered type (its example document, with the
 * step put into that list), so a new type or a new nested path is covered without a new test.
 */
@QuarkusTest
@QuarkusTestResource(DynamoDbLocalResource.class)
class TriggerWorkflowOnEveryPathTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Pattern INDEXED = Pattern.compile("(\\w+)\\[(\\d+)]");
    static final WorkflowSchema SCHEMA = new WorkflowSchema();
    static final WorkflowParser PARSER = new WorkflowParser(SCHEMA);
    static final StepExamples EXAMPLES = new StepExamples(SCHEMA);

    /** Every (type, nested list name) the registry declares, found by parsing each type's example. */
    static List<String[]> nestedPaths() {
        List<String[]> paths = new ArrayList<>();
        for (StepType<?> type : StepTypes.STANDARD.all()) {
            Step parsed = PARSER.parse("ws", "wf", 1, workflow(List.of(example(type)))).steps().get(0);
            for (NestedSteps nested : parsed.nested()) {
                paths.add(new String[] {type.name(), nested.name()});
            }
        }
        return paths;
    }

    static ObjectNode example(StepType<?> type) {
        return EXAMPLES.step(type);
    }

    static JsonNode workflow(List<JsonNode> steps) {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("name", "Caller");
        doc.putObject("trigger").put("type", "manual");
        doc.putArray("steps").addAll(steps);
        return doc;
    }

    /** The example of {@code type} with {@code steps} as the nested list named {@code name} ("branches[0].steps"). */
    static ObjectNode withNested(String type, String name, ArrayNode steps) {
        ObjectNode step = example(StepTypes.STANDARD.named(type).orElseThrow());
        ObjectNode at = step;
        String[] segments = name.split("\\.");
        for (int i = 0; i < segments.length - 1; i++) {
            Matcher m = INDEXED.matcher(segments[i]);
            at = m.matches() ? (ObjectNode) at.get(m.group(1)).get(Integer.parseInt(m.group(2)))
                    : (ObjectNode) at.get(segments[i]);
        }
        at.set(segments[segments.length - 1], steps);
        return step;
    }

    static ArrayNode triggering(String workflowId) {
        ArrayNode steps = JSON.createArrayNode();
        steps.addObject().put("id", "go").put("type", "trigger_workflow").put("workflowId", workflowId);
        return steps;
    }

    @Test
    void everyTypeWithNestedStepsIsCovered() {
        List<String> types = nestedPaths().stream().map(p -> p[0]).distinct().toList();
        for (String expected : List.of("assign_to", "branch", "date_time", "send_message", "http_request",
                "ask_question", "ai_agent", "add_google_sheets_row")) {
            assertFalse(!types.contains(expected), expected + " declares nested steps");
        }
    }

    @TestFactory
    Stream<DynamicTest> aTargetThatCannotBeStartedIsRefusedOnPublishOnEveryNestedPath() {
        Workspace ws = Workspace.create();
        String automatic = ws.publish("""
            {"name": "On open", "trigger": {"type": "conversation_opened"}, "steps": []}
            """);
        String unpublished = ws.api().body("""
            {"name": "Escalate", "trigger": {"type": "manual"}, "steps": []}
            """).post("/api/v1/workflows").then().statusCode(201).extract().jsonPath().getString("id");
        String manual = ws.publish("""
            {"name": "Follow up", "trigger": {"type": "manual"}, "steps": []}
            """);
        return nestedPaths().stream().map(p -> DynamicTest.dynamicTest(p[0] + " " + p[1], () -> {
            String problemAt = "$.steps[0]." + p[1] + "[0].workflowId";
            Map<String, String> refused = Map.of("self", "a workflow cannot trigger itself",
                    automatic, "workflow " + automatic + " starts on conversation_opened; only a workflow with a manual trigger can be triggered",
                    unpublished, "workflow " + unpublished + " is not published; publish it first",
                    "nowhere", "no workflow nowhere");
            String callerId = "caller-" + p[0].replace('_', '-') + "-" + p[1].replaceAll("[^A-Za-z0-9]", "");
            for (Map.Entry<String, String> target : refused.entrySet()) {
                String id = target.getKey().equals("self") ? callerId : target.getKey();
                save(ws, callerId, workflow(List.of(withNested(p[0], p[1], triggering(id)))));
                ws.api().post("/api/v1/workflows/" + callerId + "/publish").then().statusCode(422)
                        .body("problems.path", hasItem(problemAt),
                                "problems.find { it.path == '" + problemAt + "' }.message", equalTo(target.getValue()));
            }
            save(ws, callerId, workflow(List.of(withNested(p[0], p[1], triggering(manual)))));
            ws.api().post("/api/v1/workflows/" + callerId + "/publish").then().statusCode(200);
        }));
    }

    /** Creates the workflow with this id, or saves a new draft of it. */
    static void save(Workspace ws, String id, JsonNode document) {
        int status = ws.api().get("/api/v1/workflows/" + id).statusCode();
        if (status == 404) {
            ws.api().body(document.toString()).post("/api/v1/workflows?id=" + id).then().statusCode(201);
        } else {
            ws.api().body(document.toString()).put("/api/v1/workflows/" + id).then().statusCode(200);
        }
    }
}
