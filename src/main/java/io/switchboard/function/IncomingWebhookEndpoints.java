package io.switchboard.function;

import io.switchboard.channel.CredentialCipher;
import io.switchboard.config.Stores;
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
import io.switchboard.store.DynamoWebhookSecrets;
import io.switchboard.store.DynamoWebhookSecrets.Secret;
import io.switchboard.document.Draft;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Incoming Webhook: the workflow's URL and signing secret for the workspace (the secret is generated
 * on first read, sealed at rest, readable again with the API key, and rotated on request), and the
 * URL an outside system posts to.
 */
@Singleton
public class IncomingWebhookEndpoints {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Api api;
    private final Stores stores;
    private final DynamoWebhookSecrets secrets;
    private final IncomingWebhooks webhooks;
    private final Optional<CredentialCipher> cipher;
    private final Optional<String> publicUrl;
    private final Clock clock;

    public IncomingWebhookEndpoints(Api api, Stores stores, DynamoWebhookSecrets secrets, IncomingWebhooks webhooks,
            SwitchboardConfig config, Clock clock) {
        this.api = api;
        this.stores = stores;
        this.secrets = secrets;
        this.webhooks = webhooks;
        this.cipher = config.secretsKey().map(CredentialCipher::new);
        this.publicUrl = config.publicUrl();
        this.clock = clock;
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
        Draft draft = stores.workflows().find(ws, id).orElseThrow(() -> ApiException.notFound("no workflow " + id));
        String type = draft.document().path("trigger").path("type").asText();
        if (!"incoming_webhook".equals(type)) {
            throw new ApiException(409, "not_webhook", "workflow " + id + " starts on " + type
                    + "; only a workflow with an incoming_webhook trigger has a webhook URL");
        }
        String plain = random();
        String sealed = cipher().seal(aad(ws, id), plain);
        Secret stored = rotate ? secrets.replace(ws, id, sealed, clock.instant())
                : secrets.createIfMissing(ws, id, sealed, clock.instant());
        String path = "/webhooks/workflows/" + ws + "/" + id;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("workflowId", id);
        out.put("path", path);
        out.put("url", publicUrl.map(base -> base.replaceAll("/+$", "") + path).orElse(null));
        out.put("secret", cipher().open(aad(ws, id), stored.sealed()));
        out.put("signatureHeader", WebhookPayload.SIGNATURE_HEADER + ": sha256=<hex HMAC-SHA256 of the raw body>");
        out.put("createdAt", stored.createdAt().toString());
        out.put("published", draft.publishedVersion() > 0);
        return api.ok(rotate ? 201 : 200, out);
    }

    HttpResponse deliver(HttpRequest request) {
        String ws = request.param("workspaceId");
        String id = request.param("workflowId");
        WorkflowDefinition workflow = webhooks.published(ws, id).orElseThrow(() -> ApiException.notFound(
                "no published workflow with an incoming webhook trigger at " + request.path()));
        try {
            // a workflow whose secret was never read cannot be signed for: every request is refused as unsigned
            String secret = secrets.find(ws, id).map(s -> cipher().open(aad(ws, id), s.sealed())).orElse(random());
            WebhookPayload payload = WebhookPayload.read(api.json(), secret, request.body(),
                    request.header(WebhookPayload.SIGNATURE_HEADER).orElse(null));
            Started started = webhooks.deliver(ws, workflow, payload.delivery(workflow.trigger().webhook(),
                    request.header(WebhookPayload.IDEMPOTENCY_HEADER).orElse(null)));
            return api.ok(started.started() ? 201 : 200, ShortcutEndpoints.view(started));
        } catch (DeliveryRefused e) {
            throw new ApiException(e.status(), e.code(), e.getMessage(),
                    e.path() == null ? List.of() : List.of(new Problem(e.path(), e.getMessage())));
        } catch (StartRefused e) {
            throw new ApiException(422, "unknown_contact", e.getMessage(),
                    List.of(new Problem(workflow.trigger().webhook().contactIdPath(), e.getMessage())));
        }
    }

    private CredentialCipher cipher() {
        return cipher.orElseThrow(() -> new ApiException(503, "not_configured",
                "switchboard.secrets-key is not set: webhook secrets cannot be sealed or opened"));
    }

    /** Binds a sealed secret to its workflow, so it cannot be copied onto another one. */
    private static String aad(String ws, String workflowId) {
        return "webhook:" + ws + ":" + workflowId;
    }

    private static String random() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
