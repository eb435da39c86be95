package io.switchboard.scenario;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link MessengerChannelTest} against the packaged application (target/quarkus-app), as CI builds it. */
@QuarkusIntegrationTest
class MessengerChannelIT extends MessengerChannelTest {
}
