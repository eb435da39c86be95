package io.switchboard.workspace;

import java.time.Instant;
import java.util.Map;

/**
 * A connected channel. {@code secret} is the custom channel's signing secret; {@code settings} are
 * a platform channel's public settings (ids, names) and {@code sealedCredentials} its encrypted
 * credentials.
 */
public record Channel(String id, String workspaceId, String type, String name, String secret,
        Map<String, String> settings, String sealedCredentials, Instant createdAt) {

    public Channel(String id, String workspaceId, String type, String name, String secret) {
        this(id, workspaceId, type, name, secret, Map.of(), null, null);
    }
}
