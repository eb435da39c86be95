package io.switchboard.inbound;

import io.switchboard.channel.CredentialCipher;
import io.switchboard.document.Draft;
import io.switchboard.document.WorkflowLibrary;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Each Incoming Webhook workflow's signing secret: generated on first read, sealed at rest (bound to
 * its workflow), readable again with the API key, and replaced on rotation, after which the old one
 * stops working at once.
 */
public final class WebhookSecretKeeper {

    /** The workflow does not start on an incoming webhook; the message says what it starts on. */
    public static final class NotAWebhookWorkflow extends RuntimeException {
        NotAWebhookWorkflow(String message) {
            super(message);
        }
    }

    /** {@code switchboard.secrets-key} is not set. */
    public static final class SecretsUnavailable extends RuntimeException {
        SecretsUnavailable() {
            super("switchboard.secrets-key is not set: webhook secrets cannot be sealed or opened");
        }
    }

    /** The secret in clear, when it was made, and whether the workflow is published. */
    public record Revealed(String secret, Instant createdAt, boolean published) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final WorkflowLibrary workflows;
    private final WebhookSecrets secrets;
    private final Optional<CredentialCipher> cipher;
    private final Clock clock;

    public WebhookSecretKeeper(WorkflowLibrary workflows, WebhookSecrets secrets, Optional<CredentialCipher> cipher,
            Clock clock) {
        this.workflows = workflows;
        this.secrets = secrets;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** The workflow's secret, made now if it has none; a new one when {@code rotate}. */
    public Revealed reveal(String ws, String workflowId, boolean rotate) {
        Draft draft = workflows.find(ws, workflowId);
        String type = draft.document().path("trigger").path("type").asText();
        if (!"incoming_webhook".equals(type)) {
            throw new NotAWebhookWorkflow("workflow " + workflowId + " starts on " + type
                    + "; only a workflow with an incoming_webhook trigger has a webhook URL");
        }
        String sealed = cipher().seal(aad(ws, workflowId), random());
        WebhookSecrets.Secret stored = rotate ? secrets.replace(ws, workflowId, sealed, clock.instant())
                : secrets.createIfMissing(ws, workflowId, sealed, clock.instant());
        return new Revealed(cipher().open(aad(ws, workflowId), stored.sealed()), stored.createdAt(),
                draft.publishedVersion() > 0);
    }

    /**
     * The secret a delivery must be signed with. A workflow whose secret was never read cannot be signed
     * for: a random one, which no request matches, so every request is refused as unsigned.
     */
    public String signingSecret(String ws, String workflowId) {
        return secrets.find(ws, workflowId).map(s -> cipher().open(aad(ws, workflowId), s.sealed())).orElse(random());
    }

    private CredentialCipher cipher() {
        return cipher.orElseThrow(SecretsUnavailable::new);
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
