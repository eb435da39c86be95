package io.switchboard.inbox;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The directory as a process keeps it for a moment: an agent, a team and a team's members with their
 * status are read from the store at most once per {@link #FRESH_FOR} and then answered from memory, so
 * the assignments of a busy workspace do not each read the same team again (it was one read per Assign
 * To, a third of a wake-up's reads). Every change made through this process drops the workspace's
 * copies at once, so its own status clicks and team edits count from the next assignment; a change
 * made on another process reaches this one within {@link #FRESH_FOR}, as a publish does. Open-contact
 * counts, queues and the lists the API pages are never kept; round-robin tickets are taken in blocks
 * during a burst ({@link RoundRobinBlocks}).
 */
public final class RecentDirectory implements DirectoryStore {

    /** How long a read is used again: short beside how long an agent's status lasts. */
    public static final Duration FRESH_FOR = Duration.ofSeconds(2);
    /** Bounds the memory: the entries of about this many agents and teams across workspaces. */
    static final long MAX_ENTRIES = 50_000;

    private record Key(String workspaceId, char kind, String id) {
    }

    private final DirectoryStore store;
    private final Cache<Key, Optional<?>> recent;
    private final RoundRobinBlocks tickets;

    public RecentDirectory(DirectoryStore store) {
        this(store, FRESH_FOR, System::nanoTime);
    }

    /** {@code nanos}: the time source the freshness is measured with (a test's own). */
    public RecentDirectory(DirectoryStore store, Duration freshFor, LongSupplier nanos) {
        this.store = store;
        Ticker ticker = nanos::getAsLong;
        this.recent = Caffeine.newBuilder().expireAfterWrite(freshFor).maximumSize(MAX_ENTRIES).ticker(ticker).build();
        this.tickets = new RoundRobinBlocks(store, nanos);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<Agent> agent(String ws, String agentId) {
        return (Optional<Agent>) recent.get(new Key(ws, 'A', agentId), k -> store.agent(ws, agentId));
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<Team> team(String ws, String teamId) {
        return (Optional<Team>) recent.get(new Key(ws, 'T', teamId), k -> store.team(ws, teamId));
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<List<Agent>> members(String ws, String teamId) {
        return (Optional<List<Agent>>) recent.get(new Key(ws, 'M', teamId), k -> store.members(ws, teamId).map(List::copyOf));
    }

    @Override
    public Page<Agent> agents(String ws, String after, int limit) {
        return store.agents(ws, after, limit);
    }

    @Override
    public Page<Team> teams(String ws, String after, int limit) {
        return store.teams(ws, after, limit);
    }

    @Override
    public void addAgent(String ws, Agent agent) {
        changing(ws, () -> {
            store.addAgent(ws, agent);
            return null;
        });
    }

    @Override
    public Optional<StatusChange> setOnline(String ws, String agentId, boolean online) {
        return changing(ws, () -> store.setOnline(ws, agentId, online));
    }

    @Override
    public void addTeam(String ws, Team team) {
        changing(ws, () -> {
            store.addTeam(ws, team);
            return null;
        });
    }

    @Override
    public Optional<Team> setMembers(String ws, String teamId, List<String> memberIds) {
        return changing(ws, () -> store.setMembers(ws, teamId, memberIds));
    }

    @Override
    public long nextRoundRobinTicket(String ws, String teamId) {
        return tickets.next(ws, teamId);
    }

    @Override
    public long nextRoundRobinTickets(String ws, String teamId, int count) {
        return store.nextRoundRobinTickets(ws, teamId, count);
    }

    @Override
    public void enqueue(String ws, String pool, QueuedContact contact) {
        store.enqueue(ws, pool, contact);
    }

    @Override
    public void dequeue(String ws, String pool, QueuedContact contact) {
        store.dequeue(ws, pool, contact);
    }

    @Override
    public List<QueuedContact> queued(String ws, String pool, int limit) {
        return store.queued(ws, pool, limit);
    }

    /**
     * Makes a change, then drops every copy of the workspace's directory, a failed change's too (its
     * outcome may be unknown).
     */
    private <T> T changing(String ws, java.util.function.Supplier<T> change) {
        try {
            return change.get();
        } finally {
            recent.asMap().keySet().removeIf(key -> key.workspaceId().equals(ws));
        }
    }
}
