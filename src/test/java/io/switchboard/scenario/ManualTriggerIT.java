package io.switchboard.scenario;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link ManualTriggerTest} against the packaged application (target/quarkus-app), as CI builds it. */
@QuarkusIntegrationTest
class ManualTriggerIT extends ManualTriggerTest {
}
