package io.switchboard.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.inbox.Contact;
import io.switchboard.inbox.ContactStore.AssignmentChange;
import io.switchboard.inbox.ContactStore.IncomingContact;
import io.switchboard.inbox.ConversationStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DynamoContactStoreTest {

    final LocalTable table = new LocalTable();
    final DynamoContactStore store = new DynamoContactStore(table.db, table.name);
    final Instant t0 = Instant.parse("2026-11-24T10:00:00Z");
    final IncomingContact ada = new IncomingContact("ada", "Ada");

    @Test
    void aRepeatedIncomingMessageKeepsTheConversationItOpened() {
        Contact first = store.recordIncoming("ws", ada, "web", t0, "conv-1");
        Contact again = store.recordIncoming("ws", ada, "web", t0, "conv-1");
        Contact later = store.recordIncoming("ws", ada, "web", t0.plusSeconds(60), "conv-2");
        assertEquals("conv-1", first.conversation().id());
        assertEquals("conv-1", again.conversation().id());
        assertEquals("conv-1", later.conversation().id(), "an open conversation absorbs later messages");
        assertEquals(t0.plusSeconds(60), later.conversation().lastIncomingAt());
    }

    @Test
    void aMessageAfterCloseOpensANewConversationWithNoOutgoingTimeAndTheSameAssignee() {
        store.recordIncoming("ws", ada, "web", t0, "conv-1");
        store.assign("ws", "ada", "alice", "k1", t0);
        store.recordOutgoing("ws", "ada", t0.plusSeconds(30));
        assertTrue(store.close("ws", "ada", "conv-1", t0.plusSeconds(60)));
        assertFalse(store.close("ws", "ada", "conv-1", t0.plusSeconds(61)), "closing twice changes nothing");
        assertTrue(store.recordOutgoing("ws", "ada", t0.plusSeconds(62)).isEmpty(), "no reply into a closed conversation");

        Contact reopened = store.recordIncoming("ws", ada, "web", t0.plusSeconds(120), "conv-2");
        assertEquals("conv-2", reopened.conversation().id());
        assertEquals(ConversationStatus.OPEN, reopened.conversation().status());
        assertNull(reopened.conversation().lastOutgoingAt());
        assertEquals("alice", reopened.assigneeId(), "contacts stay assigned after close");
        assertEquals(1, store.openContactsOf("ws", "alice"));
    }

    @Test
    void anAssignmentWithTheSameKeyIsAppliedOnceAndReportsWhatItReplaced() {
        store.recordIncoming("ws", ada, "web", t0, "conv-1");
        store.assign("ws", "ada", "alice", "first", t0);
        AssignmentChange applied = store.assign("ws", "ada", "bob", "run-1#5", t0);
        AssignmentChange replayed = store.assign("ws", "ada", "carol", "run-1#5", t0);
        assertEquals(new AssignmentChange("alice", "bob", true), applied);
        assertEquals(new AssignmentChange("alice", "bob", false), replayed);
        assertEquals("bob", store.find("ws", "ada").orElseThrow().assigneeId());
    }

    @Test
    void openContactsCountOnlyOpenConversationsOfThatAgent() {
        for (String c : new String[] {"c1", "c2", "c3"}) {
            store.recordIncoming("ws", new IncomingContact(c, c), "web", t0, "conv-" + c);
            store.assign("ws", c, "alice", "k-" + c, t0);
        }
        store.close("ws", "c3", "conv-c3", t0);
        store.assign("ws", "c2", "bob", "k2-c2", t0);
        assertEquals(1, store.openContactsOf("ws", "alice"));
        assertEquals(1, store.openContactsOf("ws", "bob"));
        store.assign("ws", "c1", null, "k3-c1", t0);
        assertEquals(0, store.openContactsOf("ws", "alice"));
        assertNotEquals(0, store.openContactsOf("ws", "bob"));
    }

    @Test
    void tagsAndFieldsChangeOnceByEffectKeyAndReportOnlyWhatChanged() {
        store.recordIncoming("ws", ada, "web", t0, "conv-1"); // a contact from a message: no fields attribute yet
        java.util.Map<String, String> set = new java.util.HashMap<>();
        set.put("city", "Lisbon");
        set.put("tier", null);
        var fields = store.changeFields("ws", "ada", set, "run-1#1", t0);
        assertEquals(java.util.Map.of("city", "Lisbon"), fields.changed());
        var replayed = store.changeFields("ws", "ada", java.util.Map.of("city", "Porto"), "run-1#1", t0);
        assertEquals(java.util.Map.of("city", "Lisbon"), replayed.changed(), "a replay reports the first change");
        assertEquals("Lisbon", store.find("ws", "ada").orElseThrow().fields().get("city"));

        var tags = store.changeTags("ws", "ada", java.util.Set.of("vip", "new"), java.util.Set.of(), "run-1#2", t0);
        assertEquals(java.util.Set.of("new", "vip"), tags.added());
        var again = store.changeTags("ws", "ada", java.util.Set.of("vip"), java.util.Set.of("new"), "run-1#3", t0);
        assertEquals(java.util.Set.of(), again.added());
        assertEquals(java.util.Set.of("new"), again.removed());
        assertEquals(java.util.Set.of("new"), store.changeTags("ws", "ada", java.util.Set.of(), java.util.Set.of("vip"),
                "run-1#3", t0).removed(), "a replay reports the first change");
        var none = store.changeTags("ws", "ada", java.util.Set.of(), java.util.Set.of("vip"), "run-1#4", t0);
        assertEquals(java.util.Set.of(), none.contact().tags());
        assertEquals("Lisbon", none.contact().fields().get("city"));
    }

    @Test
    void openingAConversationForAContactIsIdempotentAndRefusedWhileOneIsOpen() {
        store.recordIncoming("ws", ada, "web", t0, "conv-1");
        store.assign("ws", "ada", "alice", "k1", t0);
        assertTrue(store.openConversation("ws", "ada", "conv-2", io.switchboard.inbox.OpenedBy.WORKFLOW, t0).isEmpty());
        store.close("ws", "ada", "conv-1", t0);
        Contact opened = store.openConversation("ws", "ada", "conv-2", io.switchboard.inbox.OpenedBy.WORKFLOW, t0)
                .orElseThrow();
        assertEquals("conv-2", opened.conversation().id());
        assertEquals("web", opened.conversation().channelId());
        assertTrue(store.openConversation("ws", "ada", "conv-2", io.switchboard.inbox.OpenedBy.WORKFLOW, t0).isPresent());
        assertEquals(1, store.openContactsOf("ws", "alice"));
    }
}
