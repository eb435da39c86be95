package io.switchboard.function;

import io.switchboard.function.http.Api;
import io.switchboard.function.http.ApiException;
import io.switchboard.function.http.HttpRequest;
import io.switchboard.function.http.HttpResponse;
import io.switchboard.function.http.Routes;
import io.switchboard.outbound.sheets.GoogleServiceAccounts;
import io.switchboard.outbound.sheets.ServiceAccountKey;
import io.switchboard.workspace.Integration;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The workspace's Google Sheets integration: its service-account key goes in once, sealed; reads show
 * the account's email (the address to share spreadsheets with), never the key.
 */
@Singleton
public class IntegrationEndpoints {

    private static final String PATH = "/api/v1/integrations/google-sheets";

    private final Api api;
    private final GoogleServiceAccounts accounts;
    private final Clock clock;

    public IntegrationEndpoints(Api api, GoogleServiceAccounts accounts, Clock clock) {
        this.api = api;
        this.accounts = accounts;
        this.clock = clock;
    }

    public void register(Routes routes) {
        routes.add("PUT", PATH, this::configure);
        routes.add("GET", PATH, this::read);
        routes.add("DELETE", PATH, this::remove);
    }

    HttpResponse configure(HttpRequest request) {
        String ws = api.workspace(request);
        try {
            return api.ok(200, view(accounts.configure(ws, api.body(request).get("serviceAccountKey"),
                    "$.serviceAccountKey", clock.instant())));
        } catch (ServiceAccountKey.Invalid invalid) {
            throw new ApiException(400, "invalid_request", invalid.getMessage(), invalid.problems());
        } catch (IllegalStateException noSecretsKey) {
            throw new ApiException(503, "not_configured", noSecretsKey.getMessage());
        }
    }

    HttpResponse read(HttpRequest request) {
        String ws = api.workspace(request);
        return api.ok(200, view(accounts.configured(ws).orElseThrow(() -> ApiException.notFound(
                "Google Sheets is not connected; PUT " + PATH + " with {\"serviceAccountKey\": <the key's JSON>}"))));
    }

    HttpResponse remove(HttpRequest request) {
        accounts.remove(api.workspace(request));
        return api.ok(200, Map.of("integration", GoogleServiceAccounts.INTEGRATION, "connected", false));
    }

    private static Map<String, Object> view(Integration integration) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("integration", integration.name());
        out.put("connected", true);
        out.put("clientEmail", integration.account());
        out.put("updatedAt", String.valueOf(integration.updatedAt()));
        return out;
    }
}
