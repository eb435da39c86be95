package io.switchboard.inbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A whole directory held in memory: the form the directory was stored in before agents and teams
 * became items of their own (read once to move it), and the engine tests' fake.
 */
public record DirectorySnapshot(Map<String, Agent> agentsById, Map<String, Team> teamsById) implements Directory {

    public static DirectorySnapshot empty() {
        return new DirectorySnapshot(Map.of(), Map.of());
    }

    @Override
    public Optional<Agent> agent(String id) {
        return Optional.ofNullable(id == null ? null : agentsById.get(id));
    }

    @Override
    public Optional<Team> team(String id) {
        return Optional.ofNullable(id == null ? null : teamsById.get(id));
    }

    @Override
    public Optional<List<Agent>> members(String teamId) {
        return team(teamId).map(t -> t.memberIds().stream().map(agentsById::get).filter(a -> a != null).toList());
    }

    @Override
    public List<Agent> agents() {
        return agentsById.values().stream().sorted(java.util.Comparator.comparing(Agent::id)).toList();
    }

    public DirectorySnapshot withAgent(Agent agent) {
        Map<String, Agent> copy = new LinkedHashMap<>(agentsById);
        copy.put(agent.id(), agent);
        return new DirectorySnapshot(copy, teamsById);
    }

    public DirectorySnapshot withTeam(Team team) {
        Map<String, Team> copy = new LinkedHashMap<>(teamsById);
        copy.put(team.id(), team);
        return new DirectorySnapshot(agentsById, copy);
    }
}
