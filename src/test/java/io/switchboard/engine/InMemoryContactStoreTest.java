package io.switchboard.engine;

import io.switchboard.inbox.ContactStore;
import io.switchboard.inbox.ContactStoreContract;

/** The ContactStore contract against the engine tier's in-memory fake, so it keeps the real store's rules. */
class InMemoryContactStoreTest extends ContactStoreContract {

    @Override
    protected ContactStore newStore() {
        return new InMemoryInbox();
    }
}
