package io.switchboard.outbound.sheets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.auth.oauth2.ServiceAccountCredentials;
import io.switchboard.channel.CredentialCipher;
import io.switchboard.workspace.WorkspaceStore;
import io.switchboard.workspace.Integration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Each workspace's Google service account: its key sealed at rest with {@code switchboard.secrets-key}
 * (bound to the workspace, so a sealed key copied to another workspace does not open), and one set of
 * credentials per workspace kept in memory so that its access token is reused across runs until
 * shortly before it expires. Replacing the key replaces the credentials.
 */
public final class GoogleServiceAccounts {

    public static final String INTEGRATION = "google-sheets";

    /** A workspace's service account, ready to give access tokens. */
    public record Account(String clientEmail, ServiceAccountCredentials credentials) {

        /** A valid access token: the cached one, or a new one from the key's token endpoint. */
        public String accessToken() throws IOException {
            credentials.refreshIfExpired();
            return credentials.getAccessToken().getTokenValue();
        }

        /** Google refused the cached token (revoked early): get a new one. */
        public String renewedAccessToken() throws IOException {
            credentials.refresh();
            return credentials.getAccessToken().getTokenValue();
        }
    }

    private record Cached(Instant updatedAt, Account account) {
    }

    private final WorkspaceStore workspaces;
    private final Optional<CredentialCipher> cipher;
    private final ObjectMapper json;
    private final ConcurrentMap<String, Cached> accounts = new ConcurrentHashMap<>();

    public GoogleServiceAccounts(WorkspaceStore workspaces, Optional<CredentialCipher> cipher, ObjectMapper json) {
        this.workspaces = workspaces;
        this.cipher = cipher;
        this.json = json;
    }

    /**
     * Checks the key and stores it sealed.
     *
     * @throws ServiceAccountKey.Invalid naming each problem under {@code path}; nothing is stored
     * @throws IllegalStateException when no secrets key is configured
     */
    public Integration configure(String workspaceId, JsonNode key, String path, Instant now) {
        ServiceAccountKey parsed = ServiceAccountKey.parse(key, path);
        String sealed;
        try {
            sealed = cipher().seal(aad(workspaceId), json.writeValueAsString(parsed));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        Integration integration = new Integration(INTEGRATION, parsed.clientEmail(), sealed, now);
        workspaces.putIntegration(workspaceId, integration);
        return integration;
    }

    public Optional<Integration> configured(String workspaceId) {
        return workspaces.integration(workspaceId, INTEGRATION);
    }

    public void remove(String workspaceId) {
        workspaces.removeIntegration(workspaceId, INTEGRATION);
        accounts.remove(workspaceId);
    }

    /**
     * The workspace's account; empty when none is configured.
     *
     * @throws IllegalStateException when the stored key cannot be opened (secrets key missing or changed)
     */
    public Optional<Account> account(String workspaceId) {
        Optional<Integration> stored = configured(workspaceId);
        if (stored.isEmpty()) {
            accounts.remove(workspaceId);
            return Optional.empty();
        }
        Integration integration = stored.get();
        Cached cached = accounts.get(workspaceId);
        if (cached != null && cached.updatedAt().equals(integration.updatedAt())) {
            return Optional.of(cached.account());
        }
        Account account = open(workspaceId, integration);
        accounts.put(workspaceId, new Cached(integration.updatedAt(), account));
        return Optional.of(account);
    }

    private Account open(String workspaceId, Integration integration) {
        CredentialCipher cipher = cipher();
        try {
            ServiceAccountKey key = json.readValue(cipher.open(aad(workspaceId), integration.sealedCredentials()),
                    ServiceAccountKey.class);
            return new Account(key.clientEmail(), key.credentials());
        } catch (IOException | IllegalStateException unreadable) {
            throw new IllegalStateException("the stored Google service-account key does not open with "
                    + "switchboard.secrets-key (was it changed?); configure the key again");
        }
    }

    private static String aad(String workspaceId) {
        return "integration:" + INTEGRATION + ":" + workspaceId;
    }

    private CredentialCipher cipher() {
        return cipher.orElseThrow(() -> new IllegalStateException(
                "switchboard.secrets-key is not set: the Google Sheets integration cannot be configured or used"));
    }
}
