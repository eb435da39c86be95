package io.switchboard.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.document.WorkflowSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README and the docs are where users learn what exists: every step type of the published schema
 * and every template must be there, and each template's documented install body must be the one its
 * own test installs with, so a copied example works.
 */
class TemplateDocsTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Pattern CATALOG_ENTRY = Pattern.compile("### `([a-z0-9-]+)`\\n.*?```json\\n(.*?)\\n```", Pattern.DOTALL);

    static String read(String path) throws IOException {
        return Files.readString(Path.of(path));
    }

    static List<String> templateIds() throws IOException {
        return read("src/main/resources/templates/index.txt").lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    @Test
    void theReadmeAndTheStepsPageNameEveryStepTypeAndEveryTemplate() throws IOException {
        String readme = read("README.md");
        String steps = read("docs/steps.md");
        // the served schema, assembled from the step registry
        JsonNode types = JSON.readTree(new WorkflowSchema().text()).at("/$defs/step/properties/type/enum");
        List<String> missing = new ArrayList<>();
        types.forEach(t -> {
            if (!readme.contains("`" + t.asText() + "`")) {
                missing.add("README: step " + t.asText());
            }
            if (!steps.contains("\"type\": \"" + t.asText() + "\"")) {
                missing.add("docs/steps.md: an example of " + t.asText());
            }
        });
        for (String id : templateIds()) {
            if (!readme.contains("`" + id + "`")) {
                missing.add("README: template " + id);
            }
        }
        assertTrue(types.size() >= 16, "the schema lists the step types");
        assertEquals(List.of(), missing);
    }

    @Test
    void everyTemplateHasACatalogEntryWhoseInstallBodyUsesItsExampleValues() throws IOException {
        Map<String, JsonNode> documented = new LinkedHashMap<>();
        Matcher m = CATALOG_ENTRY.matcher(read("docs/templates.md"));
        while (m.find()) {
            documented.put(m.group(1), JSON.readTree(m.group(2)));
        }
        assertEquals(templateIds(), List.copyOf(documented.keySet()), "one entry per template, in catalog order");
        for (String id : templateIds()) {
            JsonNode template = JSON.readTree(read("src/main/resources/templates/" + id + ".json"));
            Map<String, JsonNode> examples = new LinkedHashMap<>();
            template.get("parameters").forEach(p -> {
                if (p.path("required").asBoolean(false)) {
                    examples.put(p.get("name").asText(), p.get("example"));
                }
            });
            assertEquals(JSON.valueToTree(examples), documented.get(id).get("parameters"), id);
        }
    }
}
