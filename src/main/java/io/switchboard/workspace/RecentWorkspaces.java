package io.switchboard.workspace;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The two workspace reads every request makes, as a process keeps them for a moment: the channel a
 * webhook arrives on (its secret and workspace) and the workspace an API key belongs to. Each was one
 * GetItem on every webhook and every API call. Both items are written once and never changed (a
 * channel is added under a not-exists condition; keys are neither rotated nor revoked by the store),
 * so a kept copy cannot disagree with the table; {@link #FRESH_FOR} only bounds how long an item
 * removed by hand is still answered. Only what was found is kept: a channel or key created on another
 * process works here at once.
 */
public final class RecentWorkspaces implements WorkspaceStore {

    /** How long a read is used again. */
    public static final Duration FRESH_FOR = Duration.ofSeconds(2);
    /** Bounds the memory: about this many channels and API keys across workspaces. */
    static final long MAX_ENTRIES = 50_000;

    private final WorkspaceStore store;
    private final Cache<String, Channel> channels;
    private final Cache<String, String> workspaceOfKey;

    public RecentWorkspaces(WorkspaceStore store) {
        this(store, FRESH_FOR, System::nanoTime);
    }

    /** {@code nanos}: the time source the freshness is measured with (a test's own). */
    public RecentWorkspaces(WorkspaceStore store, Duration freshFor, LongSupplier nanos) {
        this.store = store;
        Ticker ticker = nanos::getAsLong;
        this.channels = Caffeine.newBuilder().expireAfterWrite(freshFor).maximumSize(MAX_ENTRIES).ticker(ticker).build();
        this.workspaceOfKey = Caffeine.newBuilder().expireAfterWrite(freshFor).maximumSize(MAX_ENTRIES).ticker(ticker)
                .build();
    }

    @Override
    public Optional<Channel> channel(String channelId) {
        return keptOrRead(channels, channelId, store::channel);
    }

    @Override
    public Optional<String> workspaceOfApiKey(String apiKey) {
        return keptOrRead(workspaceOfKey, apiKey, store::workspaceOfApiKey);
    }

    /** The kept answer, else the store's, kept only when found (something absent may be created elsewhere). */
    private static <V> Optional<V> keptOrRead(Cache<String, V> kept, String key, Function<String, Optional<V>> read) {
        V found = kept.getIfPresent(key);
        if (found != null) {
            return Optional.of(found);
        }
        Optional<V> stored = read.apply(key);
        stored.ifPresent(v -> kept.put(key, v));
        return stored;
    }

    @Override
    public void addChannel(Channel channel) {
        try {
            store.addChannel(channel);
        } finally {
            channels.invalidate(channel.id());
        }
    }

    @Override
    public boolean create(String workspaceId, String name, String apiKey, Instant now) {
        return store.create(workspaceId, name, apiKey, now);
    }

    @Override
    public boolean exists(String workspaceId) {
        return store.exists(workspaceId);
    }

    @Override
    public boolean allowsPrivateHttpTargets(String workspaceId) {
        return store.allowsPrivateHttpTargets(workspaceId);
    }

    @Override
    public boolean allowPrivateHttpTargets(String workspaceId, boolean allow) {
        return store.allowPrivateHttpTargets(workspaceId, allow);
    }

    @Override
    public void putIntegration(String workspaceId, Integration integration) {
        store.putIntegration(workspaceId, integration);
    }

    @Override
    public Optional<Integration> integration(String workspaceId, String name) {
        return store.integration(workspaceId, name);
    }

    @Override
    public void removeIntegration(String workspaceId, String name) {
        store.removeIntegration(workspaceId, name);
    }

    @Override
    public List<Channel> channels(String workspaceId) {
        return store.channels(workspaceId);
    }
}
