package io.switchboard.inbox;

import java.util.List;
import java.util.Optional;

/**
 * The workspace's agents and teams as the engine and the endpoints read them: by id, and a team's
 * members with their status in one read. Nothing is read until asked ({@link #of}), so a trigger
 * whose conditions never name an agent costs no directory read at all.
 */
public interface Directory {

    Optional<Agent> agent(String id);

    Optional<Team> team(String id);

    /** The team's members with their online status, in team order; empty when there is no such team. */
    Optional<List<Agent>> members(String teamId);

    /** Every agent of the workspace, in id order (read page by page). */
    List<Agent> agents();

    /** A view that reads the store on first use and remembers what it read (one segment of a run, one request). */
    static Directory of(DirectoryStore store, String workspaceId) {
        return new DirectoryReads(store, workspaceId);
    }
}
