package io.switchboard.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.inbox.Contact;
import io.switchboard.inbox.ContactStore;
import io.switchboard.inbox.InboxActions;
import io.switchboard.inbox.InboxActions.IncomingMessage;
import io.switchboard.inbox.InboxEvents;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A contact's messages received through the one-request arrival read, against DynamoDB Local: the
 * conversation opens once, redeliveries are recognised, linked identities land on their contact.
 */
class DynamoArrivalReadsTest {

    final LocalTable table = new LocalTable();
    final DynamoContactStore contacts = new DynamoContactStore(table.db, table.name);
    final DynamoMessageStore messages = new DynamoMessageStore(table.db, table.name);
    final List<String> opened = new ArrayList<>();
    final Instant t0 = Instant.parse("2026-12-01T10:00:00Z");
    final InboxActions inbox = new InboxActions(contacts, messages, new OpenedConversations(),
            Clock.fixed(t0, ZoneOffset.UTC), (ws, channelId) -> Optional.empty(),
            new DynamoArrivalReads(table.db, table.name));

    @Test
    void aNewContactsFirstMessageOpensOneConversationAndTheNextOnesJoinIt() {
        var first = inbox.receive("ws", message("m1", "ada", "Hi"));
        var second = inbox.receive("ws", message("m2", "ada", "Anyone?"));

        assertTrue(first.openedConversation());
        assertFalse(second.openedConversation());
        assertEquals(first.contact().conversation().id(), second.contact().conversation().id());
        assertEquals(List.of("ada"), opened);
        assertEquals(2, messages.list("ws", "ada").size());
    }

    @Test
    void aRedeliveredMessageIsADuplicateAndChangesNothing() {
        inbox.receive("ws", message("m1", "ada", "Hi"));
        var again = inbox.receive("ws", message("m1", "ada", "Hi"));

        assertTrue(again.duplicate());
        assertEquals("ada", again.contact().id());
        assertEquals(1, messages.list("ws", "ada").size());
        assertEquals(List.of("ada"), opened);
    }

    @Test
    void aClosedConversationsContactOpensANewOneAndKeepsTheirAgent() {
        var first = inbox.receive("ws", message("m1", "ada", "Hi"));
        inbox.assign("ws", "ada", "alice", "req-1");
        inbox.close("ws", "ada", "agent:alice");

        var next = inbox.receive("ws", message("m2", "ada", "Me again"));

        assertTrue(next.openedConversation());
        assertNotEquals(first.contact().conversation().id(), next.contact().conversation().id());
        assertEquals("alice", next.contact().assigneeId());
        assertEquals(List.of("ada", "ada"), opened);
    }

    @Test
    void aLinkedIdentitysMessageLandsOnTheContactItIsLinkedTo() {
        inbox.receive("ws", message("m1", "ada", "Hi"));
        assertTrue(contacts.link("ws", "ada", "web", "ada-on-web"));

        var fromLinked = inbox.receive("ws", new IncomingMessage("web", "m2", "ada-on-web", "Ada", "It's me", t0));
        var redelivered = inbox.receive("ws", new IncomingMessage("web", "m2", "ada-on-web", "Ada", "It's me", t0));

        assertEquals("ada", fromLinked.contact().id());
        assertFalse(fromLinked.openedConversation());
        assertTrue(redelivered.duplicate());
        assertEquals(2, messages.list("ws", "ada").size());
        assertTrue(contacts.find("ws", "ada-on-web").isEmpty(), "the linked identity is no contact of its own");
    }

    @Test
    void aStaleReadOfTheContactStillRecordsTheMessageOnce() {
        inbox.receive("ws", message("m1", "ada", "Hi"));
        // the contact as read before someone else opened its conversation: no conversation yet
        Contact stale = new Contact("ws", "ada", "Ada", java.util.Map.of(), java.util.Set.of(), null, null);

        Contact recorded = contacts.recordIncoming("ws", new ContactStore.IncomingContact("ada", "Ada"), "web", t0,
                "conv-other", stale);

        assertNotEquals("conv-other", recorded.conversation().id(), "the open conversation is kept, not replaced");
    }

    private IncomingMessage message(String id, String contact, String text) {
        return new IncomingMessage("web", id, contact, contact.substring(0, 1).toUpperCase() + contact.substring(1),
                text, t0);
    }

    private final class OpenedConversations implements InboxEvents {
        @Override
        public void conversationOpened(String workspaceId, Contact contact, Instant at, String openingMessage,
                boolean firstDelivery) {
            opened.add(contact.id());
        }

        @Override
        public void replyArrived(String workspaceId, Contact contact, String runId, String text, String messageId) {
        }

        @Override
        public void tagsChanged(String workspaceId, ContactStore.TagsChange change, String key, String source,
                Instant at) {
        }

        @Override
        public void fieldsChanged(String workspaceId, ContactStore.FieldsChange change, String key, String source,
                Instant at) {
        }

        @Override
        public void conversationClosed(String workspaceId, String contactId, String conversationId, String closedBy,
                Instant at) {
        }
    }
}
