package io.switchboard.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link MessageStore} does; run against the DynamoDB adapter and the in-memory fake. */
public abstract class MessageStoreContract {

    protected MessageStore store;
    protected final Instant t0 = Instant.parse("2026-11-24T10:00:00Z");

    protected abstract MessageStore newStore();

    @BeforeEach
    void emptyStore() {
        store = newStore();
    }

    Message incoming(String contact, String channel, String id, String text, Instant at) {
        return new Message("ws", contact, "conv-" + contact, channel, id, Message.Direction.INCOMING, contact, text, at);
    }

    Message reply(String contact, String id, String text, Instant at) {
        return new Message("ws", contact, "conv-" + contact, "api", id, Message.Direction.OUTGOING, "workflow:wf", text, at);
    }

    @Test
    void aMessageIsStoredOncePerChannelAndTheChannelsId() {
        assertFalse(store.exists("ws", "ada", "web", "m-1"));
        assertTrue(store.append(incoming("ada", "web", "m-1", "Hi", t0)));
        assertFalse(store.append(incoming("ada", "web", "m-1", "Hi, redelivered", t0.plusSeconds(5))));
        assertTrue(store.exists("ws", "ada", "web", "m-1"));
        assertFalse(store.exists("ws", "ada", "telegram", "m-1"));
        assertTrue(store.append(incoming("ada", "telegram", "m-1", "Hi on Telegram", t0)), "another channel's m-1");
        assertEquals(List.of("Hi", "Hi on Telegram"),
                store.list("ws", "ada").stream().map(Message::text).sorted().toList());
    }

    @Test
    void aContactsMessagesComeOldestFirstWithEveryField() {
        Message photo = new Message("ws", "ada", "conv-ada", "web", "m-2", Message.Direction.INCOMING, "ada", "",
                t0.plusSeconds(10), new Attachment("image", "https://cdn.example.com/p.jpg", "image/jpeg"), null, null);
        store.append(photo);
        store.append(reply("ada", "run-1#1", "Hello Ada", t0.plusSeconds(5)));
        store.append(incoming("ada", "web", "m-1", "Hi", t0));
        store.append(incoming("ben", "web", "m-1", "Hi from Ben", t0));

        List<Message> listed = store.list("ws", "ada");
        assertEquals(List.of("m-1", "run-1#1", "m-2"), listed.stream().map(Message::externalId).toList());
        assertEquals(reply("ada", "run-1#1", "Hello Ada", t0.plusSeconds(5)), listed.get(1));
        assertEquals(photo, listed.get(2));
        assertEquals(List.of(), store.list("ws", "cara"));
    }

    @Test
    void aMessageThePlatformRefusedIsDiscardedButOneItAcceptedIsKept() {
        store.append(reply("ada", "run-1#1", "Hello", t0));
        store.discardUnsent("ws", "ada", "api", "run-1#1");
        assertFalse(store.exists("ws", "ada", "api", "run-1#1"), "a retry may send it");

        store.append(reply("ada", "run-1#2", "Hello again", t0));
        store.confirmSent("ws", "ada", "api", "run-1#2", "wamid.1");
        store.discardUnsent("ws", "ada", "api", "run-1#2");
        assertTrue(store.exists("ws", "ada", "api", "run-1#2"), "another delivery of the same reply went out");
        assertEquals("wamid.1", store.list("ws", "ada").get(0).platformMessageId());
    }

    @Test
    void deliveryReportsFindASentMessageByThePlatformsIdAndOnlyMoveItsStatusUp() {
        store.append(reply("ada", "run-1#1", "Hello", t0));
        store.confirmSent("ws", "ada", "api", "run-1#1", "wamid.1");
        assertNull(store.list("ws", "ada").get(0).status());

        assertTrue(store.recordStatus("ws", "ada", "whatsapp", "wamid.1", DeliveryStatus.DELIVERED, t0, null));
        assertFalse(store.recordStatus("ws", "ada", "whatsapp", "wamid.1", DeliveryStatus.SENT, t0, null),
                "a late 'sent' never hides 'delivered'");
        assertFalse(store.recordStatus("ws", "ada", "whatsapp", "wamid.1", DeliveryStatus.DELIVERED, t0, null),
                "a repeated report changes nothing");
        assertTrue(store.recordStatus("ws", "ada", "whatsapp", "wamid.1", DeliveryStatus.READ, t0, null));
        assertEquals(DeliveryStatus.READ, store.list("ws", "ada").get(0).status());
        assertFalse(store.recordStatus("ws", "ada", "whatsapp", "wamid.unknown", DeliveryStatus.READ, t0, null));
        assertFalse(store.recordStatus("ws", "ben", "whatsapp", "wamid.1", DeliveryStatus.READ, t0, null),
                "another contact's report does not reach Ada's message");
    }

    @Test
    void anEchoIsFoundByItsOwnIdOnItsChannel() {
        store.append(new Message("ws", "ada", "conv-ada", "whatsapp", "wamid.echo", Message.Direction.OUTGOING,
                "platform:whatsapp", "Sent from the phone", t0, null, "wamid.echo", null));
        assertTrue(store.recordStatus("ws", "ada", "whatsapp", "wamid.echo", DeliveryStatus.DELIVERED, t0, null));
        assertEquals(DeliveryStatus.DELIVERED, store.list("ws", "ada").get(0).status());
    }
}
