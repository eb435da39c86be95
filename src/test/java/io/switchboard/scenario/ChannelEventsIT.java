package io.switchboard.scenario;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link ChannelEventsTest} against the packaged application (target/quarkus-app), as CI builds it. */
@QuarkusIntegrationTest
class ChannelEventsIT extends ChannelEventsTest {
}
