package io.switchboard.engine;

import io.switchboard.inbox.CommentStore;
import io.switchboard.inbox.CommentStoreContract;

/** The CommentStore contract against the engine tier's in-memory fake, so it keeps the real store's rules. */
class InMemoryCommentStoreTest extends CommentStoreContract {

    @Override
    protected CommentStore newStore() {
        return new InMemoryInbox();
    }
}
