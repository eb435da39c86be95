package io.switchboard.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link DirectoryStore} does; run against the DynamoDB adapter and the in-memory fake. */
public abstract class DirectoryStoreContract {

    protected DirectoryStore store;

    protected abstract DirectoryStore newStore();

    @BeforeEach
    void emptyStore() {
        store = newStore();
    }

    @Test
    void aNewWorkspaceHasAnEmptyDirectory() {
        assertEquals(List.of(), store.agents("ws", null, 10).items());
        assertEquals(List.of(), store.teams("ws", null, 10).items());
        assertTrue(store.agent("ws", "alice").isEmpty());
        assertTrue(store.members("ws", "support").isEmpty(), "no team: no member list, not an empty one");
    }

    /**
     * Was "the directory is replaced only at the version it was read": the point of that version was that
     * an edit made from an old read never loses another edit. Agents are items of their own now, so edits
     * of different agents cannot lose each other, and an edit that would overwrite an agent is refused.
     */
    @Test
    void anEditNeverLosesAnotherAgentOrTeam() {
        store.addAgent("ws", new Agent("alice", "Alice", "alice@example.com", true));
        store.addTeam("ws", new Team("support", "Support", List.of("alice")));
        assertThrows(DirectoryConflict.class, () -> store.addAgent("ws", new Agent("alice", "Alice 2", null, false)),
                "adding alice again would overwrite her");

        assertEquals(new Agent("alice", "Alice", "alice@example.com", true), store.agent("ws", "alice").orElseThrow());
        assertEquals(List.of("alice"), store.team("ws", "support").orElseThrow().memberIds());
        assertEquals(1, store.agents("ws", null, 10).items().size());

        store.addAgent("ws", new Agent("bob", "Bob", null, false));
        assertEquals(2, store.agents("ws", null, 10).items().size());
        assertEquals(new Agent("alice", "Alice", "alice@example.com", true), store.agent("ws", "alice").orElseThrow());
    }

    @Test
    void roundRobinTicketsCountUpPerTeamFromZero() {
        assertEquals(0, store.nextRoundRobinTicket("ws", "support"));
        assertEquals(1, store.nextRoundRobinTicket("ws", "support"));
        assertEquals(0, store.nextRoundRobinTicket("ws", "sales"), "each team has its own rotation");
        assertEquals(2, store.nextRoundRobinTicket("ws", "support"));
    }

    @Test
    void ticketsTakenSeveralAtOnceAreTheNextOnesAndTheRotationCarriesOnAfterThem() {
        assertEquals(0, store.nextRoundRobinTicket("ws", "support"));
        assertEquals(1, store.nextRoundRobinTickets("ws", "support", 8), "tickets 1 to 8");
        assertEquals(9, store.nextRoundRobinTicket("ws", "support"));
        assertEquals(0, store.nextRoundRobinTickets("ws", "sales", 4), "each team has its own rotation");
    }

    @Test
    void aTeamsMembersCarryTheirStatusInTeamOrder() {
        store.addAgent("ws", new Agent("carol", "Carol", null, false));
        store.addAgent("ws", new Agent("alice", "Alice", null, true));
        store.addAgent("ws", new Agent("bob", "Bob", null, true));
        store.addTeam("ws", new Team("support", "Support", List.of("carol", "alice", "bob")));

        StatusChange change = store.setOnline("ws", "carol", true).orElseThrow();
        assertTrue(change.cameOnline());
        assertEquals(List.of("support"), change.teams());
        assertEquals(List.of(new Agent("carol", "Carol", null, true), new Agent("alice", "Alice", null, true),
                new Agent("bob", "Bob", null, true)), store.members("ws", "support").orElseThrow());

        store.setOnline("ws", "alice", false);
        assertFalse(store.setOnline("ws", "alice", false).orElseThrow().cameOnline(), "already offline: no change");
        assertFalse(store.members("ws", "support").orElseThrow().get(1).online());
        assertFalse(store.agent("ws", "alice").orElseThrow().online());
        assertTrue(store.setOnline("ws", "nobody", true).isEmpty());
    }

    @Test
    void settingMembersReplacesThemInTheNewOrderAndLeavesOtherTeamsAlone() {
        for (String id : List.of("alice", "bob", "carol")) {
            store.addAgent("ws", new Agent(id, id, null, true));
        }
        store.addTeam("ws", new Team("support", "Support", List.of("alice", "bob")));
        store.addTeam("ws", new Team("sales", "Sales", List.of("bob")));

        Team updated = store.setMembers("ws", "support", List.of("carol", "alice")).orElseThrow();
        assertEquals(List.of("carol", "alice"), updated.memberIds());
        assertEquals(List.of("carol", "alice"), store.team("ws", "support").orElseThrow().memberIds());
        assertEquals(List.of("carol", "alice"), store.members("ws", "support").orElseThrow().stream().map(Agent::id).toList());
        assertEquals(List.of("bob"), store.members("ws", "sales").orElseThrow().stream().map(Agent::id).toList());
        assertEquals(List.of("sales"), store.setOnline("ws", "bob", false).orElseThrow().teams(),
                "bob left support: his status is kept in sales only");
        assertTrue(store.setMembers("ws", "nope", List.of()).isEmpty());

        store.setMembers("ws", "support", List.of());
        assertEquals(List.of(), store.members("ws", "support").orElseThrow(), "an empty team is still a team");
    }

    @Test
    void aMemberWhoIsNoUserIsRefusedWithItsPlaceAndNothingChanges() {
        store.addAgent("ws", new Agent("alice", "Alice", null, true));
        DirectoryConflict refused = assertThrows(DirectoryConflict.class,
                () -> store.addTeam("ws", new Team("support", "Support", List.of("alice", "ghost"))));
        assertEquals(1, refused.memberIndex());
        assertTrue(store.team("ws", "support").isEmpty());

        store.addTeam("ws", new Team("support", "Support", List.of("alice")));
        assertThrows(DirectoryConflict.class, () -> store.setMembers("ws", "support", List.of("ghost")));
        assertEquals(List.of("alice"), store.team("ws", "support").orElseThrow().memberIds());
        assertThrows(DirectoryConflict.class, () -> store.addTeam("ws", new Team("support", "Other", List.of())));
    }

    @Test
    void listsComePageByPageInIdOrderWithEachEntryOnce() {
        for (int i = 0; i < 25; i++) {
            store.addAgent("ws", new Agent(String.format("a%02d", 24 - i), "Agent " + i, null, i % 2 == 0));
        }
        List<String> seen = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            Page<Agent> page = store.agents("ws", after, 10);
            page.items().forEach(a -> seen.add(a.id()));
            after = page.next();
            pages++;
        } while (after != null);
        assertEquals(25, seen.size());
        assertEquals(seen.stream().sorted().toList(), seen);
        assertEquals(seen.stream().distinct().count(), seen.size());
        assertTrue(pages >= 3 && pages <= 4, "pages of 10: " + pages);
    }

    @Test
    void anIdLongerThanAnyKeyNamesNobodyInsteadOfFailing() {
        store.addAgent("ws", new Agent("bob", "Bob", null, true));
        String huge = "a".repeat(3000);
        assertTrue(store.agent("ws", huge).isEmpty());
        assertTrue(store.team("ws", huge).isEmpty());
        assertTrue(store.members("ws", huge).isEmpty());
        assertTrue(store.setOnline("ws", huge, true).isEmpty());
        assertEquals(List.of("bob"), store.agents("ws", huge, 10).items().stream().map(Agent::id).toList());
        assertEquals(1, assertThrows(DirectoryConflict.class,
                () -> store.addTeam("ws", new Team("t", "T", List.of("bob", huge)))).memberIndex());
    }

    @Test
    void theQueueListsLongestWaitingFirstAndForgetsWhoLeft() {
        Instant t = Instant.parse("2026-12-01T10:00:00Z");
        QueuedContact first = new QueuedContact("c1", "r1", t);
        QueuedContact second = new QueuedContact("c2", "r2", t.plusSeconds(30));
        store.enqueue("ws", "support", second);
        store.enqueue("ws", "support", first);
        store.enqueue("ws", "support", first);
        store.enqueue("ws", "sales", new QueuedContact("c3", "r3", t));
        assertEquals(List.of(first, second), store.queued("ws", "support", 10));
        assertEquals(List.of(first), store.queued("ws", "support", 1));
        store.dequeue("ws", "support", first);
        store.dequeue("ws", "support", first);
        assertEquals(List.of(second), store.queued("ws", "support", 10));
        assertEquals(1, store.queued("ws", "sales", 10).size());
        assertNull(store.agents("ws", null, 10).next());
    }
}
