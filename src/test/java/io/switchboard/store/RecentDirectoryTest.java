package io.switchboard.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.inbox.Agent;
import io.switchboard.inbox.RecentDirectory;
import io.switchboard.inbox.Team;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Two processes' directories over one table on DynamoDB Local, each keeping its reads for two
 * seconds of its own ticker: what an assignment on one sees of a status change made on the other.
 */
class RecentDirectoryTest {

    final LocalTable table = new LocalTable();
    final AtomicLong nanos = new AtomicLong();
    final RecentDirectory here = new RecentDirectory(new DynamoDirectoryStore(table.db, table.name, table.json),
            RecentDirectory.FRESH_FOR, nanos::get);
    final RecentDirectory elsewhere = new RecentDirectory(new DynamoDirectoryStore(table.db, table.name, table.json),
            RecentDirectory.FRESH_FOR, nanos::get);

    RecentDirectoryTest() {
        here.addAgent("ws", new Agent("ann", "Ann", null, true));
        here.addAgent("ws", new Agent("ben", "Ben", null, true));
        here.addTeam("ws", new Team("sales", "Sales", List.of("ann", "ben")));
    }

    static boolean online(RecentDirectory directory, String agentId) {
        return directory.members("ws", "sales").orElseThrow().stream()
                .filter(a -> a.id().equals(agentId)).findFirst().orElseThrow().online();
    }

    @Test
    void aStatusChangeOnThisProcessCountsAtTheNextAssignment() {
        assertTrue(online(here, "ann"));
        here.setOnline("ws", "ann", false);
        assertFalse(online(here, "ann"), "its own change is seen at once");
        assertFalse(here.agent("ws", "ann").orElseThrow().online());
    }

    @Test
    void aStatusChangeOnAnotherProcessReachesThisOneWithinTwoSeconds() {
        assertTrue(online(here, "ben"));
        elsewhere.setOnline("ws", "ben", false);

        nanos.addAndGet(Duration.ofMillis(1_900).toNanos());
        assertTrue(online(here, "ben"), "still this process's read of 1.9 s ago");
        nanos.addAndGet(Duration.ofMillis(200).toNanos());
        assertFalse(online(here, "ben"), "read again after two seconds");
    }

    @Test
    void aTeamEditedOnThisProcessIsReadAgainAndAMissingTeamIsNotRememberedPastItsCreationHere() {
        assertTrue(here.team("ws", "night").isEmpty());
        here.addTeam("ws", new Team("night", "Night", List.of("ben")));
        assertEquals(List.of("ben"), here.team("ws", "night").orElseThrow().memberIds());
        here.setMembers("ws", "night", List.of("ann", "ben"));
        assertEquals(List.of("ann", "ben"), here.members("ws", "night").orElseThrow().stream().map(Agent::id).toList());
    }

    @Test
    void aCallerCannotChangeTheKeptMembers() {
        var members = here.members("ws", "sales").orElseThrow();
        org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class, () -> members.remove(0));
        assertEquals(2, here.members("ws", "sales").orElseThrow().size());
    }

    /** Where the team's rotation item stands: the tickets taken from the store so far. */
    long rotationItem(String teamId) {
        var item = table.db.getItem(b -> b.tableName(table.name).consistentRead(true).key(java.util.Map.of(
                "pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(Keys.workspace("ws")),
                "sk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("RR#" + teamId)))).item();
        return Long.parseLong(item.get("ticket").n());
    }

    @Test
    void aBurstOfAssignmentsRotatesInOrderWhileTheStoreIsAskedForTicketsInGrowingBlocks() {
        for (long i = 0; i < 10; i++) {
            assertEquals(i, here.nextRoundRobinTicket("ws", "sales"), "one process's tickets come in order");
            nanos.addAndGet(Duration.ofMillis(10).toNanos());
        }
        assertEquals(15, rotationItem("sales"), "blocks of 1, 2, 4 and 8: four store requests for ten tickets");
    }

    @Test
    void assignmentsASecondApartTakeOneTicketEach() {
        for (long i = 0; i < 5; i++) {
            assertEquals(i, here.nextRoundRobinTicket("ws", "sales"));
            nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        }
        assertEquals(5, rotationItem("sales"), "nothing taken ahead");
    }

    @Test
    void anotherProcessTakesTheTicketsAfterThisOnesBlockAndTheRestOfABlockIsStillUsedLater() {
        for (int i = 0; i < 4; i++) {
            here.nextRoundRobinTicket("ws", "sales"); // blocks of 1, 2 and 4: tickets 0 to 6 taken, 0 to 3 used
            nanos.addAndGet(Duration.ofMillis(10).toNanos());
        }
        assertEquals(7, elsewhere.nextRoundRobinTicket("ws", "sales"), "after this process's block");
        assertEquals(4, here.nextRoundRobinTicket("ws", "sales"), "this process goes on with its block");
        nanos.addAndGet(Duration.ofMinutes(10).toNanos());
        assertEquals(5, here.nextRoundRobinTicket("ws", "sales"), "no ticket taken is skipped: the rotation stays even");
        assertEquals(6, here.nextRoundRobinTicket("ws", "sales"));
        assertEquals(8, here.nextRoundRobinTicket("ws", "sales"), "then one at a time again, after the other's");
        assertEquals(9, rotationItem("sales"));
    }
}
