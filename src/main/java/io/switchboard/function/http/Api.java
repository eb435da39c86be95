package io.switchboard.function.http;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.config.Stores;
import io.switchboard.document.InvalidWorkflowException;
import io.switchboard.document.WorkflowLibrary;
import io.switchboard.document.Problem;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/** What every endpoint needs: the caller's workspace from its API key, JSON in and out, readable errors. */
@Singleton
public class Api implements Routes.ErrorRenderer {

    private static final Logger LOG = Logger.getLogger(Api.class);
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final ObjectMapper json;
    private final Stores stores;

    public Api(ObjectMapper json, Stores stores) {
        this.json = json;
        this.stores = stores;
    }

    /** The workspace of the bearer API key; 401 when the key is missing or unknown. */
    public String workspace(HttpRequest request) {
        String header = request.header("authorization").orElseThrow(() -> new ApiException(401, "unauthorized",
                "missing Authorization header; send \"Authorization: Bearer <API key>\""));
        if (!header.startsWith("Bearer ")) {
            throw new ApiException(401, "unauthorized", "Authorization header must be \"Bearer <API key>\"");
        }
        return stores.workspaces().workspaceOfApiKey(header.substring(7).trim())
                .orElseThrow(() -> new ApiException(401, "unauthorized", "unknown API key"));
    }

    public JsonNode body(HttpRequest request) {
        if (request.body().length == 0) {
            throw ApiException.badRequest("request body is empty; expected a JSON object");
        }
        try {
            JsonNode node = json.readTree(request.body());
            if (node == null || !node.isObject()) {
                throw ApiException.badRequest("request body must be a JSON object");
            }
            return node;
        } catch (JsonParseException e) {
            throw new ApiException(400, "malformed_json", "malformed JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new ApiException(400, "malformed_json", "malformed JSON: " + e.getMessage());
        }
    }

    public static String text(JsonNode node, String field, String path) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || !v.isTextual() || v.asText().isBlank()) {
            throw new ApiException(400, "invalid_request", path + "." + field + " is required and must be a non-empty string",
                    List.of(new Problem(path + "." + field, "required non-empty string")));
        }
        return v.asText();
    }

    public static String optionalText(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** Ids become parts of storage keys: letters, digits, '-' and '_' only. */
    public static String id(String value, String path) {
        if (value == null || !ID.matcher(value).matches()) {
            throw new ApiException(400, "invalid_request", path + " must be 1-64 letters, digits, '-' or '_'",
                    List.of(new Problem(path, "1-64 letters, digits, '-' or '_'")));
        }
        return value;
    }

    public HttpResponse ok(int status, Object body) {
        try {
            return HttpResponse.json(status, json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public HttpResponse render(ApiException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", e.code());
        body.put("message", e.getMessage());
        if (!e.problems().isEmpty()) {
            body.put("problems", e.problems());
        }
        return ok(e.status(), body);
    }

    @Override
    public HttpResponse unexpected(HttpRequest request, Exception e) {
        if (e instanceof WorkflowLibrary.NoSuchWorkflow missing) {
            return render(ApiException.notFound(missing.getMessage()));
        }
        if (e instanceof WorkflowLibrary.WorkflowConflict conflict) {
            return render(new ApiException(409, "conflict", conflict.getMessage()));
        }
        if (e instanceof InvalidWorkflowException invalid) {
            return render(new ApiException(422, "invalid_workflow",
                    "the workflow document is invalid: " + invalid.getMessage(), invalid.problems()));
        }
        LOG.errorf(e, "unexpected failure on %s %s", request.method(), request.path());
        return render(new ApiException(500, "internal_error", "the request could not be completed; it is safe to retry"));
    }

    public ObjectMapper json() {
        return json;
    }
}
