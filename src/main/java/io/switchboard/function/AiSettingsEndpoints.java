package io.switchboard.function;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.function.http.Api;
import io.switchboard.outbound.AiModelSettings;
import io.switchboard.function.http.ApiException;
import io.switchboard.function.http.HttpRequest;
import io.switchboard.function.http.HttpResponse;
import io.switchboard.function.http.Routes;
import io.switchboard.workspace.AiSettingsStore.AiSettings;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;

/** The workspace's chat model for AI Agent steps; the API key is sealed at rest and never shown again. */
@Singleton
public class AiSettingsEndpoints {

    private final Api api;
    private final AiModelSettings settings;

    public AiSettingsEndpoints(Api api, AiModelSettings settings) {
        this.api = api;
        this.settings = settings;
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
        try {
            return api.ok(200, view(settings.configure(ws, text(body, "baseUrl"), text(body, "model"),
                    text(body, "apiKey"))));
        } catch (AiModelSettings.Invalid e) {
            throw new ApiException(400, "invalid_request", e.getMessage(), e.problems());
        } catch (AiModelSettings.SecretsUnavailable e) {
            throw new ApiException(503, "not_configured", e.getMessage());
        }
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

    private static String text(JsonNode body, String name) {
        JsonNode value = body.get(name);
        return value != null && value.isTextual() ? value.asText() : null;
    }
}
