package io.switchboard.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * A ready-made workflow for one recipe of the product documentation: the workflow document with
 * {@code {{parameter}}} placeholders, and the parameters a user fills in on install.
 */
public record Template(String id, String name, String recipe, String description, List<TemplateParameter> parameters,
        JsonNode workflow) {

    public Optional<TemplateParameter> parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
