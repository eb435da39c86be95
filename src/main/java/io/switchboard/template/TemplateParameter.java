package io.switchboard.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One value a user supplies on install. A parameter is required unless it has a default; the example
 * is what the template's own test installs with, and what a user can copy.
 */
public record TemplateParameter(String name, ParameterType type, String description, boolean required,
        JsonNode defaultValue, JsonNode example, List<String> options) {
}
