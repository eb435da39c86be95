package io.switchboard.store;

import io.switchboard.inbox.CommentStore;
import io.switchboard.inbox.CommentStoreContract;

/** The CommentStore contract against the DynamoDB adapter, on a fresh table in DynamoDB Local. */
class DynamoCommentStoreTest extends CommentStoreContract {

    @Override
    protected CommentStore newStore() {
        LocalTable table = new LocalTable();
        return new DynamoCommentStore(table.db, table.name);
    }
}
