package io.switchboard.scenario;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link BadInputTest} against the packaged application (target/quarkus-app), as CI builds it. */
@QuarkusIntegrationTest
class BadInputIT extends BadInputTest {
}
