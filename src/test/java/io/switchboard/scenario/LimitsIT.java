package io.switchboard.scenario;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link LimitsTest} against the packaged application (target/quarkus-app), as CI builds it. */
@QuarkusIntegrationTest
class LimitsIT extends LimitsTest {
}
