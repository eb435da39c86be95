package io.switchboard.function;

import io.switchboard.config.SwitchboardConfig;
import io.switchboard.document.Problem;
import io.switchboard.engine.IncomingWebhooks;
import io.switchboard.engine.StartRefused;
import io.switchboard.engine.Started;
import io.switchboard.engine.workflow.WorkflowDefinition;
import io.switchboard.function.http.Api;
import io.switchboard.function.http.ApiException;
import io.switchboard.function.http.HttpRequest;
import io.switchboard.function.http.HttpResponse;
import io.switchboard.function.http.Routes;
import io.switchboard.inbound.DeliveryRefused;
import io.switchboard.inbound.WebhookPayload;
import io.switchboard.inbound.WebhookSecretKeeper;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Incoming Webhook: the workflow's URL and signing secret for the workspace (kept by
 * {@link WebhookSecretKeeper}), and the URL an outside system posts to.
 */
@Singleton
public class IncomingWebhookEndpoints {

    private final Api api;
    private final WebhookSecretKeeper keeper;
    private final IncomingWebhooks webhooks;
    private final Optional<String> publicUrl;

    public IncomingWebhookEndpoints(Api api, WebhookSecretKeeper keeper, IncomingWebhooks webhooks,
            SwitchboardConfig config) {
        this.api = api;
        this.keeper = keeper;
        this.webhooks = webhooks;
        this.publicUrl = config.publicUrl();
    }

    public void register(Routes routes) {
        routes.add("GET", "/api/v1/workflows/{workflowId}/webhook", r -> secret(r, false));
        routes.add("POST", "/api/v1/workflows/{workflowId}/webhook/rotate", r -> secret(r, true));
        // four segments, so it never meets the platforms' /webhooks/{platform}/{channelId}
        routes.add("POST", "/webhooks/workflows/{workspaceId}/{workflowId}", this::deliver);
    }

    HttpResponse secret(HttpRequest request, boolean rotate) {
        String ws = api.workspace(request);
        String id = request.param("workflowId");
        WebhookSecretKeeper.Revealed revealed;
        try {
            revealed = keeper.reveal(ws, id, rotate);
        } catch (WebhookSecretKeeper.NotAWebhookWorkflow e) {
            throw new ApiException(409, "not_webhook", e.getMessage());
        } catch (WebhookSecretKeeper.SecretsUnavailable e) {
            throw new ApiException(503, "not_configured", e.getMessage());
        }
        String path = "/webhooks/workflows/" + ws + "/" + id;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("workflowId", id);
        out.put("path", path);
        out.put("url", publicUrl.map(base -> base.replaceAll("/+$", "") + path).orElse(null));
        out.put("secret", revealed.secret());
        out.put("signatureHeader", WebhookPayload.SIGNATURE_HEADER + ": sha256=<hex HMAC-SHA256 of the raw body>");
        out.put("createdAt", revealed.createdAt().toString());
        out.put("published", revealed.published());
        return api.ok(rotate ? 201 : 200, out);
    }

    HttpResponse deliver(HttpRequest request) {
        String ws = request.param("workspaceId");
        String id = request.param("workflowId");
        WorkflowDefinition workflow = webhooks.published(ws, id).orElseThrow(() -> ApiException.notFound(
                "no published workflow with an incoming webhook trigger at " + request.path()));
        try {
            String secret = keeper.signingSecret(ws, id);
            WebhookPayload payload = WebhookPayload.read(api.json(), secret, request.body(),
                    request.header(WebhookPayload.SIGNATURE_HEADER).orElse(null));
            Started started = webhooks.deliver(ws, workflow, payload.delivery(workflow.trigger().webhook(),
                    request.header(WebhookPayload.IDEMPOTENCY_HEADER).orElse(null)));
            return api.ok(started.started() ? 201 : 200, ShortcutEndpoints.view(started));
        } catch (DeliveryRefused e) {
            throw new ApiException(e.status(), e.code(), e.getMessage(),
                    e.path() == null ? List.of() : List.of(new Problem(e.path(), e.getMessage())));
        } catch (WebhookSecretKeeper.SecretsUnavailable e) {
            throw new ApiException(503, "not_configured", e.getMessage());
        } catch (StartRefused e) {
            throw new ApiException(422, "unknown_contact", e.getMessage(),
                    List.of(new Problem(workflow.trigger().webhook().contactIdPath(), e.getMessage())));
        }
    }
}
