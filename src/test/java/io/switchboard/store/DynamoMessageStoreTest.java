package io.switchboard.store;

import io.switchboard.inbox.MessageStore;
import io.switchboard.inbox.MessageStoreContract;

/** The MessageStore contract against the DynamoDB adapter, on a fresh table in DynamoDB Local. */
class DynamoMessageStoreTest extends MessageStoreContract {

    @Override
    protected MessageStore newStore() {
        LocalTable table = new LocalTable();
        return new DynamoMessageStore(table.db, table.name);
    }
}
