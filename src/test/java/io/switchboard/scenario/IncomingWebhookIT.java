package io.switchboard.scenario;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link IncomingWebhookTest} against the packaged application (target/quarkus-app), as CI builds it. */
@QuarkusIntegrationTest
class IncomingWebhookIT extends IncomingWebhookTest {
}
