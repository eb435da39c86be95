package io.switchboard.scenario;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link WhatsAppChannelTest} against the packaged application (target/quarkus-app), as CI builds it. */
@QuarkusIntegrationTest
class WhatsAppChannelIT extends WhatsAppChannelTest {
}
