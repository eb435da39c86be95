package io.switchboard.function;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.config.Stores;
import io.switchboard.document.Problem;
import io.switchboard.function.http.Api;
import io.switchboard.function.http.ApiException;
import io.switchboard.function.http.HttpRequest;
import io.switchboard.function.http.HttpResponse;
import io.switchboard.function.http.Routes;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;

/** The workspace's settings: whether HTTP Request steps may call private addresses. */
@Singleton
public class WorkspaceSettingsEndpoints {

    private final Api api;
    private final Stores stores;

    public WorkspaceSettingsEndpoints(Api api, Stores stores) {
        this.api = api;
        this.stores = stores;
    }

    public void register(Routes routes) {
        routes.add("GET", "/api/v1/workspace/settings", this::get);
        routes.add("PUT", "/api/v1/workspace/settings", this::put);
    }

    HttpResponse get(HttpRequest request) {
        String ws = api.workspace(request);
        return api.ok(200, Map.of("allowPrivateHttpTargets", stores.workspaces().allowsPrivateHttpTargets(ws)));
    }

    HttpResponse put(HttpRequest request) {
        String ws = api.workspace(request);
        JsonNode allow = api.body(request).get("allowPrivateHttpTargets");
        if (allow == null || !allow.isBoolean()) {
            throw new ApiException(400, "invalid_request", "$.allowPrivateHttpTargets: true or false",
                    List.of(new Problem("$.allowPrivateHttpTargets", "true or false")));
        }
        stores.workspaces().allowPrivateHttpTargets(ws, allow.asBoolean());
        return get(request);
    }
}
