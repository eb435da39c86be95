package io.switchboard.function.http;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.config.Stores;
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
        String key = header.substring(7).trim();
        if (key.isEmpty() || key.length() > 256) {
            throw new ApiException(401, "unauthorized", "unknown API key");
        }
        return stores.workspaces().workspaceOfApiKey(key)
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
        return limited(v.asText(), field, path);
    }

    public static String optionalText(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v != null && v.isContainerNode()) {
            throw new ApiException(400, "invalid_request", "$." + field + " must be a string",
                    List.of(new Problem("$." + field, "a string")));
        }
        return v == null || v.isNull() ? null : limited(v.asText(), field, "$");
    }

    /**
     * A message's text may hold {@link #MAX_TEXT_CHARS} characters, any other value (a name, an id, an
     * email) {@link #MAX_VALUE_CHARS}: the stored records stay far below the store's item size.
     */
    public static final int MAX_TEXT_CHARS = 10_000;
    public static final int MAX_VALUE_CHARS = 256;

    private static String limited(String value, String field, String path) {
        int max = field.equals("text") ? MAX_TEXT_CHARS : MAX_VALUE_CHARS;
        if (value.length() > max) {
            throw new ApiException(400, "invalid_request", path + "." + field + " is " + value.length()
                    + " characters; at most " + max + " are accepted",
                    List.of(new Problem(path + "." + field, "at most " + max + " characters")));
        }
        return value;
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
        var known = Failures.known(e);
        if (known.isPresent()) {
            if (known.get().status() >= 500) {
                LOG.warnf("store unavailable on %s %s: %s", request.method(), request.path(), e.toString());
                HttpResponse busy = render(known.get());
                java.util.Map<String, String> headers = new java.util.HashMap<>(busy.headers());
                headers.put("retry-after", "1");
                return new HttpResponse(busy.status(), headers, busy.body());
            }
            return render(known.get());
        }
        LOG.errorf(e, "unexpected failure on %s %s", request.method(), request.path());
        return render(new ApiException(500, "internal_error", "the request could not be completed"));
    }

    public ObjectMapper json() {
        return json;
    }
}
