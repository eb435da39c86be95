package io.switchboard.scenario;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link ReadBackAsWrittenTest} against the packaged application (target/quarkus-app), as CI builds it. */
@QuarkusIntegrationTest
class ReadBackAsWrittenIT extends ReadBackAsWrittenTest {
}
