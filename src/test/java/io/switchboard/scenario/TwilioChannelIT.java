package io.switchboard.scenario;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link TwilioChannelTest} against the packaged application (target/quarkus-app), as CI builds it. */
@QuarkusIntegrationTest
class TwilioChannelIT extends TwilioChannelTest {
}
