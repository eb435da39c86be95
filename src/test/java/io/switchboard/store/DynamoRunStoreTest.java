package io.switchboard.store;

import io.switchboard.engine.run.RunStore;
import io.switchboard.engine.run.RunStoreContract;

/** The RunStore contract against the DynamoDB adapter, on a fresh table in DynamoDB Local. */
class DynamoRunStoreTest extends RunStoreContract {

    @Override
    protected RunStore newStore() {
        LocalTable table = new LocalTable();
        return new DynamoRunStore(table.db, table.name, table.json, 4);
    }
}
