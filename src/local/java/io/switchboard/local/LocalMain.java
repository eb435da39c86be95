package io.switchboard.local;

import io.quarkus.runtime.ApplicationLifecycleManager;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.io.File;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The local run's entry point (compiled only with {@code -Dlocal}): starts Amazon DynamoDB Local on
 * disk ({@link EmbeddedDynamoDbLocal}), then the service. DynamoDB Local must be up before the service
 * creates its table. With
 * {@code dynamodb-local.in-process=true} no server is started: the service opens the same data folder
 * itself ({@link LocalDynamoDbClient}).
 */
@QuarkusMain
public class LocalMain {

    /** Set once this JVM started the store: a dev-mode reload finds it running and keeps it. */
    // outside the switchboard.* namespace, which the configuration mapping validates strictly
    private static final String STARTED = "dynamodb-local.started-here";

    public static void main(String... args) throws Exception {
        var config = ConfigProvider.getConfig();
        int port = config.getOptionalValue("dynamodb-local.port", Integer.class).orElse(8000);
        String dir = config.getOptionalValue("dynamodb-local.data-dir", String.class).orElse("data/dynamodb");
        boolean external = config.getOptionalValue("dynamodb-local.external", Boolean.class).orElse(false);
        boolean inProcess = config.getOptionalValue("dynamodb-local.in-process", Boolean.class).orElse(false);
        if (inProcess || ApplicationLifecycleManager.isAppCDSGeneration()) {
            // in-process: the store opens with the service; a class-data archive run (the benchmark's package)
            // only starts the service to record its classes and must not take a port or a data folder
            Quarkus.run(args);
            return;
        }
        EmbeddedDynamoDbLocal.Server server = null;
        if (listening(port) && !external && System.getProperty(STARTED) == null) {
            // something else holds the port: it may be another store (or another Switchboard's), and its
            // data would silently become this run's
            System.err.printf("Port %d is already in use, so the embedded DynamoDB Local cannot start there.%n"
                    + "Stop whatever listens on it, start with -Ddynamodb-local.port=<free port>, or, to use a "
                    + "DynamoDB Local you started yourself, -Ddynamodb-local.external=true.%n", port);
            System.exit(1);
        }
        if (!external && !listening(port)) {
            new File(dir).mkdirs();
            server = EmbeddedDynamoDbLocal.startServer(
                    "-dbPath", dir, "-sharedDb", "-disableTelemetry", "-port", Integer.toString(port));
            System.setProperty(STARTED, "true");
        }
        try {
            Quarkus.run(args);
        } finally {
            if (server != null) {
                server.stop();
            }
        }
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
