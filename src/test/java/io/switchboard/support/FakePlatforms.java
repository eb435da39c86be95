package io.switchboard.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * One local HTTP server playing every platform's send API, answering as each documents a success
 * ({@code /graph}, {@code /telegram}, {@code /line}, {@code /viber}, {@code /twilio}), recording each
 * request. Tests read the recording and queue other answers through {@code /__control/...}, over HTTP,
 * because the application and the test may see different copies of this class. One per test JVM
 * (see {@link LocalServers}).
 */
public class FakePlatforms implements QuarkusTestResourceLifecycleManager {

    private static final String SERVER = "platforms";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The recorder is installed once, by whichever class loader starts the server first; tests reach it
     * over HTTP.
     */
    public static synchronized String baseUrl() {
        if (System.getProperty("test.fake-platforms.recording") == null) {
            LocalServers.route(SERVER, "/", new Recorder()::handle);
            System.setProperty("test.fake-platforms.recording", "true");
        }
        return LocalServers.baseUrl(SERVER);
    }

    @Override
    public Map<String, String> start() {
        String base = baseUrl();
        return Map.of("switchboard.platforms.graph-url", base + "/graph",
                "switchboard.platforms.telegram-url", base + "/telegram",
                "switchboard.platforms.line-url", base + "/line",
                "switchboard.platforms.viber-url", base + "/viber",
                "switchboard.platforms.twilio-url", base + "/twilio");
    }

    @Override
    public void stop() {
        // kept for the whole test JVM, like DynamoDB Local
    }

    private static final class Recorder {
        private final ArrayNode recorded = JSON.createArrayNode();
        private final Deque<JsonNode> queued = new ArrayDeque<>();

        synchronized void handle(HttpExchange exchange) throws IOException {
            String path = exchange.getRequestURI().getPath();
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (path.startsWith("/__control/")) {
                switch (path) {
                    case "/__control/recorded" -> answer(exchange, 200, recorded.toString(), Map.of());
                    case "/__control/reset" -> {
                        recorded.removeAll();
                        queued.clear();
                        answer(exchange, 204, "", Map.of());
                    }
                    case "/__control/queue" -> {
                        queued.add(JSON.readTree(body));
                        answer(exchange, 204, "", Map.of());
                    }
                    default -> answer(exchange, 404, "", Map.of());
                }
                return;
            }
            ObjectNode r = recorded.addObject();
            r.put("method", exchange.getRequestMethod());
            r.put("path", path);
            r.put("query", exchange.getRequestURI().getRawQuery());
            ObjectNode headers = r.putObject("headers");
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
            r.put("body", new String(body, StandardCharsets.UTF_8));
            JsonNode next = queued.poll();
            if (next != null) {
                Map<String, String> extra = new java.util.HashMap<>();
                next.path("headers").fields().forEachRemaining(e -> extra.put(e.getKey(), e.getValue().asText()));
                answer(exchange, next.path("status").asInt(), next.path("body").asText(), extra);
                return;
            }
            answer(exchange, path.startsWith("/twilio") ? 201 : 200, success(path), Map.of());
        }

        private static String success(String path) {
            if (path.startsWith("/graph") && path.endsWith("/me/messages")) {
                return "{\"recipient_id\":\"1254459154682919\",\"message_id\":\"m_sent-by-switchboard\"}";
            }
            if (path.startsWith("/graph")) {
                return "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"15550001111\",\"wa_id\":\"15550001111\"}],"
                        + "\"messages\":[{\"id\":\"wamid.HBgLMTU1NTAwMDExMTEVAgARGBI1RjQyNUE3NEYxMzAzMzQ5MkEA\"}]}";
            }
            if (path.startsWith("/telegram")) {
                return "{\"ok\":true,\"result\":{\"message_id\":4242,\"chat\":{\"id\":111222333,\"type\":\"private\"},"
                        + "\"date\":1764000000,\"text\":\"sent\"}}";
            }
            if (path.startsWith("/line")) {
                return "{\"sentMessages\":[{\"id\":\"461230966842064897\",\"quoteToken\":\"IStG5h1Tz7b...\"}]}";
            }
            if (path.startsWith("/viber")) {
                return "{\"status\":0,\"status_message\":\"ok\",\"message_token\":5741311803571721087,"
                        + "\"chat_hostname\":\"SN-CHAT-05_\",\"billing_status\":1}";
            }
            return "{\"sid\":\"SM1f0e8ae6ade43cb3c0ce4525424e404f\",\"status\":\"queued\",\"num_segments\":\"1\"}";
        }

        private static void answer(HttpExchange exchange, int status, String body, Map<String, String> headers)
                throws IOException {
            headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        }
    }
}
