package io.switchboard.support;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Amazon DynamoDB Local, in memory, one per test JVM. It outlives application restarts between test
 * profiles on purpose: the restart tests stop the service mid-wait and start a new one over the same
 * data. Its port is kept in a system property because each restart loads this class afresh.
 */
public class DynamoDbLocalResource implements QuarkusTestResourceLifecycleManager {

    private static final String PORT_PROPERTY = "test.dynamodb-local.port";

    public static synchronized String endpoint() {
        String port = System.getProperty(PORT_PROPERTY);
        if (port == null) {
            port = Integer.toString(LocalServers.freePort());
            try {
                ServerRunner.createServerFromCommandLineArgs(
                        new String[] {"-inMemory", "-disableTelemetry", "-port", port}).start();
            } catch (Exception e) {
                throw new IllegalStateException("DynamoDB Local did not start", e);
            }
            System.setProperty(PORT_PROPERTY, port);
        }
        return "http://127.0.0.1:" + port;
    }

    @Override
    public Map<String, String> start() {
        return Map.of("quarkus.dynamodb.endpoint-override", endpoint());
    }

    @Override
    public void stop() {
        // kept for the whole test JVM; see the class comment
    }
}
