package io.switchboard.engine;

import io.switchboard.inbox.DirectoryStore;
import io.switchboard.inbox.DirectoryStoreContract;

/** The DirectoryStore contract against the engine tier's in-memory fake, so it keeps the real store's rules. */
class InMemoryDirectoryStoreTest extends DirectoryStoreContract {

    @Override
    protected DirectoryStore newStore() {
        return new InMemoryInbox();
    }
}
