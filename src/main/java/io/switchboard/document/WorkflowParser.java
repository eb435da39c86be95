package io.switchboard.document;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.engine.condition.Category;
import io.switchboard.engine.condition.Condition;
import io.switchboard.engine.condition.ConditionGroup;
import io.switchboard.engine.condition.ConditionNode;
import io.switchboard.engine.condition.Operator;
import io.switchboard.engine.step.AddCommentStep;
import io.switchboard.engine.step.AddGoogleSheetsRowStep;
import io.switchboard.engine.step.AssignToStep;
import io.switchboard.engine.step.BranchStep;
import io.switchboard.engine.step.CloseConversationStep;
import io.switchboard.engine.step.DateTimeStep;
import io.switchboard.engine.step.JumpToStep;
import io.switchboard.engine.step.OpenConversationStep;
import io.switchboard.engine.step.HttpRequestStep;
import io.switchboard.engine.step.SendMessageStep;
import io.switchboard.engine.step.AnswerType;
import io.switchboard.engine.step.AiAgentStep;
import io.switchboard.engine.step.AskQuestionStep;
import io.switchboard.engine.step.TriggerWorkflowStep;
import io.switchboard.engine.step.UpdateContactFieldStep;
import io.switchboard.engine.step.UpdateContactTagStep;
import io.switchboard.engine.step.WaitStep;
import io.switchboard.engine.workflow.Step;
import io.switchboard.engine.workflow.Trigger;
import io.switchboard.engine.workflow.TriggerType;
import io.switchboard.engine.workflow.WorkflowDefinition;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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

    public WorkflowParser(WorkflowSchema schema) {
        this.schema = schema;
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
        return switch (type) {
            case "assign_to" -> new AssignToStep(id,
                    AssignToStep.Action.valueOf(node.get("action").asText().toUpperCase()),
                    text(node, "userId"), text(node, "teamId"),
                    AssignToStep.Logic.valueOf(node.path("logic").asText("round_robin").toUpperCase()),
                    node.path("onlyOnline").asBoolean(false),
                    node.hasNonNull("maxOpenContacts") ? node.get("maxOpenContacts").asInt() : null,
                    node.hasNonNull("timeout") ? queueTimeout(node.get("timeout").asText(), path + ".timeout", ctx) : null,
                    steps(node.get("onTimeout"), path + ".onTimeout", ctx));
            case "wait" -> new WaitStep(id, waitDuration(node.get("duration").asText(), path + ".duration", ctx));
            case "branch" -> branch(id, node, path, ctx);
            case "add_comment" -> new AddCommentStep(id, node.get("text").asText());
            case "close_conversation" -> new CloseConversationStep(id, text(node, "category"), text(node, "summary"));
            case "update_contact_tag" -> new UpdateContactTagStep(id,
                    UpdateContactTagStep.Action.valueOf(node.get("action").asText().toUpperCase()),
                    strings(node.get("tags")));
            case "open_conversation" -> new OpenConversationStep(id);
            case "date_time" -> dateTime(id, node, path, ctx);
            case "jump_to" -> {
                ctx.jumps.put(path + ".target", node.get("target").asText());
                yield new JumpToStep(id, node.get("target").asText(), node.path("maxJumps").asInt(JumpToStep.MAX_JUMPS));
            }
            case "trigger_workflow" -> new TriggerWorkflowStep(id, node.get("workflowId").asText());
            case "update_contact_field" -> new UpdateContactFieldStep(id, node.get("field").asText(),
                    node.get("value").asText());
            case "send_message" -> new SendMessageStep(id, node.get("text").asText(),
                    steps(node.get("onFailure"), path + ".onFailure", ctx));
            case "http_request" -> httpRequest(id, node, path, ctx);
            case "ask_question" -> askQuestion(id, node, path, ctx);
            case "ai_agent" -> aiAgent(id, node, path, ctx);
            case "add_google_sheets_row" -> new AddGoogleSheetsRowStep(id, node.get("spreadsheetId").asText(),
                    node.get("sheet").asText(), strings(node.get("values")), steps(node.get("onFailure"), path + ".onFailure", ctx));
            default -> throw new IllegalStateException("schema admitted unknown step type " + type);
        };
    }

    private AiAgentStep aiAgent(String id, JsonNode node, String path, Context ctx) {
        Duration timeout = null;
        if (node.hasNonNull("timeout")) {
            timeout = waitDuration(node.get("timeout").asText(), path + ".timeout", ctx);
            if (timeout.compareTo(Duration.ofMinutes(1)) < 0) {
                ctx.problems.add(new Problem(path + ".timeout", "an AI agent waits from 1 minute to 7 days for the contact; "
                        + node.get("timeout").asText() + " is too short"));
            }
        }
        return new AiAgentStep(id, node.get("instructions").asText(), text(node, "model"),
                node.has("fields") ? strings(node.get("fields")) : null,
                node.has("exitWhen") ? group(node.get("exitWhen"), path + ".exitWhen", ctx, false) : null,
                node.path("maxTurns").asInt(AiAgentStep.DEFAULT_MAX_TURNS), timeout,
                steps(node.get("onHandover"), path + ".onHandover", ctx), steps(node.get("onTimeout"), path + ".onTimeout", ctx));
    }

    private AskQuestionStep askQuestion(String id, JsonNode node, String path, Context ctx) {
        AskQuestionStep.Save save = node.hasNonNull("saveTo")
                ? new AskQuestionStep.Save(AskQuestionStep.SaveTo.valueOf(node.get("saveTo").asText().toUpperCase()),
                        text(node, "saveAs"))
                : null;
        java.math.BigDecimal min = node.hasNonNull("min") ? node.get("min").decimalValue() : null;
        java.math.BigDecimal max = node.hasNonNull("max") ? node.get("max").decimalValue() : null;
        if (min != null && max != null && min.compareTo(max) > 0) {
            ctx.problems.add(new Problem(path + ".max", "max is below min"));
        }
        Duration timeout = null;
        if (node.hasNonNull("timeout")) {
            timeout = waitDuration(node.get("timeout").asText(), path + ".timeout", ctx);
            if (timeout.compareTo(AskQuestionStep.MIN_TIMEOUT) < 0) {
                ctx.problems.add(new Problem(path + ".timeout", "a question waits from 1 minute to 7 days for an answer; "
                        + node.get("timeout").asText() + " is too short"));
            }
        }
        return new AskQuestionStep(id, node.get("question").asText(), AnswerType.fromWire(node.get("answerType").asText()),
                node.has("options") ? strings(node.get("options")) : null, min, max,
                node.has("dateFormats") ? strings(node.get("dateFormats")) : null, text(node, "countryCode"), save,
                timeout, node.path("retries").asInt(AskQuestionStep.DEFAULT_RETRIES), text(node, "invalidMessage"),
                steps(node.get("onTimeout"), path + ".onTimeout", ctx), steps(node.get("onInvalid"), path + ".onInvalid", ctx));
    }

    private HttpRequestStep httpRequest(String id, JsonNode node, String path, Context ctx) {
        java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();
        node.path("headers").fields().forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
        List<HttpRequestStep.Mapping> mappings = new ArrayList<>();
        node.path("responseMapping").forEach(m -> mappings.add(new HttpRequestStep.Mapping(m.get("path").asText(),
                HttpRequestStep.Target.valueOf(m.get("saveTo").asText().toUpperCase()), m.get("name").asText())));
        return new HttpRequestStep(id, node.get("method").asText(), node.get("url").asText(), headers,
                text(node, "body"), Duration.ofSeconds(node.path("timeoutSeconds").asInt(10)), mappings,
                steps(node.get("onFailure"), path + ".onFailure", ctx));
    }

    private DateTimeStep dateTime(String id, JsonNode node, String path, Context ctx) {
        java.time.ZoneId zone = java.time.ZoneOffset.UTC;
        try {
            zone = java.time.ZoneId.of(node.get("timeZone").asText());
        } catch (java.time.DateTimeException e) {
            ctx.problems.add(new Problem(path + ".timeZone", "\"" + node.get("timeZone").asText()
                    + "\" is not an IANA time zone such as Europe/Lisbon"));
        }
        java.util.Map<java.time.DayOfWeek, List<DateTimeStep.Window>> hours = null;
        if (node.has("businessHours")) {
            hours = new java.util.EnumMap<>(java.time.DayOfWeek.class);
            for (java.time.DayOfWeek day : java.time.DayOfWeek.values()) {
                String name = day.name().toLowerCase();
                JsonNode windows = node.get("businessHours").get(name);
                List<DateTimeStep.Window> list = new ArrayList<>();
                for (int i = 0; windows != null && i < windows.size(); i++) {
                    String wp = path + ".businessHours." + name + "[" + i + "]";
                    java.time.LocalTime from = localTime(windows.get(i).get("from").asText());
                    java.time.LocalTime to = localTime(windows.get(i).get("to").asText());
                    if (!from.isBefore(to)) {
                        ctx.problems.add(new Problem(wp, "opening hours end after they start"));
                    }
                    list.add(new DateTimeStep.Window(from, to));
                }
                hours.put(day, List.copyOf(list));
            }
        }
        java.time.LocalDateTime from = null;
        java.time.LocalDateTime to = null;
        if (node.has("dateRange")) {
            JsonNode range = node.get("dateRange");
            from = localDateTime(range.get("from"), path + ".dateRange.from", ctx);
            to = localDateTime(range.get("to"), path + ".dateRange.to", ctx);
            if (from != null && to != null && !from.isBefore(to)) {
                ctx.problems.add(new Problem(path + ".dateRange", "a date range ends after it starts"));
            }
        }
        return new DateTimeStep(id, zone, hours, from, to, steps(node.get("outside"), path + ".outside", ctx));
    }

    /** "24:00" closes a day at midnight. */
    private static java.time.LocalTime localTime(String text) {
        return "24:00".equals(text) ? java.time.LocalTime.MAX : java.time.LocalTime.parse(text);
    }

    private static java.time.LocalDateTime localDateTime(JsonNode value, String path, Context ctx) {
        if (value == null) {
            return null;
        }
        try {
            return java.time.LocalDateTime.parse(value.asText());
        } catch (DateTimeParseException e) {
            ctx.problems.add(new Problem(path, "\"" + value.asText() + "\" is not a date and time such as 2026-12-24T18:00"));
            return null;
        }
    }

    private BranchStep branch(String id, JsonNode node, String path, Context ctx) {
        List<BranchStep.Path> paths = new ArrayList<>();
        JsonNode branches = node.get("branches");
        for (int i = 0; i < branches.size(); i++) {
            JsonNode b = branches.get(i);
            String bp = path + ".branches[" + i + "]";
            paths.add(new BranchStep.Path(b.path("name").asText("Branch " + (i + 1)), group(b, bp, ctx, false),
                    steps(b.get("steps"), bp + ".steps", ctx)));
        }
        return new BranchStep(id, paths, steps(node.get("else"), path + ".else", ctx));
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

    private static Duration waitDuration(String text, String path, Context ctx) {
        Duration duration;
        try {
            duration = Duration.parse(text);
        } catch (DateTimeParseException e) {
            ctx.problems.add(new Problem(path, "\"" + text + "\" is not an ISO-8601 duration such as PT15M"));
            return WaitStep.MIN;
        }
        if (duration.compareTo(WaitStep.MIN) < 0 || duration.compareTo(WaitStep.MAX) > 0) {
            ctx.problems.add(new Problem(path, "a wait lasts from 1 second to 7 days; " + text + " is out of range"));
        }
        return duration;
    }

    private static Duration queueTimeout(String text, String path, Context ctx) {
        Duration duration = waitDuration(text, path, ctx);
        if (duration.compareTo(AssignToStep.QUEUE_RECHECK) < 0) {
            ctx.problems.add(new Problem(path, "a queue timeout lasts from 1 minute to 7 days; " + text + " is too short"));
        }
        return duration;
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
