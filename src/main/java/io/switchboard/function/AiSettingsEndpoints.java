package io.switchboard.function;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.channel.CredentialCipher;
import io.switchboard.config.SwitchboardConfig;
import io.switchboard.document.Problem;
import io.switchboard.function.http.Api;
import io.switchboard.function.http.ApiException;
import io.switchboard.function.http.HttpRequest;
import io.switchboard.function.http.HttpResponse;
import io.switchboard.function.http.Routes;
import io.switchboard.outbound.ChatCompletionsModel;
import io.switchboard.store.DynamoAiSettingsStore;
import io.switchboard.store.DynamoAiSettingsStore.AiSettings;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The workspace's chat model for AI Agent steps; the API key is sealed at rest and never shown again. */
@Singleton
public class AiSettingsEndpoints {

    private final Api api;
    private final DynamoAiSettingsStore settings;
    private final Optional<CredentialCipher> cipher;

    public AiSettingsEndpoints(Api api, DynamoAiSettingsStore settings, SwitchboardConfig config) {
        this.api = api;
        this.settings = settings;
        this.cipher = config.secretsKey().map(CredentialCipher::new);
    }

    public void register(Routes routes) {
        routes.add("GET", "/api/v1/integrations/ai", this::get);
        routes.add("PUT", "/api/v1/integrations/ai", this::put);
        routes.add("DELETE", "/api/v1/integrations/ai", this::delete);
    }

    HttpResponse get(HttpRequest request) {
        String ws = api.workspace(request);
        AiSettings found = settings.find(ws).orElseThrow(() -> ApiException.notFound("no AI model is configured"));
        return api.ok(200, view(found));
    }

    HttpResponse put(HttpRequest request) {
        String ws = api.workspace(request);
        JsonNode body = api.body(request);
        List<Problem> problems = new ArrayList<>();
        String baseUrl = text(body, "baseUrl", 2000, problems);
        String model = text(body, "model", 200, problems);
        String apiKey = text(body, "apiKey", 2000, problems);
        if (baseUrl != null && !isHttpUrl(baseUrl)) {
            problems.add(new Problem("$.baseUrl", "an http or https URL such as https://api.openai.com/v1"));
        }
        if (!problems.isEmpty()) {
            throw new ApiException(400, "invalid_request", problems.get(0).path() + ": " + problems.get(0).message(),
                    problems);
        }
        CredentialCipher sealer = cipher.orElseThrow(() -> new ApiException(503, "not_configured",
                "switchboard.secrets-key is not set, so the API key cannot be stored"));
        AiSettings saved = new AiSettings(baseUrl, model, sealer.seal(ChatCompletionsModel.sealingName(ws), apiKey));
        settings.save(ws, saved);
        return api.ok(200, view(saved));
    }

    HttpResponse delete(HttpRequest request) {
        settings.remove(api.workspace(request));
        return api.ok(200, Map.of("removed", true));
    }

    private static Map<String, Object> view(AiSettings s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("baseUrl", s.baseUrl());
        out.put("model", s.model());
        out.put("apiKey", "********");
        return out;
    }

    private static String text(JsonNode body, String name, int max, List<Problem> problems) {
        JsonNode value = body.get(name);
        if (value == null || !value.isTextual() || value.asText().isBlank() || value.asText().length() > max) {
            problems.add(new Problem("$." + name, "a text of 1 to " + max + " characters"));
            return null;
        }
        return value.asText().strip();
    }

    private static boolean isHttpUrl(String text) {
        try {
            URI uri = URI.create(text);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
