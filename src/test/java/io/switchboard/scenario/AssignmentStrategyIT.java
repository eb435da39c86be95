package io.switchboard.scenario;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link AssignmentStrategyTest} against the packaged application (target/quarkus-app), as CI builds it. */
@QuarkusIntegrationTest
class AssignmentStrategyIT extends AssignmentStrategyTest {
}
