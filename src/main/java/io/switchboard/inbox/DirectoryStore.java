package io.switchboard.inbox;

import java.util.List;
import java.util.Optional;

/**
 * Agents and teams, each stored on its own so that edits of different agents never meet. A team's
 * member list carries each member's status, so choosing among a team's members is one read.
 *
 * <p>Concurrent edits: a status change is last-writer-wins (the agent's latest click is what they
 * mean); creating an id that exists is a {@link DirectoryConflict}; a team's members are replaced
 * whole, last writer wins. Stores retry their own conflicts and throw
 * {@link ConcurrentUpdateException} (a 409) only when the same item keeps changing under them.
 */
public interface DirectoryStore {

    /** The largest page a list returns. */
    int MAX_PAGE = 1000;

    Optional<Agent> agent(String workspaceId, String agentId);

    Optional<Team> team(String workspaceId, String teamId);

    /** The team's members with their status, in team order: one read. Empty when there is no such team. */
    Optional<List<Agent>> members(String workspaceId, String teamId);

    /** Agents in id order, starting after {@code after} (null: from the first). */
    Page<Agent> agents(String workspaceId, String after, int limit);

    /** Teams in id order, starting after {@code after} (null: from the first). */
    Page<Team> teams(String workspaceId, String after, int limit);

    /** Adds an agent; {@link DirectoryConflict} when the id is taken. */
    void addAgent(String workspaceId, Agent agent);

    /** Sets the agent online or offline, in their teams' member lists too; empty when there is no such agent. */
    Optional<StatusChange> setOnline(String workspaceId, String agentId, boolean online);

    /** Adds a team with its members; {@link DirectoryConflict} when the id is taken or a member is no user. */
    void addTeam(String workspaceId, Team team);

    /** Replaces the team's members; empty when there is no such team, {@link DirectoryConflict} for a non-user. */
    Optional<Team> setMembers(String workspaceId, String teamId, List<String> memberIds);

    /**
     * Takes the next ticket of the team's round-robin rotation. Tickets are handed out atomically, so
     * concurrent runs get distinct tickets and spread evenly.
     */
    default long nextRoundRobinTicket(String workspaceId, String teamId) {
        return nextRoundRobinTickets(workspaceId, teamId, 1);
    }

    /**
     * Takes the next {@code count} tickets of the rotation at once, in one atomic step, and returns the
     * first: the caller hands out that one and the {@code count - 1} after it (a burst's wake-ups).
     */
    long nextRoundRobinTickets(String workspaceId, String teamId, int count);

    /** Puts the contact in the pool's queue (again: no change). {@code pool}: a team id or a rotation name. */
    void enqueue(String workspaceId, String pool, QueuedContact contact);

    /** Takes the contact out of the pool's queue (not there: no change). */
    void dequeue(String workspaceId, String pool, QueuedContact contact);

    /** The pool's queue, longest waiting first, at most {@code limit}. */
    List<QueuedContact> queued(String workspaceId, String pool, int limit);
}
