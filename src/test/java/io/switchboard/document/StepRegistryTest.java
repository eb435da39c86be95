package io.switchboard.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.engine.step.StepType;
import io.switchboard.engine.step.StepTypes;
import io.switchboard.engine.step.jumpto.JumpToType;
import io.switchboard.engine.workflow.Step;
import io.switchboard.support.StepExamples;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The registry is the one list of step types: every registered type has a schema fragment that the
 * served schema applies, an example that saves, and a record the parser builds. Generated per type, so
 * a type registered without them fails here.
 */
class StepRegistryTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final WorkflowSchema SCHEMA = new WorkflowSchema();
    static final WorkflowParser PARSER = new WorkflowParser(SCHEMA);

    static ObjectNode workflowWith(StepType<?> type) {
        return workflowWith(SCHEMA, type);
    }

    static ObjectNode workflowWith(WorkflowSchema schema, StepType<?> type) {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("name", "Example");
        doc.putObject("trigger").put("type", "conversation_opened");
        StepExamples examples = new StepExamples(schema);
        assertTrue(examples.example(type).isObject(), type.name() + "'s schema fragment has an example under examples");
        doc.putArray("steps").add(examples.step(type));
        return doc;
    }

    @Test
    void theRegistryHoldsEveryStepTypeOfTheWorkflowModuleAndTheSchemaListsThem() throws Exception {
        assertEquals(16, StepTypes.STANDARD.all().size());
        JsonNode served = JSON.readTree(SCHEMA.text());
        List<String> names = StepTypes.STANDARD.all().stream().map(StepType::name).toList();
        List<String> listed = Stream.of(served.at("/$defs/step/properties/type/enum")).flatMap(n -> {
            List<String> out = new java.util.ArrayList<>();
            n.forEach(v -> out.add(v.asText()));
            return out.stream();
        }).toList();
        assertEquals(names, listed);
        names.forEach(name -> assertTrue(served.at("/$defs/" + name).isObject(), "the schema defines " + name));
    }

    @TestFactory
    Stream<DynamicTest> everyTypesExampleSatisfiesTheSchemaAndParsesIntoItsRecord() {
        return StepTypes.STANDARD.all().stream().map(type -> DynamicTest.dynamicTest(type.name(), () -> {
            ObjectNode doc = workflowWith(type);
            assertEquals(List.of(), SCHEMA.validate(doc));
            Step step = PARSER.parse("ws", "wf", 1, doc).steps().get(0);
            assertInstanceOf(type.stepClass(), step);
            assertEquals(type.name(), step.type());
            assertEquals(JumpToType.EXAMPLE_ID, step.id());
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyTypesFragmentRefusesAFieldItDoesNotDeclare() {
        return StepTypes.STANDARD.all().stream().map(type -> DynamicTest.dynamicTest(type.name(), () -> {
            ObjectNode doc = workflowWith(type);
            ((ObjectNode) doc.get("steps").get(0)).put("colour", "blue");
            InvalidWorkflowException e = assertThrows(InvalidWorkflowException.class,
                    () -> PARSER.parse("ws", "wf", 1, doc));
            assertTrue(e.problems().stream().anyMatch(p -> p.path().equals("$.steps[0]")
                    && p.message().contains("colour")), e.problems().toString());
        }));
    }

    @Test
    void aRegistryWithAnotherTypeServesItsSchemaAndParsesIt() {
        StepType<?> echo = new EchoType();
        StepTypes more = StepTypes.STANDARD.with(echo);
        WorkflowSchema schema = new WorkflowSchema(more);
        WorkflowParser parser = new WorkflowParser(schema, more);
        ObjectNode doc = workflowWith(schema, echo);
        Step step = parser.parse("ws", "wf", 1, doc).steps().get(0);
        assertEquals(new EchoType.EchoStep(JumpToType.EXAMPLE_ID, "hello"), step);
        // the standard registry does not know it
        assertThrows(InvalidWorkflowException.class, () -> PARSER.parse("ws", "wf", 1, doc));
        assertThrows(IllegalArgumentException.class, () -> more.with(new EchoType()), "a type is registered once");
    }
}
