package io.switchboard.store;

import io.switchboard.inbox.ContactStore;
import io.switchboard.inbox.ContactStoreContract;

/** The ContactStore contract against the DynamoDB adapter, on a fresh table in DynamoDB Local. */
class DynamoContactStoreTest extends ContactStoreContract {

    @Override
    protected ContactStore newStore() {
        LocalTable table = new LocalTable();
        return new DynamoContactStore(table.db, table.name);
    }
}
