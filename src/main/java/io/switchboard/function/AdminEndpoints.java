package io.switchboard.function;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.config.Stores;
import io.switchboard.config.SwitchboardConfig;
import io.switchboard.function.http.Api;
import io.switchboard.function.http.ApiException;
import io.switchboard.function.http.HttpRequest;
import io.switchboard.function.http.HttpResponse;
import io.switchboard.function.http.Routes;
import jakarta.inject.Singleton;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;

/** Creating workspaces: the operator's entry point, guarded by the admin token. */
@Singleton
public class AdminEndpoints {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Api api;
    private final Stores stores;
    private final SwitchboardConfig config;
    private final Clock clock;

    public AdminEndpoints(Api api, Stores stores, SwitchboardConfig config, Clock clock) {
        this.api = api;
        this.stores = stores;
        this.config = config;
        this.clock = clock;
    }

    public void register(Routes routes) {
        routes.add("POST", "/admin/workspaces", this::createWorkspace);
    }

    HttpResponse createWorkspace(HttpRequest request) {
        String expected = config.adminToken().orElseThrow(() -> new ApiException(403, "forbidden",
                "the admin API is disabled; set switchboard.admin-token to enable it"));
        String given = request.header("x-admin-token").orElseThrow(() -> new ApiException(401, "unauthorized",
                "missing X-Admin-Token header"));
        if (!MessageDigest.isEqual(expected.getBytes(), given.getBytes())) {
            throw new ApiException(401, "unauthorized", "wrong admin token");
        }
        JsonNode body = api.body(request);
        String id = Api.id(body.hasNonNull("id") ? body.get("id").asText() : randomId(), "$.id");
        String name = Api.text(body, "name", "$");
        String apiKey = body.hasNonNull("apiKey") ? body.get("apiKey").asText() : newApiKey();
        if (apiKey.length() < 24) {
            throw ApiException.badRequest("$.apiKey must be at least 24 characters");
        }
        if (!stores.workspaces().create(id, name, apiKey, clock.instant())) {
            throw new ApiException(409, "conflict", "workspace " + id + " already exists");
        }
        return api.ok(201, Map.of("workspaceId", id, "name", name, "apiKey", apiKey));
    }

    static String newApiKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "sb_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String randomId() {
        byte[] bytes = new byte[9];
        RANDOM.nextBytes(bytes);
        return "ws_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).replace('-', 'x').replace('_', 'y');
    }
}
