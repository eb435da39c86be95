package io.switchboard.inbox;

import java.util.List;

/**
 * An agent's status as stored after a change, the teams whose member lists carry it, and whether the
 * agent was offline before (then their teams' queues are offered to them at once).
 */
public record StatusChange(Agent agent, List<String> teams, boolean cameOnline) {
}
