package io.switchboard.bench;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import io.switchboard.store.Table;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Where the benchmarked application's DynamoDB Local runs ({@code -Dbench.store=http,in-process}):
 * {@code http}, a server beside it (in this JVM, in memory) that it talks to over HTTP with the SDK
 * client, as the default local run does; {@code in-process}, inside the application's own process
 * over an on-disk data folder ({@code dynamodb-local.in-process=true}), as the in-process local run
 * does; {@code in-process-memory}, the same in memory ({@code dynamodb-local.in-memory=true}), the
 * like-for-like counterpart of {@code http}'s in-memory server. Each says what the application is
 * started with and measures the store's own ceiling the way the application reaches it.
 */
abstract class BenchStore implements AutoCloseable {

    final String name;

    private BenchStore(String name) {
        this.name = name;
    }

    static BenchStore start(String name) throws Exception {
        return switch (name) {
            case "http" -> new OverHttp();
            case "in-process" -> new InProcess(false);
            case "in-process-memory" -> new InProcess(true);
            default -> throw new IllegalArgumentException("bench.store: '" + name
                    + "' is not one of http, in-process, in-process-memory");
        };
    }

    /** The application's options that point it at this store. */
    abstract List<String> applicationOptions();

    /** Conditional UpdateItem/s the store answers when called as the application calls it. */
    abstract double ceiling(int callers, int seconds) throws Exception;

    /** A description of the ceiling's store, for the printed line. */
    abstract String ceilingStore();

    /** The items of a partition of the application's table as stored, where this JVM can read the store; else none. */
    List<java.util.Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue>> partition(String pk) {
        return List.of();
    }

    static final class OverHttp extends BenchStore {
        private final DynamoDBProxyServer server;
        private final DynamoDbClient db;
        private final String endpoint;

        OverHttp() throws Exception {
            super("http");
            int port = PackagedApplication.freePort();
            server = ServerRunner.createServerFromCommandLineArgs(
                    new String[] {"-inMemory", "-disableTelemetry", "-port", Integer.toString(port)});
            server.start();
            endpoint = "http://127.0.0.1:" + port;
            db = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create())
                    .endpointOverride(URI.create(endpoint)).region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
                    .build();
            Table.createIfMissing(db, HttpScenarioBenchmark.TABLE);
        }

        @Override
        List<String> applicationOptions() {
            return List.of("-Ddynamodb-local.external=true", "-Dquarkus.dynamodb.endpoint-override=" + endpoint,
                    "-Dquarkus.dynamodb.aws.credentials.type=static",
                    "-Dquarkus.dynamodb.aws.credentials.static-provider.access-key-id=bench",
                    "-Dquarkus.dynamodb.aws.credentials.static-provider.secret-access-key=bench");
        }

        @Override
        double ceiling(int callers, int seconds) throws Exception {
            return StoreCeiling.conditionalUpdatesPerSecond(db, HttpScenarioBenchmark.TABLE, callers, seconds);
        }

        @Override
        String ceilingStore() {
            return "the DynamoDB Local server the application uses, over HTTP";
        }

        @Override
        List<java.util.Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue>> partition(String pk) {
            return db.query(q -> q.tableName(HttpScenarioBenchmark.TABLE).consistentRead(true)
                    .keyConditionExpression("pk = :pk").expressionAttributeValues(java.util.Map.of(":pk",
                            software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(pk)))).items();
        }

        @Override
        public void close() throws Exception {
            db.close();
            server.stop();
        }
    }

    /**
     * The application opens its own data folder, so the ceiling is measured on a second folder with
     * the same in-process client in this JVM (a file is open in one process at a time).
     */
    static final class InProcess extends BenchStore {
        private final File data = Files.createTempDirectory("bench-in-process-").toFile();
        private final boolean inMemory;

        InProcess(boolean inMemory) throws IOException {
            super(inMemory ? "in-process-memory" : "in-process");
            this.inMemory = inMemory;
        }

        @Override
        List<String> applicationOptions() {
            return List.of("-Ddynamodb-local.in-process=true", "-Ddynamodb-local.in-memory=" + inMemory,
                    "-Ddynamodb-local.data-dir=" + new File(data, "app"));
        }

        @Override
        double ceiling(int callers, int seconds) throws Exception {
            File dir = new File(data, "ceiling");
            dir.mkdirs();
            AmazonDynamoDBLocal engine = DynamoDBEmbedded.create(inMemory ? null : new File(dir, "shared-local-instance.db"), true);
            try {
                DynamoDbClient db = engine.dynamoDbClient();
                Table.createIfMissing(db, HttpScenarioBenchmark.TABLE);
                return StoreCeiling.conditionalUpdatesPerSecond(db, HttpScenarioBenchmark.TABLE, callers, seconds);
            } finally {
                engine.shutdown();
            }
        }

        @Override
        String ceilingStore() {
            return "DynamoDB Local in-process " + (inMemory ? "in memory" : "on disk") + ", as the application opens it"
                    + " (a second one, in the benchmark's JVM)";
        }

        @Override
        public void close() throws IOException {
            try (var files = Files.walk(data.toPath())) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
