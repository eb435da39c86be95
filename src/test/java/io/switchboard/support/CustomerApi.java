package io.switchboard.support;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A customer's own system that HTTP Request steps call (a CRM, an order service), on the shared fixture
 * server (see {@link LocalServers}). A test class declares the endpoints it answers with JSON and reads
 * back every request they received. It runs on this machine, a private address, so the workspaces that
 * call it allow private HTTP targets.
 */
public final class CustomerApi {

    /** A request as it arrived; header names as the JDK server normalises them ("X-contact-name"). */
    public record Received(String method, String uri, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    /** A JSON answer; {@code delayMillis} keeps the caller waiting first (a slow system). */
    public record Answer(int status, String body, long delayMillis) {
        public Answer(int status, String body) {
            this(status, body, 0);
        }
    }

    private static final String SERVER = "customer-api";
    private final List<Received> received = new CopyOnWriteArrayList<>();

    /** Answers requests to {@code path} and below from now on. */
    public CustomerApi answers(String path, Function<Received, Answer> answer) {
        LocalServers.route(SERVER, path, ex -> handle(ex, answer));
        return this;
    }

    public CustomerApi answers(String path, int status, String body) {
        return answers(path, request -> new Answer(status, body));
    }

    public String url(String path) {
        return LocalServers.baseUrl(SERVER) + path;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public void reset() {
        received.clear();
    }

    private void handle(HttpExchange ex, Function<Received, Answer> answerer) throws IOException {
        Received request = new Received(ex.getRequestMethod(), ex.getRequestURI().toString(),
                Map.copyOf(ex.getRequestHeaders()), new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        received.add(request);
        Answer answer = answerer.apply(request);
        if (answer.delayMillis() > 0) {
            try {
                Thread.sleep(answer.delayMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(answer.status(), bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }
}
