package io.switchboard.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.engine.step.httprequest.HttpCalls;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** HTTP Request's calls through java.net.http, behind the {@link TargetGuard}. */
public final class OutboundHttpCalls implements HttpCalls {

    private final HttpClient client;
    private final ObjectMapper json;
    private final Predicate<String> allowsPrivateTargets;

    /** {@code allowsPrivateTargets} tells, by workspace id, whether its workflows may call private addresses. */
    public OutboundHttpCalls(HttpClient client, ObjectMapper json, Predicate<String> allowsPrivateTargets) {
        this.client = client;
        this.json = json;
        this.allowsPrivateTargets = allowsPrivateTargets;
    }

    @Override
    public Outcome call(Call call) {
        long start = System.nanoTime();
        URI uri;
        try {
            uri = URI.create(call.url());
        } catch (IllegalArgumentException e) {
            return failed(0, start, "\"" + call.url() + "\" is not a valid URL");
        }
        Optional<String> refused = TargetGuard.refusal(uri, allowsPrivateTargets.test(call.workspaceId()));
        if (refused.isPresent()) {
            return failed(0, start, "refused: " + refused.get());
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(call.timeout());
        try {
            call.headers().forEach(request::header);
            request.header("Idempotency-Key", call.idempotencyKey());
        } catch (IllegalArgumentException e) {
            return failed(0, start, "a header is not allowed: " + e.getMessage());
        }
        request.method(call.method(), call.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(call.body()));
        HttpResponse<String> response;
        try {
            response = client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
                    .get(call.timeout().toMillis() + 1000, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            return failed(0, start, "no response within " + call.timeout().toSeconds() + " seconds");
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HttpTimeoutException) {
                return failed(0, start, "no response within " + call.timeout().toSeconds() + " seconds");
            }
            return failed(0, start, "could not connect: " + (cause == null ? e : cause).getClass().getSimpleName()
                    + (cause != null && cause.getMessage() != null ? " " + cause.getMessage() : ""));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(0, start, "interrupted");
        }
        int status = response.statusCode();
        if (status < 200 || status > 299) {
            return failed(status, start, "the endpoint answered " + status);
        }
        Map<String, String> values = new LinkedHashMap<>();
        if (!call.jsonPaths().isEmpty()) {
            JsonNode body;
            try {
                body = json.readTree(response.body());
            } catch (IOException e) {
                body = null;
            }
            if (body == null || !(body.isObject() || body.isArray())) {
                return failed(status, start, "the response is not JSON, so its fields cannot be saved");
            }
            for (String path : call.jsonPaths()) {
                JsonPaths.read(body, path).ifPresent(v -> values.put(path, v));
            }
        }
        return new Outcome(status, millis(start), null, values);
    }

    private static Outcome failed(int status, long start, String reason) {
        return new Outcome(status, millis(start), reason, Map.of());
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
