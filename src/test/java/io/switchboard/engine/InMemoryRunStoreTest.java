package io.switchboard.engine;

import io.switchboard.engine.run.RunStore;
import io.switchboard.engine.run.RunStoreContract;

/** The RunStore contract against the engine tier's in-memory fake, so it keeps the real store's rules. */
class InMemoryRunStoreTest extends RunStoreContract {

    @Override
    protected RunStore newStore() {
        return new InMemoryInbox();
    }
}
