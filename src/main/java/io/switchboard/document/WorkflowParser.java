package io.switchboard.document;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.engine.condition.Category;
import io.switchboard.engine.condition.Condition;
import io.switchboard.engine.condition.ConditionGroup;
import io.switchboard.engine.condition.ConditionNode;
import io.switchboard.engine.condition.Operator;
import io.switchboard.engine.step.StepReader;
import io.switchboard.engine.step.StepType;
import io.switchboard.engine.step.StepTypes;
import io.switchboard.engine.workflow.Step;
import io.switchboard.engine.workflow.Trigger;
import io.switchboard.engine.workflow.TriggerType;
import io.switchboard.engine.workflow.WorkflowDefinition;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a workflow document into engine definitions: first the JSON Schema, then the rules a schema
 * cannot express (unique step ids, the step limit, wait range, operators that fit their category).
 * Either every problem is reported with its JSON path, or the definition is complete.
 */
public final class WorkflowParser {

    /** The product's limit of steps per workflow, Branch and nested steps included. */
    public static final int MAX_STEPS = 100;

    private final WorkflowSchema schema;
    private final StepTypes types;

    public WorkflowParser(WorkflowSchema schema) {
        this(schema, StepTypes.STANDARD);
    }

    /** With the step types the schema was assembled from. */
    public WorkflowParser(WorkflowSchema schema, StepTypes types) {
        this.schema = schema;
        this.types = types;
    }

    public WorkflowDefinition parse(String workspaceId, String workflowId, int version, JsonNode doc) {
        List<Problem> problems = new ArrayList<>(schema.validate(doc));
        if (!problems.isEmpty()) {
            throw new InvalidWorkflowException(problems);
        }
        Context ctx = new Context(problems);
        Trigger trigger = new Trigger(TriggerType.fromWire(doc.get("trigger").get("type").asText()),
                group(doc.get("trigger"), "$.trigger", ctx, true), triggerSettings(doc.get("trigger")),
                doc.get("trigger").path("oncePerContact").asBoolean(false),
                doc.get("trigger").path("oneRunAtATime").asBoolean(false), TriggerOptions.webhook(doc.get("trigger")),
                TriggerOptions.shortcut(doc.get("trigger"), doc.get("name").asText(), problems));
        List<Step> steps = steps(doc.get("steps"), "$.steps", ctx);
        ctx.jumps.forEach((at, target) -> {
            if (!ctx.ids.contains(target)) {
                problems.add(new Problem(at, "no step has the id \"" + target + "\"; a Jump To targets a step of this workflow"));
            }
        });
        if (ctx.stepCount > MAX_STEPS) {
            problems.add(new Problem("$.steps", "a workflow has at most " + MAX_STEPS + " steps; this one has "
                    + ctx.stepCount));
        }
        if (!problems.isEmpty()) {
            throw new InvalidWorkflowException(problems);
        }
        return new WorkflowDefinition(workspaceId, workflowId, version, doc.get("name").asText(), trigger, steps);
    }

    /** The trigger's own settings that an event must carry (see {@link Trigger#accepts}). */
    private static java.util.Map<String, String> triggerSettings(JsonNode trigger) {
        java.util.Map<String, String> expected = new java.util.LinkedHashMap<>();
        for (String name : List.of("tag", "field", "value")) {
            if (trigger.hasNonNull(name)) {
                expected.put(name, trigger.get(name).asText());
            }
        }
        String change = trigger.path("change").asText("any");
        if (!"any".equals(change)) {
            expected.put("change", change);
        }
        return expected;
    }

    private static final class Context {
        final List<Problem> problems;
        final Set<String> ids = new HashSet<>();
        /** Jump To targets by the JSON path that names them, checked once every id is known. */
        final java.util.Map<String, String> jumps = new java.util.LinkedHashMap<>();
        int stepCount;

        Context(List<Problem> problems) {
            this.problems = problems;
        }
    }

    private List<Step> steps(JsonNode array, String path, Context ctx) {
        List<Step> steps = new ArrayList<>();
        if (array == null) {
            return steps;
        }
        for (int i = 0; i < array.size(); i++) {
            steps.add(step(array.get(i), path + "[" + i + "]", ctx));
        }
        return steps;
    }

    private Step step(JsonNode node, String path, Context ctx) {
        ctx.stepCount++;
        String id = node.hasNonNull("id") ? node.get("id").asText() : "step-" + ctx.stepCount;
        if (!ctx.ids.add(id)) {
            ctx.problems.add(new Problem(path + ".id", "step id \"" + id + "\" is used by another step"));
        }
        String type = node.get("type").asText();
        StepType<?> stepType = types.named(type)
                .orElseThrow(() -> new IllegalStateException("schema admitted unknown step type " + type));
        return stepType.parse(new JsonStepReader(id, node, path, ctx));
    }

    /** A step document read by its type, with this parse's rules for nested lists, conditions and problems. */
    private final class JsonStepReader implements StepReader {
        private final String id;
        private final JsonNode node;
        private final String path;
        private final Context ctx;

        JsonStepReader(String id, JsonNode node, String path, Context ctx) {
            this.id = id;
            this.node = node;
            this.path = path;
            this.ctx = ctx;
        }

        @Override public String id() { return id; }
        @Override public String path() { return path; }
        @Override public boolean has(String field) { return node.hasNonNull(field); }
        @Override public String text(String field) { return WorkflowParser.text(node, field); }
        @Override public boolean flag(String field, boolean fallback) { return node.path(field).asBoolean(fallback); }

        @Override
        public Integer integer(String field) {
            return node.hasNonNull(field) ? node.get(field).asInt() : null;
        }

        @Override
        public BigDecimal decimal(String field) {
            return node.hasNonNull(field) ? node.get(field).decimalValue() : null;
        }

        @Override
        public List<String> texts(String field) {
            return node.has(field) ? strings(node.get(field)) : null;
        }

        @Override
        public Map<String, String> textMap(String field) {
            Map<String, String> map = new LinkedHashMap<>();
            node.path(field).fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
            return map;
        }

        @Override
        public StepReader object(String field) {
            return node.has(field) ? new JsonStepReader(id, node.get(field), path + "." + field, ctx) : null;
        }

        @Override
        public List<StepReader> objects(String field) {
            List<StepReader> out = new ArrayList<>();
            JsonNode array = node.get(field);
            for (int i = 0; array != null && i < array.size(); i++) {
                out.add(new JsonStepReader(id, array.get(i), path + "." + field + "[" + i + "]", ctx));
            }
            return out;
        }

        @Override
        public List<Step> steps(String field) {
            return WorkflowParser.this.steps(node.get(field), path + "." + field, ctx);
        }

        @Override
        public ConditionGroup conditions() {
            return group(node, path, ctx, false);
        }

        @Override
        public ConditionGroup conditions(String field) {
            return group(node.get(field), path + "." + field, ctx, false);
        }

        @Override
        public void jumpTarget(String field) {
            ctx.jumps.put(path + "." + field, node.get(field).asText());
        }

        @Override
        public void problem(String field, String message) {
            ctx.problems.add(new Problem(field.isEmpty() ? path : path + "." + field, message));
        }
    }

    private ConditionGroup group(JsonNode node, String path, Context ctx, boolean trigger) {
        ConditionGroup.Match match = "any".equals(node.path("match").asText("all"))
                ? ConditionGroup.Match.ANY : ConditionGroup.Match.ALL;
        List<ConditionNode> members = new ArrayList<>();
        JsonNode conditions = node.get("conditions");
        if (conditions != null) {
            for (int i = 0; i < conditions.size(); i++) {
                JsonNode c = conditions.get(i);
                String cp = path + ".conditions[" + i + "]";
                members.add(c.has("conditions") ? group(c, cp, ctx, trigger) : condition(c, cp, ctx, trigger));
            }
        }
        return new ConditionGroup(match, members);
    }

    private Condition condition(JsonNode node, String path, Context ctx, boolean trigger) {
        Category category = Category.fromWire(node.get("category").asText()).orElseThrow();
        Operator operator = Operator.fromWire(node.get("operator").asText()).orElseThrow();
        if (category == Category.SOURCE && !trigger) {
            ctx.problems.add(new Problem(path + ".category", "source is a trigger condition; a Branch cannot use it"));
        }
        if (!category.operators().contains(operator)) {
            ctx.problems.add(new Problem(path + ".operator", "operator " + operator.wireName() + " does not apply to "
                    + category.wireName() + "; use one of " + category.operators().stream().map(Operator::wireName).toList()));
        }
        List<String> values = new ArrayList<>();
        if (node.hasNonNull("value")) {
            values.add(node.get("value").asText());
        }
        node.path("values").forEach(v -> values.add(v.asText()));
        if (operator.needsValue() && values.isEmpty()) {
            ctx.problems.add(new Problem(path + ".value", "operator " + operator.wireName() + " needs a value"));
        }
        if ((category == Category.TIME_SINCE_LAST_INCOMING_MESSAGE || category == Category.TIME_SINCE_LAST_OUTGOING_MESSAGE)
                && operator.needsValue() && !values.isEmpty()) {
            try {
                Duration.parse(values.get(0));
            } catch (DateTimeParseException e) {
                ctx.problems.add(new Problem(path + ".value", "\"" + values.get(0)
                        + "\" is not an ISO-8601 duration such as PT15M"));
            }
        }
        if (category == Category.VARIABLE && !values.isEmpty()
                && (operator == Operator.IS_GREATER_THAN || operator == Operator.IS_LESS_THAN)
                && !values.get(0).matches("-?\\d+(\\.\\d+)?")) {
            ctx.problems.add(new Problem(path + ".value", "operator " + operator.wireName() + " compares numbers; \""
                    + values.get(0) + "\" is not a number"));
        }
        // a variable condition names its variable in "name"; contact_field names its field in "field"
        return new Condition(category, category == Category.VARIABLE ? text(node, "name") : text(node, "field"),
                operator, List.copyOf(values));
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return List.copyOf(out);
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }
}
