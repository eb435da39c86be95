package io.switchboard.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.engine.run.RunStatus;
import io.switchboard.engine.run.RunStore;
import io.switchboard.engine.run.RunStoreContract;
import io.switchboard.inbox.ContactStore;
import org.junit.jupiter.api.Test;

/** The RunStore contract against the DynamoDB adapter, on a fresh table in DynamoDB Local. */
class DynamoRunStoreTest extends RunStoreContract {

    private LocalTable table;

    @Override
    protected RunStore newStore() {
        table = new LocalTable();
        return new DynamoRunStore(table.db, table.name, table.json, 4);
    }

    @Test
    void aRunToResumeIsReadTogetherWithItsContact() {
        new DynamoContactStore(table.db, table.name).recordIncoming("ws",
                new ContactStore.IncomingContact("ada", "Ada"), "web", t0, "conv-1");
        store.create(run("r1", "ada", RunStatus.WAITING, t0.plusSeconds(900)));

        RunStore.Resumable both = store.findToResume("ws", "ada", "r1");

        assertEquals("r1", both.run().orElseThrow().id());
        assertEquals("Ada", both.contact().name());
        assertTrue(both.contact().hasOpenConversation());
    }

    @Test
    void aRunWhoseContactIsNotStoredIsStillFoundToResume() {
        store.create(run("r2", "bo", RunStatus.WAITING, t0.plusSeconds(900)));

        RunStore.Resumable both = store.findToResume("ws", "bo", "r2");

        assertEquals("r2", both.run().orElseThrow().id());
        assertNull(both.contact());
        assertTrue(store.findToResume("ws", "bo", "unknown").run().isEmpty());
    }
}
