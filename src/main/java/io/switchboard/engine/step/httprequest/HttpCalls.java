package io.switchboard.engine.step.httprequest;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Makes an HTTP Request step's call. The adapter decides which targets the workspace may reach and
 * reads the JSON response; the engine sees only the outcome.
 */
public interface HttpCalls {

    /**
     * {@code idempotencyKey} goes out as the Idempotency-Key header: the call cannot be made
     * idempotent here, so receivers that support the header can dedupe a repeated step.
     * {@code jsonPaths} are read from the response body.
     */
    record Call(String workspaceId, String method, String url, Map<String, String> headers, String body,
            Duration timeout, List<String> jsonPaths, String idempotencyKey) {
    }

    /**
     * {@code status} is 0 when no response arrived; {@code failure} is null on success, else a reason a
     * user can read; {@code values} holds the value found at each path (a path not found is absent).
     */
    record Outcome(int status, long millis, String failure, Map<String, String> values) {
        public boolean succeeded() {
            return failure == null;
        }
    }

    Outcome call(Call call);
}
