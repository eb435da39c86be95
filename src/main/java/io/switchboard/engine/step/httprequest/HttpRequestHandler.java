package io.switchboard.engine.step.httprequest;

import io.switchboard.engine.step.StepContext;
import io.switchboard.engine.step.StepHandler;
import io.switchboard.engine.step.StepResult;
import io.switchboard.engine.step.Variables;

import io.switchboard.engine.workflow.ContactEvents;
import io.switchboard.inbox.ContactStore.FieldsChange;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Calls the endpoint and saves the mapped response fields. The call itself is an external effect that
 * a re-executed step repeats (its Idempotency-Key header lets receivers dedupe); the contact fields it
 * writes are keyed by the effect key. The history holds method, URL, status and duration, never header
 * values.
 */
public final class HttpRequestHandler implements StepHandler<HttpRequestStep> {

    /** Run variables saved by HTTP Request, readable as {@code $http.<name>}. */
    public static final String VARIABLE_PREFIX = "http.";

    @Override
    public StepResult run(HttpRequestStep step, StepContext ctx) {
        Variables variables = Variables.of(ctx);
        String url = variables.render(step.url());
        Map<String, String> headers = new LinkedHashMap<>();
        step.headers().forEach((name, value) -> headers.put(name, variables.render(value)));
        String body = step.body() == null ? null : variables.render(step.body());
        List<String> paths = step.responseMapping().stream().map(HttpRequestStep.Mapping::path).toList();
        HttpCalls.Outcome outcome = ctx.inbox().http().call(new HttpCalls.Call(ctx.run().workspaceId(), step.method(),
                url, headers, body, step.timeout(), paths, ctx.effectKey()));

        Map<String, String> details = new LinkedHashMap<>();
        details.put("method", step.method());
        details.put("url", url);
        details.put("status", String.valueOf(outcome.status()));
        details.put("durationMillis", String.valueOf(outcome.millis()));
        if (!outcome.succeeded()) {
            details.put("error", outcome.failure());
            return StepResult.failed(step, "request failed: " + outcome.failure(), details);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (HttpRequestStep.Mapping mapping : step.responseMapping()) {
            String value = outcome.values().get(mapping.path());
            if (mapping.saveTo() == HttpRequestStep.Target.VARIABLE) {
                ctx.run().setVariable(VARIABLE_PREFIX + mapping.name(), value);
            } else if (value != null) {
                fields.put(mapping.name(), value);
            }
        }
        if (!fields.isEmpty()) {
            FieldsChange change = ctx.inbox().contacts().changeFields(ctx.run().workspaceId(), ctx.run().contactId(),
                    fields, ctx.effectKey(), ctx.now());
            ctx.contactChanged(change.contact());
            ContactEvents.of(ctx.run().workspaceId(), change, ctx.effectKey(), "workflow", ctx.now()).forEach(ctx::fire);
        }
        return StepResult.changed("responded " + outcome.status(), details);
    }
}
