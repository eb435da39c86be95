package io.switchboard.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.switchboard.engine.assign.AssignmentPolicy;
import io.switchboard.engine.assign.AssignmentPolicy.Choice;
import io.switchboard.engine.step.assignto.AssignToStep.Logic;
import io.switchboard.inbox.Agent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class AssignmentPolicyTest {

    final AssignmentPolicy policy = new AssignmentPolicy();
    final Agent alice = new Agent("alice", "Alice", null, true);
    final Agent bob = new Agent("bob", "Bob", null, true);
    final Agent carol = new Agent("carol", "Carol", null, false);
    final Agent dave = new Agent("dave", "Dave", null, true);

    @Test
    void roundRobinTakesTurnsAmongOnlineAgents() {
        AtomicLong ticket = new AtomicLong();
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < 30; i++) {
            Choice c = policy.choose(List.of(alice, bob, carol, dave), null, Logic.ROUND_ROBIN, true, null,
                    ticket::getAndIncrement, id -> 0);
            counts.merge(c.agent().id(), 1, Integer::sum);
        }
        assertEquals(Map.of("alice", 10, "bob", 10, "dave", 10), counts);
    }

    @Test
    void aReassignmentFindsNobodyWhenTheAgentWhoDidNotReplyIsTheOnlyOneEligible() {
        Choice c = policy.choose(List.of(alice, carol), "alice", true, Logic.ROUND_ROBIN, true, null, () -> 0, id -> 0);
        assertFalse(c.found(), "Alice is not handed back her own conversation");
        assertEquals("no eligible agent other than the current assignee", c.reason());
        Choice first = policy.choose(List.of(alice, carol), "alice", false, Logic.ROUND_ROBIN, true, null, () -> 0,
                id -> 0);
        assertEquals("alice", first.agent().id(), "an assignee left from an earlier conversation may be chosen again");
    }

    @Test
    void saysWhyEachAgentItLeftOutWasNotEligible() {
        Map<String, Integer> load = Map.of("alice", 0, "bob", 3, "carol", 0, "dave", 1);
        Choice reassignment = policy.choose(List.of(alice, bob, carol, dave), "alice", true, Logic.ROUND_ROBIN, true, 3,
                () -> 0, load::get);
        assertEquals("dave", reassignment.agent().id());
        assertEquals(Map.of("bob", "at the limit of 3 open contacts", "carol", "offline",
                "alice", "already assigned by this run"), reassignment.notEligible());
        assertEquals(List.of("bob", "carol", "alice"), List.copyOf(reassignment.notEligible().keySet()),
                "in the order the pool was looked at");

        Choice fresh = policy.choose(List.of(alice, bob, dave), "alice", Logic.ROUND_ROBIN, true, null, () -> 0, id -> 0);
        assertEquals(Map.of("alice", "the current assignee"), fresh.notEligible(),
                "an assignee from an earlier conversation is passed over while someone else is eligible");
        Choice kept = policy.choose(List.of(alice, carol), "alice", Logic.ROUND_ROBIN, true, null, () -> 0, id -> 0);
        assertEquals(Map.of("carol", "offline"), kept.notEligible(), "the one eligible current assignee is not left out");
    }

    @Test
    void neverHandsTheConversationBackToItsCurrentAssigneeWhileSomeoneElseIsEligible() {
        for (long t = 0; t < 10; t++) {
            long ticket = t;
            Choice c = policy.choose(List.of(alice, bob), "alice", Logic.ROUND_ROBIN, true, null, () -> ticket, id -> 0);
            assertEquals("bob", c.agent().id());
        }
    }

    @Test
    void keepsTheCurrentAssigneeWhenTheyAreTheOnlyOneEligible() {
        Choice c = policy.choose(List.of(alice, carol), "alice", Logic.ROUND_ROBIN, true, null, () -> 0, id -> 0);
        assertEquals("alice", c.agent().id());
    }

    @Test
    void reportsWhyNobodyWasChosen() {
        Choice c = policy.choose(List.of(carol), null, Logic.ROUND_ROBIN, true, null, () -> 0, id -> 0);
        assertFalse(c.found());
        assertEquals("no eligible agent online", c.reason());
    }

    @Test
    void leastOpenContactsPicksTheLeastLoadedAndRespectsTheCap() {
        Map<String, Integer> load = Map.of("alice", 4, "bob", 2, "dave", 3);
        assertEquals("bob", policy.choose(List.of(alice, bob, dave), null, Logic.LEAST_OPEN_CONTACTS, true, null,
                () -> 0, load::get).agent().id());
        Choice capped = policy.choose(List.of(alice, dave), null, Logic.LEAST_OPEN_CONTACTS, true, 3, () -> 0, load::get);
        assertFalse(capped.found(), "everyone is at or above 3 open contacts");
    }

    @Test
    void leastOpenContactsSharesTiesInTurn() {
        AtomicLong ticket = new AtomicLong();
        Map<String, Integer> picks = new HashMap<>();
        for (int i = 0; i < 4; i++) {
            picks.merge(policy.choose(List.of(alice, bob), null, Logic.LEAST_OPEN_CONTACTS, false, null,
                    ticket::getAndIncrement, id -> 1).agent().id(), 1, Integer::sum);
        }
        assertEquals(Map.of("alice", 2, "bob", 2), picks);
    }
}
