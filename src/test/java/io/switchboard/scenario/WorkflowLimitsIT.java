package io.switchboard.scenario;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link WorkflowLimitsTest} against the packaged application (target/quarkus-app), as CI builds it. */
@QuarkusIntegrationTest
class WorkflowLimitsIT extends WorkflowLimitsTest {
}
