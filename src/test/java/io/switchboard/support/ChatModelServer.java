package io.switchboard.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local server speaking the OpenAI chat-completions contract ({@code POST /v1/chat/completions},
 * bearer key, {@code choices[0].message} with {@code content} and {@code tool_calls}). Tests script its
 * answers in order and read back every request it received; with nothing scripted it answers 500.
 */
public final class ChatModelServer {

    public record Received(String path, String authorization, JsonNode body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SERVER = "chat-model";
    private final ConcurrentLinkedQueue<Object[]> answers = new ConcurrentLinkedQueue<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    /** Answers the chat-completions calls of the shared server (see {@link LocalServers}) from now on. */
    public ChatModelServer() {
        LocalServers.route(SERVER, "/v1/chat/completions", this::handle);
    }

    public String baseUrl() {
        return LocalServers.baseUrl(SERVER) + "/v1";
    }

    /**
     * Connects the workspace's AI integration to this model. The model runs on this machine, a private
     * address: the workspace allows private HTTP targets, as a real one with its model on its network would.
     */
    public void connect(Workspace ws) {
        connect(ws.allowPrivateHttpTargets(), baseUrl());
    }

    /** Points the workspace's AI integration at {@code baseUrl}, with the test model and key. */
    public static void connect(Workspace ws, String baseUrl) {
        ws.api().body(Map.of("baseUrl", baseUrl, "model", "gpt-test", "apiKey", "sk-test-secret-123"))
                .put("/api/v1/integrations/ai").then().statusCode(200);
    }

    /** The model's next answer: a text, and tool calls as name → arguments. */
    public ChatModelServer says(String content, Map<String, Map<String, String>> toolCalls) {
        StringBuilder calls = new StringBuilder();
        int i = 0;
        for (var call : toolCalls.entrySet()) {
            try {
                calls.append(i == 0 ? "" : ",").append("{\"id\":\"call_").append(answers.size()).append('_').append(i++)
                        .append("\",\"type\":\"function\",\"function\":{\"name\":\"").append(call.getKey())
                        .append("\",\"arguments\":").append(JSON.writeValueAsString(JSON.writeValueAsString(call.getValue())))
                        .append("}}");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        String message = "{\"role\":\"assistant\",\"content\":" + (content == null ? "null" : quoted(content))
                + (toolCalls.isEmpty() ? "" : ",\"tool_calls\":[" + calls + "]") + "}";
        answers.add(new Object[] {200, "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"model\":\"test-model\","
                + "\"choices\":[{\"index\":0,\"message\":" + message + ",\"finish_reason\":\""
                + (toolCalls.isEmpty() ? "stop" : "tool_calls") + "\"}],"
                + "\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":5,\"total_tokens\":15}}"});
        return this;
    }

    public ChatModelServer says(String content) {
        return says(content, Map.of());
    }

    /** An error answer, as the API sends it. */
    public ChatModelServer fails(int status, String message) {
        answers.add(new Object[] {status, "{\"error\":{\"message\":" + quoted(message) + ",\"type\":\"invalid_request_error\"}}"});
        return this;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** Forgets what was scripted and received, and serves the shared server again (another test class may have). */
    public void reset() {
        answers.clear();
        received.clear();
        LocalServers.route(SERVER, "/v1/chat/completions", this::handle);
    }

    private void handle(HttpExchange ex) throws IOException {
        byte[] body = ex.getRequestBody().readAllBytes();
        received.add(new Received(ex.getRequestURI().getPath(), ex.getRequestHeaders().getFirst("Authorization"),
                JSON.readTree(new String(body, StandardCharsets.UTF_8))));
        Object[] answer = answers.poll();
        int status = answer == null ? 500 : (int) answer[0];
        byte[] out = (answer == null ? "{\"error\":{\"message\":\"nothing scripted\"}}" : (String) answer[1])
                .getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, out.length);
        ex.getResponseBody().write(out);
        ex.close();
    }

    private static String quoted(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
