package io.switchboard.scenario;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Two profiles only to force two separate application starts over the same DynamoDB Local: Quarkus
 * runs test classes grouped by profile, in profile name order, and restarts the service in between.
 */
public final class RestartProfiles {

    private RestartProfiles() {
    }

    public static class A_BeforeRestart implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("switchboard.lease", "PT31S");
        }
    }

    public static class B_AfterRestart implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("switchboard.lease", "PT32S");
        }
    }

    static final String WORKSPACE = "restart-ws";
    static final String API_KEY = "restart-api-key-000000000000";
}
