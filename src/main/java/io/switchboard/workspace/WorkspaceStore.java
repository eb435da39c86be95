package io.switchboard.workspace;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Workspaces: their API keys, settings, connected channels and integrations. */
public interface WorkspaceStore {

    /** Creates the workspace and its first API key; false when the workspace id is taken. */
    boolean create(String workspaceId, String name, String apiKey, Instant now);

    boolean exists(String workspaceId);

    /** Whether the workspace's HTTP Request steps may call private and loopback addresses (default no). */
    boolean allowsPrivateHttpTargets(String workspaceId);

    /** Stored on the workspace item; false when the workspace does not exist. */
    boolean allowPrivateHttpTargets(String workspaceId, boolean allow);

    /** Stored under the workspace; a new one replaces the old. */
    void putIntegration(String workspaceId, Integration integration);

    Optional<Integration> integration(String workspaceId, String name);

    void removeIntegration(String workspaceId, String name);

    Optional<String> workspaceOfApiKey(String apiKey);

    void addChannel(Channel channel);

    Optional<Channel> channel(String channelId);

    /** The workspace's channels, in id order. */
    List<Channel> channels(String workspaceId);
}
