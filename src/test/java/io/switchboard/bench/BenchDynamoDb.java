package io.switchboard.bench;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import io.switchboard.ops.InterceptingDynamoDbClient;
import java.net.URI;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The in-process benchmarks' DynamoDB Local, in memory, in this JVM ({@code -Dbench.store}): {@code http}
 * (the default), a server reached over HTTP by the SDK client, as the default local run and every
 * deployment reach their store; {@code in-process}, DynamoDB Local's in-process client, no HTTP, as the
 * local run with {@code dynamodb-local.in-process=true}. The server runs either way, for what needs a
 * port (the packaged application's start-up).
 */
final class BenchDynamoDb implements AutoCloseable {

    final boolean inProcess;
    final int port;
    final DynamoDbClient client;
    private final DynamoDBProxyServer server;
    private final AmazonDynamoDBLocal embedded;

    private BenchDynamoDb(boolean inProcess, ExecutionInterceptor meter) throws Exception {
        this.inProcess = inProcess;
        port = ScenarioBenchmark.freePort();
        server = ServerRunner.createServerFromCommandLineArgs(
                new String[] {"-inMemory", "-disableTelemetry", "-port", Integer.toString(port)});
        server.start();
        if (inProcess) {
            embedded = DynamoDBEmbedded.create(null, true);
            // the in-process client has no SDK pipeline: the meter is run around it, as the local run runs its meters
            client = InterceptingDynamoDbClient.wrap(embedded.dynamoDbClient(), List.of(meter));
        } else {
            embedded = null;
            client = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create())
                    .endpointOverride(URI.create("http://127.0.0.1:" + port)).region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
                    .overrideConfiguration(c -> c.addExecutionInterceptor(meter)).build();
        }
    }

    /** Starts the store {@code -Dbench.store} names, metering every request the stores make with {@code meter}. */
    static BenchDynamoDb start(ExecutionInterceptor meter) throws Exception {
        String store = System.getProperty("bench.store", "http");
        return switch (store) {
            case "http" -> new BenchDynamoDb(false, meter);
            case "in-process" -> new BenchDynamoDb(true, meter);
            default -> throw new IllegalArgumentException("bench.store: '" + store + "' is not one of http, in-process");
        };
    }

    String describe() {
        return inProcess ? "DynamoDB Local in-process, in memory, no HTTP" : "DynamoDB Local over HTTP";
    }

    @Override
    public void close() throws Exception {
        client.close();
        if (embedded != null) {
            embedded.shutdown();
        }
        server.stop();
    }
}
