package io.switchboard.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;

/** The published JSON Schema of workflow documents; the first check every saved document passes. */
public final class WorkflowSchema {

    public static final String RESOURCE = "/schema/workflow.schema.json";

    private final JsonSchema schema;
    private final String text;

    public WorkflowSchema() {
        try (InputStream in = WorkflowSchema.class.getResourceAsStream(RESOURCE)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().pathType(PathType.JSON_PATH).build();
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(text, config);
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
