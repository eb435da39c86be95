package io.switchboard.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.document.WorkflowSchema;
import io.switchboard.engine.step.StepType;
import io.switchboard.engine.step.jumpto.JumpToType;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Each step type's example document, as its schema fragment gives it under {@code examples}. */
public final class StepExamples {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode schema;

    public StepExamples(WorkflowSchema schema) {
        try {
            this.schema = JSON.readTree(schema.text());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fragment's first example; a missing node when the fragment has none. */
    public JsonNode example(StepType<?> type) {
        return schema.at("/$defs/" + type.name() + "/examples/0");
    }

    /** A step of the type: the example with the id examples are placed under and the type. */
    public ObjectNode step(StepType<?> type) {
        ObjectNode step = JSON.createObjectNode();
        step.put("id", JumpToType.EXAMPLE_ID);
        step.put("type", type.name());
        // a copy: callers put steps into its nested lists
        step.setAll(((ObjectNode) example(type)).deepCopy());
        return step;
    }
}
