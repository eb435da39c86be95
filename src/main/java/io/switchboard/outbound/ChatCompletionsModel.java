package io.switchboard.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.channel.CredentialCipher;
import io.switchboard.channel.PlatformHttp;
import io.switchboard.engine.step.aiagent.AiModel;
import io.switchboard.inbox.OutboundSender;
import io.switchboard.workspace.AiSettingsStore;
import io.switchboard.workspace.AiSettingsStore.AiSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The workspace's OpenAI-compatible chat-completions endpoint ({@code POST {baseUrl}/chat/completions}
 * with a bearer key, messages and function tools). A model call has no effect outside, so 429 and 5xx
 * are retried like any idempotent call. The endpoint passes the same private-address guard as HTTP
 * Request: a workspace reaches a model on its own network only when it allows private targets.
 */
public final class ChatCompletionsModel implements AiModel {

    private final PlatformHttp http;
    private final ObjectMapper json;
    private final AiSettingsStore settings;
    private final Optional<CredentialCipher> cipher;
    private final Predicate<String> allowsPrivateTargets;

    public ChatCompletionsModel(PlatformHttp http, ObjectMapper json, AiSettingsStore settings,
            Optional<CredentialCipher> cipher, Predicate<String> allowsPrivateTargets) {
        this.http = http;
        this.json = json;
        this.settings = settings;
        this.cipher = cipher;
        this.allowsPrivateTargets = allowsPrivateTargets;
    }

    /** The name the API key is sealed under: a key sealed for one workspace does not open for another. */
    public static String sealingName(String workspaceId) {
        return "ai:" + workspaceId;
    }

    @Override
    public Completion complete(String workspaceId, Prompt prompt) {
        AiSettings config = settings.find(workspaceId).orElseThrow(() -> new Unavailable(
                "no AI model is configured for the workspace (PUT /api/v1/integrations/ai)"));
        URI uri = URI.create(config.baseUrl().replaceAll("/+$", "") + "/chat/completions");
        Optional<String> refused = TargetGuard.refusal(uri, allowsPrivateTargets.test(workspaceId));
        if (refused.isPresent()) {
            throw new Unavailable("the model endpoint is refused: " + refused.get());
        }
        String apiKey = cipher.orElseThrow(() -> new Unavailable("switchboard.secrets-key is not set"))
                .open(sealingName(workspaceId), config.sealedApiKey());
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(prompt, config.model())));
        PlatformHttp.Reply reply;
        try {
            reply = http.exchange("the AI model", request, true);
        } catch (OutboundSender.SendFailed e) {
            throw new Unavailable(e.getMessage());
        }
        if (!reply.ok()) {
            throw new Unavailable("the model endpoint answered " + reply.status() + errorMessage(reply.body()));
        }
        return completion(reply.body());
    }

    private String body(Prompt prompt, String defaultModel) {
        ObjectNode body = json.createObjectNode();
        body.put("model", prompt.model() != null ? prompt.model() : defaultModel);
        ArrayNode messages = body.putArray("messages");
        for (Turn turn : prompt.messages()) {
            ObjectNode m = messages.addObject();
            m.put("role", turn.role());
            if (turn.content() == null) {
                m.putNull("content");
            } else {
                m.put("content", turn.content());
            }
            if (turn.toolCallId() != null) {
                m.put("tool_call_id", turn.toolCallId());
            }
            if (!turn.toolCalls().isEmpty()) {
                ArrayNode calls = m.putArray("tool_calls");
                for (ToolCall call : turn.toolCalls()) {
                    ObjectNode c = calls.addObject();
                    c.put("id", call.id());
                    c.put("type", "function");
                    c.putObject("function").put("name", call.name()).put("arguments", arguments(call));
                }
            }
        }
        ArrayNode tools = body.putArray("tools");
        for (Tool tool : prompt.tools()) {
            ObjectNode function = tools.addObject().put("type", "function").putObject("function");
            function.put("name", tool.name()).put("description", tool.description());
            ObjectNode parameters = function.putObject("parameters").put("type", "object");
            ObjectNode properties = parameters.putObject("properties");
            tool.parameters().forEach((name, description) -> {
                ObjectNode p = properties.putObject(name).put("type", "string").put("description", description);
                if (tool.allowed().containsKey(name)) {
                    tool.allowed().get(name).forEach(p.putArray("enum")::add);
                }
            });
            tool.parameters().keySet().forEach(parameters.putArray("required")::add);
            parameters.put("additionalProperties", false);
        }
        return body.toString();
    }

    private String arguments(ToolCall call) {
        ObjectNode args = json.createObjectNode();
        call.arguments().forEach(args::put);
        return args.toString();
    }

    /** {@code choices[0].message}: its text and its function calls, whose arguments are a JSON string. */
    private Completion completion(String body) {
        JsonNode message;
        try {
            message = json.readTree(body).path("choices").path(0).path("message");
        } catch (IOException e) {
            throw new Unavailable("the model's answer is not JSON");
        }
        if (message.isMissingNode()) {
            throw new Unavailable("the model's answer has no choices[0].message");
        }
        List<ToolCall> calls = new ArrayList<>();
        for (JsonNode call : message.path("tool_calls")) {
            Map<String, String> arguments = new LinkedHashMap<>();
            try {
                JsonNode args = json.readTree(call.path("function").path("arguments").asText("{}"));
                args.fields().forEachRemaining(e -> arguments.put(e.getKey(), e.getValue().isTextual()
                        ? e.getValue().asText() : e.getValue().toString()));
            } catch (IOException e) {
                // arguments the model garbled are passed as none; the tool answers what is missing
            }
            calls.add(new ToolCall(call.path("id").asText(), call.path("function").path("name").asText(), arguments));
        }
        String content = message.path("content").isTextual() ? message.path("content").asText() : null;
        return new Completion(content, calls);
    }

    private String errorMessage(String body) {
        try {
            JsonNode error = json.readTree(body).path("error").path("message");
            return error.isTextual() ? ": " + error.asText() : "";
        } catch (IOException e) {
            return "";
        }
    }
}
