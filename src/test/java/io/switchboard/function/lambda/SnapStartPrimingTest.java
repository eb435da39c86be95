package io.switchboard.function.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.document.WorkflowParser;
import io.switchboard.document.WorkflowSchema;
import io.switchboard.store.Table;
import io.switchboard.support.DynamoDbLocalResource;
import java.net.URI;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class SnapStartPrimingTest {

    @Test
    void primingBeforeTheSnapshotTalksToTheStoreButWritesNothing() throws Exception {
        DynamoDbClient db = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(URI.create(DynamoDbLocalResource.endpoint())).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))).build();
        Table.createIfMissing(db, "priming-test");
        int before = db.scan(b -> b.tableName("priming-test")).count();

        new SnapStartPriming(db, "priming-test", new WorkflowParser(new WorkflowSchema()), new ObjectMapper())
                .beforeCheckpoint(null);

        assertEquals(before, db.scan(b -> b.tableName("priming-test")).count());
    }
}
