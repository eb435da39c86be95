package io.switchboard.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
        assertEquals(Directory.empty(), store.load("ws"));
    }

    @Test
    void theDirectoryIsReplacedOnlyAtTheVersionItWasRead() {
        Directory read = store.load("ws");
        store.replace("ws", read.withAgent(new Agent("alice", "Alice", "alice@example.com", true))
                .withTeam(new Team("support", "Support", List.of("alice"))));
        assertThrows(ConcurrentUpdateException.class,
                () -> store.replace("ws", read.withAgent(new Agent("bob", "Bob", null, false))),
                "an edit from the old version would lose Alice");

        Directory now = store.load("ws");
        assertEquals(1, now.version());
        assertEquals(new Agent("alice", "Alice", "alice@example.com", true), now.agent("alice").orElseThrow());
        assertEquals(List.of("alice"), now.team("support").orElseThrow().memberIds());
        assertEquals(1, now.agents().size());

        store.replace("ws", now.withAgent(new Agent("bob", "Bob", null, false)));
        assertEquals(2, store.load("ws").version());
        assertEquals(2, store.load("ws").agents().size());
    }

    @Test
    void roundRobinTicketsCountUpPerTeamFromZero() {
        assertEquals(0, store.nextRoundRobinTicket("ws", "support"));
        assertEquals(1, store.nextRoundRobinTicket("ws", "support"));
        assertEquals(0, store.nextRoundRobinTicket("ws", "sales"), "each team has its own rotation");
        assertEquals(2, store.nextRoundRobinTicket("ws", "support"));
    }
}
