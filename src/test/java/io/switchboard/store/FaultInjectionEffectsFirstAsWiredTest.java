package io.switchboard.store;

import io.switchboard.engine.run.RunEngine;

/**
 * Every fault of {@link FaultInjectionTest} with {@code switchboard.wake-up-writes=effects-first} as Wiring
 * makes it: the runs these tests start are kept in their contacts' items, so their wake-ups commit what they
 * held in one write of that item (no transaction, no effect written first), as the default does; every
 * expectation of the base class holds unchanged.
 */
class FaultInjectionEffectsFirstAsWiredTest extends FaultInjectionTest {

    @Override
    void wakeUpWrites(RunEngine engine, DynamoSegmentCommits commits) {
        engine.writingWakeUpEffectsFirst(commits);
    }
}
