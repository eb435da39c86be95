package io.switchboard.inbox;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link Directory} read from the store on demand. Each answer is kept for the view's lifetime (a
 * segment of a run, one HTTP request), so steps that ask twice read once, and the view never grows
 * beyond what was asked.
 */
final class DirectoryReads implements Directory {

    private final DirectoryStore store;
    private final String ws;
    private final Map<String, Optional<Agent>> agents = new HashMap<>();
    private final Map<String, Optional<Team>> teams = new HashMap<>();
    private final Map<String, Optional<List<Agent>>> members = new HashMap<>();
    private List<Agent> all;

    DirectoryReads(DirectoryStore store, String ws) {
        this.store = store;
        this.ws = ws;
    }

    @Override
    public Optional<Agent> agent(String id) {
        if (id == null) {
            return Optional.empty();
        }
        return agents.computeIfAbsent(id, k -> store.agent(ws, k));
    }

    @Override
    public Optional<Team> team(String id) {
        if (id == null) {
            return Optional.empty();
        }
        return teams.computeIfAbsent(id, k -> store.team(ws, k));
    }

    @Override
    public Optional<List<Agent>> members(String teamId) {
        if (teamId == null) {
            return Optional.empty();
        }
        Optional<List<Agent>> read = members.computeIfAbsent(teamId, k -> store.members(ws, k));
        // a member copy is the agent as stored: a later step naming the agent (a comment's
        // $conversation.assignee) reads nothing more
        read.ifPresent(list -> list.forEach(a -> agents.putIfAbsent(a.id(), Optional.of(a))));
        return read;
    }

    @Override
    public List<Agent> agents() {
        if (all == null) {
            List<Agent> read = new ArrayList<>();
            String after = null;
            do {
                Page<Agent> page = store.agents(ws, after, DirectoryStore.MAX_PAGE);
                read.addAll(page.items());
                after = page.next();
            } while (after != null);
            all = List.copyOf(read);
        }
        return all;
    }
}
