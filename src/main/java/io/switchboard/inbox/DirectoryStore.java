package io.switchboard.inbox;

public interface DirectoryStore {

    Directory load(String workspaceId);

    /** Replaces the directory if nobody changed it since {@code next.version()} was read. */
    void replace(String workspaceId, Directory next) throws ConcurrentUpdateException;

    /**
     * Takes the next ticket of the team's round-robin rotation. Tickets are handed out atomically, so
     * concurrent runs get distinct tickets and spread evenly.
     */
    long nextRoundRobinTicket(String workspaceId, String teamId);
}
