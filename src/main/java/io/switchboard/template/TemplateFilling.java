package io.switchboard.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.switchboard.document.Problem;
import io.switchboard.inbox.Directory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a template's placeholders with a user's parameter values. A string that is exactly one
 * placeholder takes the value itself (a number, a boolean, opening hours); a placeholder inside a longer
 * text takes the value's text. Where each value landed is remembered, so that a problem the workflow
 * parser finds there is reported against the parameter, the only thing the user wrote.
 */
public final class TemplateFilling {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Za-z][A-Za-z0-9_]*)}}");

    /** The filled workflow, and for each JSON path a parameter filled, that parameter's path in the request. */
    public record Filled(ObjectNode document, Map<String, String> origins) {

        /** The problem named by the parameter whose value it is about, when it is about one. */
        public Problem byParameter(Problem problem) {
            String best = null;
            for (String path : origins.keySet()) {
                boolean within = problem.path().equals(path) || problem.path().startsWith(path + ".")
                        || problem.path().startsWith(path + "[");
                if (within && (best == null || path.length() > best.length())) {
                    best = path;
                }
            }
            return best == null ? problem
                    : new Problem(origins.get(best) + problem.path().substring(best.length()), problem.message());
        }
    }

    public static class InvalidParameters extends RuntimeException {
        private final List<Problem> problems;

        InvalidParameters(List<Problem> problems) {
            super(problems.size() + " invalid parameter(s)");
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() {
            return problems;
        }
    }

    private TemplateFilling() {
    }

    /**
     * Checks every value (unknown names, missing required ones, wrong types, users and teams that do not
     * exist) and reports all problems at once; otherwise fills the template.
     */
    public static Filled fill(Template template, JsonNode values, Directory directory) {
        List<Problem> problems = new ArrayList<>();
        Map<String, JsonNode> resolved = new LinkedHashMap<>();
        values.fieldNames().forEachRemaining(name -> {
            if (template.parameter(name).isEmpty()) {
                problems.add(new Problem(path(name), "unknown parameter; " + template.id() + " takes "
                        + String.join(", ", template.parameters().stream().map(TemplateParameter::name).toList())));
            }
        });
        for (TemplateParameter p : template.parameters()) {
            JsonNode value = values.get(p.name());
            if (value == null || value.isNull()) {
                if (p.required()) {
                    problems.add(new Problem(path(p.name()), "required: " + p.description()));
                } else {
                    resolved.put(p.name(), p.defaultValue());
                }
                continue;
            }
            p.type().problem(value, p.options(), directory)
                    .ifPresentOrElse(problem -> problems.add(new Problem(path(p.name()), problem)),
                            () -> resolved.put(p.name(), value));
        }
        if (!problems.isEmpty()) {
            throw new InvalidParameters(problems);
        }
        Map<String, String> origins = new LinkedHashMap<>();
        JsonNode document = fill(template.workflow(), "$", resolved, origins);
        return new Filled((ObjectNode) document, origins);
    }

    /** The parameters an item names itself, not inside a list it holds (whose items are judged on their own). */
    private static Set<String> ownPlaceholders(JsonNode node) {
        if (node.isArray()) {
            return Set.of();
        }
        Set<String> names = new LinkedHashSet<>();
        if (node.isTextual()) {
            names.addAll(placeholders(node));
        }
        node.elements().forEachRemaining(child -> names.addAll(ownPlaceholders(child)));
        return names;
    }

    private static boolean isUnset(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode();
    }

    /** Every parameter name the node's strings mention. */
    static Set<String> placeholders(JsonNode node) {
        Set<String> names = new LinkedHashSet<>();
        if (node.isTextual()) {
            Matcher m = PLACEHOLDER.matcher(node.asText());
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        node.elements().forEachRemaining(child -> names.addAll(placeholders(child)));
        return names;
    }

    private static JsonNode fill(JsonNode node, String at, Map<String, JsonNode> values, Map<String, String> origins) {
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            node.fields().forEachRemaining(e -> out.set(e.getKey(), fill(e.getValue(), at + "." + e.getKey(), values, origins)));
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            for (int i = 0; i < node.size(); i++) {
                // an item naming an optional parameter left unset is left out (a WhatsApp template response)
                if (ownPlaceholders(node.get(i)).stream().anyMatch(name -> isUnset(values.get(name)))) {
                    continue;
                }
                out.add(fill(node.get(i), at + "[" + out.size() + "]", values, origins));
            }
            return out;
        }
        if (!node.isTextual()) {
            return node;
        }
        String text = node.asText();
        Matcher whole = PLACEHOLDER.matcher(text);
        if (whole.matches()) {
            origins.put(at, path(whole.group(1)));
            return values.get(whole.group(1)).deepCopy();
        }
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (m.find()) {
            origins.putIfAbsent(at, path(m.group(1)));
            JsonNode value = values.get(m.group(1));
            m.appendReplacement(filled, Matcher.quoteReplacement(value.isTextual() ? value.asText() : value.toString()));
        }
        m.appendTail(filled);
        return TextNode.valueOf(filled.toString());
    }

    private static String path(String parameter) {
        return "$.parameters." + parameter;
    }
}
