package io.switchboard.support;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Replaces the system clock in tests, so a 15-minute wait passes in a method call. */
public class TestClockProducer {

    private static final MutableClock CLOCK = new MutableClock();

    @Produces
    @Alternative
    @Priority(1)
    @Singleton
    Clock clock() {
        return CLOCK;
    }

    @Produces
    @Singleton
    MutableClock mutableClock() {
        return CLOCK;
    }
}
