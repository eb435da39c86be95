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

    @Test
    void anOpeningIsRefusedWhenTheContactWasAssignedSinceTheReadAndWritesNothing() {
        Instant t0 = Instant.parse("2026-12-01T10:00:00Z");
        ContactStore.IncomingContact ada = new ContactStore.IncomingContact("ada", "Ada");
        store.recordIncoming("ws", ada, "web", t0, "conv-1");
        store.close("ws", "ada", "conv-1", t0.plusSeconds(1));
        io.switchboard.inbox.Contact known = store.find("ws", "ada").orElseThrow();
        var opening = store.prepareOpening("ws", ada, "web", t0.plusSeconds(60), "conv-2", known);
        store.assign("ws", "ada", "bob", "agent#1", t0.plusSeconds(30)); // an agent, between the read and the write

        org.junit.jupiter.api.Assertions.assertThrows(io.switchboard.inbox.Opening.Refused.class,
                () -> opening.landWith("alice", "run-1#1", t0.plusSeconds(60)));

        var found = store.find("ws", "ada").orElseThrow();
        assertEquals("conv-1", found.conversation().id(), "no conversation opened");
        assertEquals("bob", found.assigneeId(), "the agent's assignment stands");
        assertTrue(store.assign("ws", "ada", "alice", "run-1#1", t0).applied(), "the refused key was not recorded");
    }

    @Test
    void anOpeningWithTheFirstAssignmentTrimsTheRecentKeysAsAnAssignmentDoes() {
        Instant t0 = Instant.parse("2026-12-01T10:00:00Z");
        ContactStore.IncomingContact ada = new ContactStore.IncomingContact("ada", "Ada");
        store.recordIncoming("ws", ada, "web", t0, "conv-1");
        for (int i = 1; i <= RecentKeys.MAX; i++) {
            store.assign("ws", "ada", "bob", "old#" + i, t0);
        }
        store.close("ws", "ada", "conv-1", t0.plusSeconds(1));
        var opening = store.prepareOpening("ws", ada, "web", t0.plusSeconds(60), "conv-2",
                store.find("ws", "ada").orElseThrow());

        opening.landWith("alice", "run-1#1", t0.plusSeconds(60));

        var item = table.db.getItem(b -> b.tableName(table.name)
                .key(Attr.key(Keys.contact("ws", "ada"), DynamoContactStore.SORT))).item();
        assertTrue(item.get("assignKeys").l().size() <= RecentKeys.MAX, "assignment keys stay bounded");
        assertFalse(store.assign("ws", "ada", "carol", "run-1#1", t0).applied(), "the opening's key is recent");
        assertEquals("alice", store.find("ws", "ada").orElseThrow().assigneeId());
    }

    @Test
    void aContactStoresAStepsEffectKeyIn14CharactersAndStillRecognisesItsRepeat() {
        Instant t0 = Instant.parse("2026-12-01T10:00:00Z");
        String key = "0f8fad5b-d9cb-469f-a165-70867728950e#3";
        store.recordIncoming("ws", new ContactStore.IncomingContact("ada", "Ada"), "web", t0, "conv-1");
        io.switchboard.inbox.Contact read = store.find("ws", "ada").orElseThrow();
        assertTrue(store.assignAsRead("ws", "ada", "alice", key, t0, read, "2").applied());

        var item = contactItem("ada");
        assertEquals(14, item.get("assignKey").s().length());
        assertEquals(14, item.get("wakeUpMark").m().get("key").s().length());
        assertEquals(java.util.List.of(item.get("assignKey")), item.get("assignKeys").l());
        assertEquals(3, store.find("ws", "ada").orElseThrow().wakeUpMark().sequenceOf("0f8fad5b-d9cb-469f-a165-70867728950e"));
        assertEquals(-1, store.find("ws", "ada").orElseThrow().wakeUpMark().sequenceOf("another-run"));
        var again = store.assign("ws", "ada", "bob", key, t0);
        assertFalse(again.applied(), "the same step's assignment repeated changes nothing");
        assertEquals("alice", again.assigneeId());
        assertEquals("alice", store.find("ws", "ada").orElseThrow().assigneeId());
    }

    @Test
    void keysStoredBeforeTheirShortFormStillMakeARepeatChangeNothing() {
        Instant t0 = Instant.parse("2026-12-01T10:00:00Z");
        store.recordIncoming("ws", new ContactStore.IncomingContact("ada", "Ada"), "web", t0, "conv-1");
        store.assign("ws", "ada", "alice", "run-0#1", t0);
        store.changeTags("ws", "ada", Set.of("vip"), Set.of(), "run-0#1", t0);
        store.changeFields("ws", "ada", Map.of("plan", "gold"), "run-0#1", t0);
        // as a contact was written before the short form: the keys themselves, and a wake-up mark with the key
        table.db.updateItem(u -> u.tableName(table.name).key(Attr.key(Keys.contact("ws", "ada"), DynamoContactStore.SORT))
                .updateExpression("SET assignKey = :last, assignKeys = :recent, tagKey = :tag, tagKeys = :tags, "
                        + "fieldKey = :field, fieldKeys = :fields, wakeUpMark = :mark")
                .expressionAttributeValues(Map.of(":last", Attr.s("run-1#2"),
                        ":recent", listOf("run-0#1", "run-1#1", "run-1#2"),
                        ":tag", Attr.s("run-1#2"), ":tags", listOf("run-1#1", "run-1#2"),
                        ":field", Attr.s("run-1#2"), ":fields", listOf("run-1#1", "run-1#2"),
                        ":mark", software.amazon.awssdk.services.dynamodb.model.AttributeValue.builder()
                                .m(Map.of("key", Attr.s("run-1#2"), "step", Attr.s("1"))).build())));

        assertFalse(store.assign("ws", "ada", "bob", "run-1#2", t0).applied(), "the last key, as stored before");
        assertFalse(store.assign("ws", "ada", "bob", "run-1#1", t0).applied(), "a recent key, as stored before");
        io.switchboard.inbox.Contact read = store.find("ws", "ada").orElseThrow();
        assertEquals(2, read.wakeUpMark().sequenceOf("run-1"));
        assertFalse(store.assignAsRead("ws", "ada", "bob", "run-1#1", t0, read, "1").applied());
        assertEquals(Set.of(), store.changeTags("ws", "ada", Set.of("spam"), Set.of(), "run-1#1", t0).added());
        assertEquals(Map.of(), store.changeFields("ws", "ada", Map.of("plan", "tin"), "run-1#1", t0).changed());
        var contact = store.find("ws", "ada").orElseThrow();
        assertEquals("alice", contact.assigneeId());
        assertEquals(Set.of("vip"), contact.tags());
        assertEquals(Map.of("plan", "gold"), contact.fields());
        assertTrue(store.assign("ws", "ada", "bob", "run-1#3", t0).applied(), "a new step's key is new");
    }

    private static software.amazon.awssdk.services.dynamodb.model.AttributeValue listOf(String... keys) {
        return software.amazon.awssdk.services.dynamodb.model.AttributeValue.builder()
                .l(java.util.Arrays.stream(keys).map(Attr::s).toList()).build();
    }

    private Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> contactItem(String id) {
        return table.db.getItem(b -> b.tableName(table.name)
                .key(Attr.key(Keys.contact("ws", id), DynamoContactStore.SORT))).item();
    }
}
