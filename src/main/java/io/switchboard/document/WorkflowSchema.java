package io.switchboard.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.switchboard.engine.step.StepType;
import io.switchboard.engine.step.StepTypes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The published JSON Schema of workflow documents; the first check every saved document passes. The
 * workflow, trigger and condition parts are {@value #RESOURCE}; each registered step type adds its
 * fragment (beside its descriptor) as {@code #/$defs/<type name>}, and {@code #/$defs/step} is built
 * from the registry, so the schema cannot name a type the engine does not run or miss one it does.
 */
public final class WorkflowSchema {

    public static final String RESOURCE = "/schema/workflow.schema.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonSchema schema;
    private final String text;

    public WorkflowSchema() {
        this(StepTypes.STANDARD);
    }

    public WorkflowSchema(StepTypes types) {
        ObjectNode document = assemble(types);
        try {
            text = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().pathType(PathType.JSON_PATH).build();
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(document, config);
    }

    private static ObjectNode assemble(StepTypes types) {
        ObjectNode document = (ObjectNode) read(WorkflowSchema.class, RESOURCE);
        ObjectNode defs = (ObjectNode) document.get("$defs");
        ObjectNode step = defs.putObject("step");
        step.put("type", "object");
        step.putArray("required").add("type");
        ArrayNode names = step.putObject("properties").putObject("type").putArray("enum");
        ArrayNode cases = step.putArray("allOf");
        for (StepType<?> type : types.all()) {
            names.add(type.name());
            ObjectNode fragment = (ObjectNode) read(type.getClass(), type.schemaResource());
            // a fragment's own helper definitions (Date & Time's opening hours) join the shared ones
            JsonNode helpers = fragment.remove("$defs");
            if (helpers != null) {
                for (Iterator<Map.Entry<String, JsonNode>> it = helpers.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> helper = it.next();
                    define(defs, helper.getKey(), helper.getValue(), type);
                }
            }
            // every step has its type, id and name; a fragment declares only its own fields
            ObjectNode properties = (ObjectNode) fragment.get("properties");
            ObjectNode common = JSON.createObjectNode();
            common.put("type", true);
            common.putObject("id").put("$ref", "#/$defs/id");
            common.putObject("name").put("type", "string");
            common.setAll(properties);
            fragment.set("properties", common);
            define(defs, type.name(), fragment, type);
            ObjectNode when = cases.addObject();
            when.putObject("if").putObject("properties").putObject("type").put("const", type.name());
            when.putObject("then").put("$ref", "#/$defs/" + type.name());
        }
        return document;
    }

    private static void define(ObjectNode defs, String name, JsonNode schema, StepType<?> type) {
        if (defs.has(name)) {
            throw new IllegalStateException("the schema of step type " + type.name() + " defines " + name
                    + ", which is already defined");
        }
        defs.set(name, schema);
    }

    private static JsonNode read(Class<?> beside, String resource) {
        try (InputStream in = beside.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no schema resource " + resource + " beside " + beside.getName());
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String text() {
        return text;
    }

    public List<Problem> validate(JsonNode document) {
        return schema.validate(document).stream()
                .sorted(Comparator.comparing((ValidationMessage m) -> m.getInstanceLocation().toString()))
                .map(m -> new Problem(m.getInstanceLocation().toString(), message(m)))
                .distinct()
                .toList();
    }

    /** The library prefixes its message with the location; we report the location separately. */
    private static String message(ValidationMessage m) {
        String full = m.getMessage();
        String prefix = m.getInstanceLocation().toString() + ": ";
        return full.startsWith(prefix) ? full.substring(prefix.length()) : full;
    }
}
