package io.switchboard.engine.step.httprequest;

import io.switchboard.engine.workflow.FailurePathStep;
import io.switchboard.engine.workflow.Step;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * HTTP Request: calls an external endpoint with $variables in the URL, headers and body, saves fields
 * of a JSON response in run variables ({@code $http.<name>}) or contact fields, and runs the
 * {@code onFailure} steps when the call fails (non-2xx, timeout, no connection, refused target, a
 * response that is not JSON when a mapping needs it).
 */
public record HttpRequestStep(String id, String method, String url, Map<String, String> headers, String body,
        Duration timeout, List<Mapping> responseMapping, List<Step> onFailure) implements FailurePathStep {

    public static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public HttpRequestStep {
        headers = headers == null ? Map.of() : headers;
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        responseMapping = responseMapping == null ? List.of() : responseMapping;
        onFailure = onFailure == null ? List.of() : onFailure;
    }

    /** A field of the JSON response ({@code $.customer.tier}) saved as a run variable or a contact field. */
    public record Mapping(String path, Target saveTo, String name) {
    }

    public enum Target {
        VARIABLE, CONTACT_FIELD
    }

    @Override
    public List<Step> failurePath() {
        return onFailure;
    }

    @Override
    public String type() {
        return HttpRequestType.NAME;
    }
}
