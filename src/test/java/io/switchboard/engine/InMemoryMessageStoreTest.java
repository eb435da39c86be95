package io.switchboard.engine;

import io.switchboard.inbox.MessageStore;
import io.switchboard.inbox.MessageStoreContract;

/** The MessageStore contract against the engine tier's in-memory messages, so they keep the real store's rules. */
class InMemoryMessageStoreTest extends MessageStoreContract {

    @Override
    protected MessageStore newStore() {
        return new InMemoryMessages();
    }
}
