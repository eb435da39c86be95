package io.switchboard.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.inbox.ContactStore;
import io.switchboard.inbox.ContactStoreContract;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The ContactStore contract against the DynamoDB adapter, on a fresh table in DynamoDB Local. */
class DynamoContactStoreTest extends ContactStoreContract {

    private LocalTable table;

    @Override
    protected ContactStore newStore() {
        table = new LocalTable();
        return new DynamoContactStore(table.db, table.name);
    }

    @Test
    void aContactKeepsABoundedNumberOfRecentChangeKeysAndStillRecognisesTheLatest() {
        Instant t0 = Instant.parse("2026-12-01T10:00:00Z");
        store.recordIncoming("ws", new ContactStore.IncomingContact("ada", "Ada"), "web", t0, "conv-1");
        for (int i = 1; i <= 60; i++) {
            store.assign("ws", "ada", i % 2 == 0 ? "alice" : "bob", "run-1#" + i, t0);
            store.changeTags("ws", "ada", Set.of("t" + i), Set.of(), "run-1#" + i, t0);
        }

        var item = table.db.getItem(b -> b.tableName(table.name)
                .key(Attr.key(Keys.contact("ws", "ada"), DynamoContactStore.SORT))).item();
        assertTrue(item.get("assignKeys").l().size() <= RecentKeys.MAX, "assignment keys stay bounded");
        assertTrue(item.get("tagKeys").l().size() <= RecentKeys.MAX, "tag keys stay bounded");
        for (int i = 60 - (RecentKeys.MAX - RecentKeys.TRIM) + 1; i < 60; i++) {
            assertFalse(store.assign("ws", "ada", "carol", "run-1#" + i, t0).applied(), "key " + i + " is recent");
        }
        assertEquals("alice", store.find("ws", "ada").orElseThrow().assigneeId());
        assertEquals(Map.of(), store.changeFields("ws", "ada", Map.of(), "run-1#61", t0).changed());
    }
}
