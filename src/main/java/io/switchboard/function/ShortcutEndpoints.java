package io.switchboard.function;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.document.Problem;
import io.switchboard.engine.Shortcuts;
import io.switchboard.engine.StartRefused;
import io.switchboard.engine.Started;
import io.switchboard.engine.workflow.FormField;
import io.switchboard.engine.workflow.Shortcut;
import io.switchboard.function.http.Api;
import io.switchboard.function.http.ApiException;
import io.switchboard.function.http.HttpRequest;
import io.switchboard.function.http.HttpResponse;
import io.switchboard.function.http.Routes;
import jakarta.inject.Singleton;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Shortcuts: what a user may start from the inbox, and starting one for a contact with its form. */
@Singleton
public class ShortcutEndpoints {

    private final Api api;
    private final Shortcuts shortcuts;

    public ShortcutEndpoints(Api api, Shortcuts shortcuts) {
        this.api = api;
        this.shortcuts = shortcuts;
    }

    public void register(Routes routes) {
        routes.add("GET", "/api/v1/shortcuts", this::list);
        routes.add("POST", "/api/v1/contacts/{contactId}/shortcuts/{workflowId}", this::run);
    }

    HttpResponse list(HttpRequest request) {
        String ws = api.workspace(request);
        String userId = request.query().get("userId");
        if (userId == null || userId.isBlank()) {
            throw new ApiException(400, "invalid_request", "?userId is required: the user whose shortcuts to list",
                    List.of(new Problem("?userId", "required")));
        }
        try {
            return api.ok(200, Map.of("shortcuts", shortcuts.visibleTo(ws, userId).stream()
                    .map(w -> view(w.id(), w.trigger().shortcut())).toList()));
        } catch (StartRefused e) {
            throw refused(e);
        }
    }

    HttpResponse run(HttpRequest request) {
        String ws = api.workspace(request);
        JsonNode body = api.body(request);
        String userId = Api.text(body, "userId", "$");
        JsonNode form = body.path("form");
        if (!form.isMissingNode() && !form.isNull() && !form.isObject()) {
            throw new ApiException(400, "invalid_request", "$.form must be an object of field name to value",
                    List.of(new Problem("$.form", "object")));
        }
        String requestId = body.hasNonNull("requestId") ? body.get("requestId").asText() : UUID.randomUUID().toString();
        try {
            Started started = shortcuts.run(ws, request.param("contactId"), request.param("workflowId"), userId,
                    values(form), requestId);
            return api.ok(started.started() ? 201 : 200, view(started));
        } catch (StartRefused e) {
            throw refused(e);
        }
    }

    /** Strings and numbers as they are; anything else is left for the form to refuse by its field. */
    private static Map<String, Object> values(JsonNode form) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = form.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            out.put(e.getKey(), v.isNull() ? null : v.isTextual() ? v.asText() : v.isNumber() ? v.decimalValue() : v);
        }
        return out;
    }

    private static ApiException refused(StartRefused e) {
        return switch (e.reason()) {
            case NOT_FOUND -> ApiException.notFound(e.getMessage());
            case NOT_ALLOWED -> new ApiException(403, "forbidden", e.getMessage());
            case UNKNOWN_CONTACT -> new ApiException(422, "unknown_contact", e.getMessage());
            case INVALID_FORM -> new ApiException(422, "invalid_form", e.getMessage(),
                    e.fieldProblems().entrySet().stream().sorted(Map.Entry.comparingByKey())
                            .map(p -> new Problem("$.form." + p.getKey(), p.getValue())).toList());
        };
    }

    private static Map<String, Object> view(String workflowId, Shortcut shortcut) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("workflowId", workflowId);
        out.put("name", shortcut.name());
        out.put("form", shortcut.form().stream().map(ShortcutEndpoints::view).toList());
        return out;
    }

    private static Map<String, Object> view(FormField field) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", field.name());
        out.put("label", field.label());
        out.put("type", field.type().name().toLowerCase());
        if (!field.options().isEmpty()) {
            out.put("options", field.options());
        }
        out.put("required", field.required());
        return out;
    }

    /** What a start of one named workflow did; shared by shortcuts and incoming webhooks. */
    static Map<String, Object> view(Started started) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("started", started.started());
        out.put("duplicate", started.duplicate());
        out.put("contactId", started.contactId());
        out.put("runId", started.runId());
        out.put("status", started.status());
        if (!started.started() && !started.duplicate()) {
            out.put("reason", "the contact does not meet the trigger's conditions, or was enrolled once already");
        }
        return out;
    }
}
