package io.switchboard.engine.assign;

import io.switchboard.engine.step.assignto.AssignToStep.Logic;
import io.switchboard.inbox.Agent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.ToIntFunction;

/**
 * Chooses an agent from a pool (a team's members or the whole workspace).
 *
 * <p>Eligibility: online agents only when asked, agents under the open-contacts cap when one is set.
 * The current assignee is dropped from the eligible set whenever anyone else is eligible. When the
 * run itself assigned the current assignee, this is a reassignment and they are never eligible: the
 * conversation does not go back to the agent who failed to reply, and with nobody else eligible the
 * contact waits in the queue, as the product does when nobody qualifies.
 *
 * <p>Round robin indexes the eligible agents (in team order) with a ticket that the store hands out
 * atomically, so concurrent runs land on different agents. Least open contacts picks the agent with
 * the fewest open conversations; ties take turns by the same rotation, so equal agents share evenly.
 */
public final class AssignmentPolicy {

    /**
     * The chosen agent (null: nobody), the eligible ones, their loads when counted, the reason in a
     * few words, and why each agent of the pool that was not eligible was left out (in pool order).
     */
    public record Choice(Agent agent, List<String> eligible, Map<String, Integer> openContacts, String reason,
            Map<String, String> notEligible) {

        public Choice(Agent agent, List<String> eligible, Map<String, Integer> openContacts, String reason) {
            this(agent, eligible, openContacts, reason, Map.of());
        }

        public boolean found() {
            return agent != null;
        }
    }

    /** Why an agent of the pool was not eligible: the words the run's history and the inspector show. */
    public static final String OFFLINE = "offline";
    public static final String ASSIGNED_BY_THIS_RUN = "already assigned by this run";
    public static final String CURRENT_ASSIGNEE = "the current assignee";

    static String atLimit(int maxOpenContacts) {
        return "at the limit of " + maxOpenContacts + " open contacts";
    }

    public Choice choose(List<Agent> pool, String currentAssigneeId, Logic logic, boolean onlyOnline,
            Integer maxOpenContacts, LongSupplier roundRobinTicket, ToIntFunction<String> openContactsOf) {
        return choose(pool, currentAssigneeId, false, logic, onlyOnline, maxOpenContacts, roundRobinTicket,
                openContactsOf);
    }

    /** {@code reassigning}: the current assignee is never eligible (see the class comment). */
    public Choice choose(List<Agent> pool, String currentAssigneeId, boolean reassigning, Logic logic,
            boolean onlyOnline, Integer maxOpenContacts, LongSupplier roundRobinTicket,
            ToIntFunction<String> openContactsOf) {
        Map<String, Integer> load = new java.util.LinkedHashMap<>();
        boolean needLoad = logic == Logic.LEAST_OPEN_CONTACTS || maxOpenContacts != null;
        List<Agent> eligible = new ArrayList<>();
        Map<String, String> notEligible = new java.util.LinkedHashMap<>();
        for (Agent agent : pool) {
            if (onlyOnline && !agent.online()) {
                notEligible.put(agent.id(), OFFLINE);
                continue;
            }
            if (needLoad) {
                int open = openContactsOf.applyAsInt(agent.id());
                load.put(agent.id(), open);
                if (maxOpenContacts != null && open >= maxOpenContacts) {
                    notEligible.put(agent.id(), atLimit(maxOpenContacts));
                    continue;
                }
            }
            eligible.add(agent);
        }
        boolean currentWasEligible = eligible.stream().anyMatch(a -> a.id().equals(currentAssigneeId));
        if (currentWasEligible && (eligible.size() > 1 || reassigning)) {
            eligible.removeIf(a -> a.id().equals(currentAssigneeId));
            notEligible.put(currentAssigneeId, reassigning ? ASSIGNED_BY_THIS_RUN : CURRENT_ASSIGNEE);
        }
        List<String> ids = eligible.stream().map(Agent::id).toList();
        if (eligible.isEmpty()) {
            String why = pool.isEmpty() ? "nobody to choose from"
                    : currentWasEligible ? "no eligible agent other than the current assignee"
                    : onlyOnline ? "no eligible agent online" : "no eligible agent";
            return new Choice(null, ids, load, why, notEligible);
        }
        Agent chosen = switch (logic) {
            case ROUND_ROBIN -> eligible.get((int) Math.floorMod(roundRobinTicket.getAsLong(), (long) eligible.size()));
            case LEAST_OPEN_CONTACTS -> leastLoaded(eligible, load, roundRobinTicket);
        };
        return new Choice(chosen, ids, load, logic == Logic.ROUND_ROBIN ? "round robin" : "least open contacts",
                notEligible);
    }

    private static Agent leastLoaded(List<Agent> eligible, Map<String, Integer> load, LongSupplier ticket) {
        int min = eligible.stream().mapToInt(a -> load.get(a.id())).min().orElseThrow();
        List<Agent> tied = eligible.stream().filter(a -> load.get(a.id()) == min).toList();
        return tied.size() == 1 ? tied.get(0) : tied.get((int) Math.floorMod(ticket.getAsLong(), (long) tied.size()));
    }
}
