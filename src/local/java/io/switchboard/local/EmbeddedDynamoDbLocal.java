package io.switchboard.local;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Amazon DynamoDB Local for the local run (compiled only with {@code -Dlocal}), loaded by a class loader
 * of its own from {@code target/quarkus-app/dynamodb-local/} instead of from the application's class
 * path. Its jar's manifest names "." in Class-Path, which would put the application's lib folder on
 * the class path, and the JVM writes no start-up cache (AOT cache) over a class path holding a folder.
 * The libraries it uses (SQLite, Jetty, the AWS SDK's model) stay on the application's class path and
 * are found there first, so the client it hands out is the application's {@link DynamoDbClient}.
 * Where its classes are on the class path already (dev mode, tests), they are used from there.
 */
final class EmbeddedDynamoDbLocal {

    /** Beside the packaged application's app/ folder; the pom's local profile copies the jar there. */
    static final String FOLDER = "dynamodb-local";
    private static final String SERVER_RUNNER = "com.amazonaws.services.dynamodbv2.local.main.ServerRunner";
    private static final String SERVER = "com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer";
    private static final String ENGINE = "com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal";

    private static ClassLoader loader;

    private EmbeddedDynamoDbLocal() {
    }

    /** A running DynamoDB Local server (its DynamoDBProxyServer). */
    record Server(Object server) {
        void stop() {
            call(SERVER, server, "stop");
        }
    }

    /** DynamoDB Local's in-process store (its AmazonDynamoDBLocal): no server, no HTTP. */
    record InProcess(Object engine) {
        DynamoDbClient client() {
            return (DynamoDbClient) call(ENGINE, engine, "dynamoDbClient");
        }

        void shutdown() {
            call(ENGINE, engine, "shutdown");
        }
    }

    /** Starts the server with DynamoDB Local's own command-line arguments. */
    static Server startServer(String... args) {
        try {
            Object server = load(SERVER_RUNNER).getMethod("createServerFromCommandLineArgs", String[].class)
                    .invoke(null, (Object) args);
            call(SERVER, server, "start");
            return new Server(server);
        } catch (ReflectiveOperationException e) {
            throw failure(e);
        }
    }

    /** The in-process store over {@code file} ({@code null}: in memory). */
    static InProcess inProcess(File file) {
        try {
            return new InProcess(load("com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded")
                    .getMethod("create", File.class, Boolean.class).invoke(null, file, Boolean.TRUE));
        } catch (ReflectiveOperationException e) {
            throw failure(e);
        }
    }

    private static Class<?> load(String name) throws ClassNotFoundException {
        return Class.forName(name, true, loader());
    }

    private static synchronized ClassLoader loader() {
        if (loader == null) {
            ClassLoader application = EmbeddedDynamoDbLocal.class.getClassLoader();
            try {
                Class.forName(SERVER_RUNNER, false, application);
                loader = application;
            } catch (ClassNotFoundException packaged) {
                loader = new URLClassLoader("dynamodb-local", jars(), application);
            }
        }
        return loader;
    }

    private static URL[] jars() {
        try {
            // app/switchboard-<version>.jar -> target/quarkus-app/dynamodb-local
            Path app = Path.of(EmbeddedDynamoDbLocal.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path folder = app.getParent().resolveSibling(FOLDER);
            try (Stream<Path> files = Files.list(folder)) {
                URL[] jars = files.filter(f -> f.toString().endsWith(".jar")).map(EmbeddedDynamoDbLocal::url)
                        .toArray(URL[]::new);
                if (jars.length == 0) {
                    throw new IllegalStateException("no DynamoDB Local jar in " + folder);
                }
                return jars;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("DynamoDB Local is packaged in " + FOLDER + "/ beside the application's "
                    + "app/ folder (./mvnw -Dlocal package puts it there)", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static URL url(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code method} of the public type {@code type} (the object's own class may not be public). */
    private static Object call(String type, Object target, String method) {
        try {
            return load(type).getMethod(method).invoke(target);
        } catch (ReflectiveOperationException e) {
            throw failure(e);
        }
    }

    private static RuntimeException failure(ReflectiveOperationException e) {
        Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
        return cause instanceof RuntimeException re ? re : new IllegalStateException("DynamoDB Local: " + cause, cause);
    }
}
