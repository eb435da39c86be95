package io.switchboard.local;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.io.File;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The local run's entry point (compiled only with {@code -Dlocal}): starts Amazon DynamoDB Local on
 * disk, then the service. DynamoDB Local must be up before the service creates its table.
 */
@QuarkusMain
public class LocalMain {

    public static void main(String... args) throws Exception {
        var config = ConfigProvider.getConfig();
        int port = config.getOptionalValue("dynamodb-local.port", Integer.class).orElse(8000);
        String dir = config.getOptionalValue("dynamodb-local.data-dir", String.class).orElse("data/dynamodb");
        DynamoDBProxyServer server = null;
        if (!listening(port)) {
            new File(dir).mkdirs();
            server = ServerRunner.createServerFromCommandLineArgs(new String[] {
                "-dbPath", dir, "-sharedDb", "-disableTelemetry", "-port", Integer.toString(port)});
            server.start();
        }
        try {
            Quarkus.run(args);
        } finally {
            if (server != null) {
                server.stop();
            }
        }
    }

    /** A reload in dev mode finds the store from the first start still running. */
    private static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
