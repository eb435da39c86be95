package io.switchboard.inbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The workspace's agents and teams, read and written as one small document: assignment needs all of
 * it at once (members, who is online), and it changes rarely compared with how often it is read.
 * {@code version} guards concurrent edits.
 */
public record Directory(Map<String, Agent> agents, Map<String, Team> teams, long version) {

    public static Directory empty() {
        return new Directory(Map.of(), Map.of(), 0);
    }

    public Optional<Agent> agent(String id) {
        return Optional.ofNullable(id == null ? null : agents.get(id));
    }

    public Optional<Team> team(String id) {
        return Optional.ofNullable(id == null ? null : teams.get(id));
    }

    public List<Agent> members(Team team) {
        return team.memberIds().stream().map(agents::get).filter(a -> a != null).toList();
    }

    public Directory withAgent(Agent agent) {
        Map<String, Agent> copy = new LinkedHashMap<>(agents);
        copy.put(agent.id(), agent);
        return new Directory(copy, teams, version);
    }

    public Directory withTeam(Team team) {
        Map<String, Team> copy = new LinkedHashMap<>(teams);
        copy.put(team.id(), team);
        return new Directory(agents, copy, version);
    }
}
