package io.switchboard.function.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import io.switchboard.document.WorkflowParser;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * With Lambda SnapStart, runs what a first request needs before the snapshot is taken, so that a
 * restored function does not pay for it: the DynamoDB client's first request (the SDK's marshallers,
 * signer and endpoint rules load and warm up on it) and one workflow parsed through the schema. The
 * read is of an item that never exists, so priming writes nothing. Registered only in a SnapStart
 * initialisation ({@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start}); anywhere else it does nothing.
 */
@Singleton
public class SnapStartPriming implements Resource {

    private final DynamoDbClient db;
    private final String table;
    private final WorkflowParser parser;
    private final ObjectMapper json;

    public SnapStartPriming(DynamoDbClient db, @ConfigProperty(name = "switchboard.table") String table,
            WorkflowParser parser, ObjectMapper json) {
        this.db = db;
        this.table = table;
        this.parser = parser;
        this.json = json;
    }

    void register(@Observes StartupEvent started) {
        if ("snap-start".equals(System.getenv("AWS_LAMBDA_INITIALIZATION_TYPE"))) {
            // the CRaC context holds its resources weakly: this singleton is the strong reference
            Core.getGlobalContext().register(this);
        }
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) throws IOException {
        prime();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // nothing to refresh: credentials and connections are re-established by the SDK on use
    }

    /** The work of a first request that leaves no trace. */
    public void prime() throws IOException {
        db.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS("PRIMING"), "sk", AttributeValue.fromS("PRIMING"))));
        try (InputStream in = SnapStartPriming.class.getResourceAsStream("/demo/prompt-transfer.json")) {
            parser.parse("priming", "priming", 1, json.readTree(in));
        }
    }
}
