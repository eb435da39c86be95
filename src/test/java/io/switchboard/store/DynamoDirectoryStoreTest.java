package io.switchboard.store;

import io.switchboard.inbox.DirectoryStore;
import io.switchboard.inbox.DirectoryStoreContract;

/** The DirectoryStore contract against the DynamoDB adapter, on a fresh table in DynamoDB Local. */
class DynamoDirectoryStoreTest extends DirectoryStoreContract {

    @Override
    protected DirectoryStore newStore() {
        LocalTable table = new LocalTable();
        return new DynamoDirectoryStore(table.db, table.name, table.json);
    }
}
