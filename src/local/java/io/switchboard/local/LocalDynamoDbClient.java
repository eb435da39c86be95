package io.switchboard.local;

import io.switchboard.ops.InterceptingDynamoDbClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.File;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * The local run's DynamoDB client (compiled only with {@code -Dlocal}). By default the SDK's own, built
 * from the builder the Quarkus extension configures ({@code quarkus.dynamodb.*}: endpoint, credentials,
 * interceptors), so it talks to the DynamoDB Local that {@link LocalMain} starts, over HTTP. With
 * {@code dynamodb-local.in-process=true}, DynamoDB Local's in-process client over the same data folder
 * instead (or, with {@code dynamodb-local.in-memory=true} as well, in memory, kept only while the
 * process runs): no HTTP server, no request serialisation, the store's engine called directly. The
 * extension's interceptors (the request and capacity meters) are run around it by
 * {@link InterceptingDynamoDbClient}, since that client has no SDK request pipeline of its own.
 */
@ApplicationScoped
public class LocalDynamoDbClient {

    /** The file DynamoDB Local's server keeps with {@code -sharedDb}: either way of running reads the same data. */
    static final String SHARED_DB_FILE = "shared-local-instance.db";

    private EmbeddedDynamoDbLocal.InProcess engine;

    @Produces
    @Singleton
    DynamoDbClient dynamoDb(DynamoDbClientBuilder configured,
            @ConfigProperty(name = "dynamodb-local.in-process", defaultValue = "false") boolean inProcess,
            @ConfigProperty(name = "dynamodb-local.in-memory", defaultValue = "false") boolean inMemory,
            @ConfigProperty(name = "dynamodb-local.data-dir", defaultValue = "data/dynamodb") String dataDir) {
        if (!inProcess) {
            return configured.build();
        }
        File file = null;
        if (!inMemory) {
            File dir = new File(dataDir);
            dir.mkdirs();
            file = new File(dir, SHARED_DB_FILE);
        }
        // on disk every write is a synced SQLite commit: the benchmark measured 71 conditional writes/s there, 558 in memory
        engine = EmbeddedDynamoDbLocal.inProcess(file);
        return InterceptingDynamoDbClient.wrap(engine.client(),
                configured.overrideConfiguration().executionInterceptors());
    }

    void close(@Disposes DynamoDbClient client) {
        client.close();
        if (engine != null) {
            // releases the data file, so a dev-mode reload can open it again
            engine.shutdown();
            engine = null;
        }
    }
}
