package io.switchboard.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The templates shipped as resources: {@code templates/index.txt} lists their ids in the order users see
 * them, {@code templates/<id>.json} holds each. A listed file rather than a classpath scan, because a
 * scan does not work the same in a packaged jar and a Lambda zip. A malformed template stops the
 * application at start, never a user's install.
 */
public final class TemplateCatalog {

    private static final Pattern ID = Pattern.compile("[a-z0-9-]{1,64}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

    private final Map<String, Template> templates = new LinkedHashMap<>();

    public TemplateCatalog(ObjectMapper json) {
        for (String id : read("/templates/index.txt").lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
            try {
                templates.put(id, parse(id, json.readTree(read("/templates/" + id + ".json"))));
            } catch (IOException e) {
                throw new IllegalStateException("template " + id + " is not valid JSON: " + e.getMessage(), e);
            }
        }
    }

    public List<Template> all() {
        return List.copyOf(templates.values());
    }

    public Optional<Template> find(String id) {
        return Optional.ofNullable(templates.get(id));
    }

    private static Template parse(String id, JsonNode node) {
        require(ID.matcher(id).matches(), id, "ids are lower-case letters, digits and '-'");
        require(id.equals(node.path("id").asText()), id, "its \"id\" must be its file name");
        List<TemplateParameter> parameters = new ArrayList<>();
        for (JsonNode p : node.path("parameters")) {
            parameters.add(parameter(id, p));
        }
        Set<String> declared = new LinkedHashSet<>();
        parameters.forEach(p -> require(declared.add(p.name()), id, "parameter " + p.name() + " is declared twice"));
        Set<String> used = TemplateFilling.placeholders(node.path("workflow"));
        for (String name : used) {
            require(declared.contains(name), id, "placeholder {{" + name + "}} names no parameter");
        }
        for (String name : declared) {
            require(used.contains(name), id, "parameter " + name + " is never used by the workflow");
        }
        for (String field : List.of("name", "recipe", "description")) {
            require(node.path(field).isTextual(), id, "\"" + field + "\" is required");
        }
        require(node.path("workflow").isObject(), id, "\"workflow\" must be a workflow document");
        return new Template(id, node.get("name").asText(), node.get("recipe").asText(), node.get("description").asText(),
                List.copyOf(parameters), node.get("workflow"));
    }

    private static TemplateParameter parameter(String id, JsonNode p) {
        String name = p.path("name").asText();
        require(NAME.matcher(name).matches(), id, "parameter names are letters, digits and '_': " + name);
        ParameterType type = ParameterType.fromWire(p.path("type").asText()).orElseThrow(
                () -> new IllegalStateException("template " + id + ": parameter " + name + " has unknown type "
                        + p.path("type")));
        List<String> options = new ArrayList<>();
        p.path("options").forEach(o -> options.add(o.asText()));
        require(type != ParameterType.CHOICE || !options.isEmpty(), id, "choice parameter " + name + " needs options");
        JsonNode defaultValue = p.get("default");
        boolean required = p.path("required").asBoolean(false);
        require(required == (defaultValue == null), id, "parameter " + name + " is either required or has a default");
        require(p.path("description").isTextual(), id, "parameter " + name + " needs a description");
        JsonNode example = p.get("example");
        require(example != null, id, "parameter " + name + " needs an example");
        // a null default is "none": the list item that names the parameter is left out (TemplateFilling)
        for (JsonNode value : defaultValue == null || defaultValue.isNull() ? List.of(example)
                : List.of(example, defaultValue)) {
            type.problem(value, options, null).ifPresent(problem -> {
                throw new IllegalStateException("template " + id + ": parameter " + name + ": " + value + " " + problem);
            });
        }
        return new TemplateParameter(name, type, p.get("description").asText(), required, defaultValue, example,
                List.copyOf(options));
    }

    private static void require(boolean ok, String id, String message) {
        if (!ok) {
            throw new IllegalStateException("template " + id + ": " + message);
        }
    }

    private static String read(String resource) {
        try (InputStream in = TemplateCatalog.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
