package io.switchboard.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.switchboard.support.DynamoDbLocalResource;
import java.net.URI;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A fresh table on DynamoDB Local for each store test class, through the real SDK client over HTTP, or
 * through the client given (DynamoDB Local's in-process one, in {@link InProcessDynamoDbTest}).
 */
final class LocalTable {

    final DynamoDbClient db;
    final String name = "t-" + UUID.randomUUID().toString().substring(0, 8);
    final ObjectMapper json = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    LocalTable() {
        this(DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(URI.create(DynamoDbLocalResource.endpoint())).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))).build());
    }

    LocalTable(DynamoDbClient db) {
        this.db = db;
        Table.createIfMissing(db, name);
    }
}
