package io.switchboard.store;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The one table everything lives in, keyed by workspace. Its shape is declared here for local runs
 * and tests, and in {@code infra/dynamodb.tf} for AWS; the two must agree.
 *
 * <ul>
 *   <li>{@code pk}/{@code sk}: the item's home, e.g. {@code WS#w1#CONTACT#c1} / {@code CONTACT}.</li>
 *   <li>index {@code byOwner} ({@code gsi1pk}/{@code gsi1sk}, keys only): contacts with an open
 *       conversation per assigned agent ("least open contacts").</li>
 *   <li>index {@code due} ({@code dueShard}/{@code dueKey}, keys only): sparse; only runs waiting or
 *       running have these attributes, so the sweep reads due wake-ups and nothing else.</li>
 *   <li>index {@code byConversation} ({@code convWs}/{@code convKey}, keys only): sparse; a contact
 *       item carries them from its first conversation on, set only when a conversation opens, so the
 *       workspace's conversations can be listed newest first. Closing, assigning and run writes leave
 *       them alone and so never write this index.</li>
 * </ul>
 */
public final class Table {

    public static final String PK = "pk";
    public static final String SK = "sk";
    public static final String GSI1_PK = "gsi1pk";
    public static final String GSI1_SK = "gsi1sk";
    public static final String BY_OWNER = "byOwner";
    public static final String DUE_SHARD = "dueShard";
    public static final String DUE_KEY = "dueKey";
    public static final String DUE = "due";
    public static final String CONV_WS = "convWs";
    public static final String CONV_KEY = "convKey";
    public static final String BY_CONVERSATION = "byConversation";
    public static final String EXPIRES_AT = "expiresAt";

    private Table() {
    }

    /** Creates the table when it does not exist yet (local runs and tests). */
    public static void createIfMissing(DynamoDbClient client, String name) {
        try {
            client.createTable(CreateTableRequest.builder()
                    .tableName(name)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(attribute(PK), attribute(SK), attribute(GSI1_PK), attribute(GSI1_SK),
                            attribute(DUE_SHARD), attribute(DUE_KEY), attribute(CONV_WS), attribute(CONV_KEY))
                    .keySchema(hash(PK), range(SK))
                    .globalSecondaryIndexes(
                            GlobalSecondaryIndex.builder().indexName(BY_OWNER)
                                    .keySchema(hash(GSI1_PK), range(GSI1_SK))
                                    .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build())
                                    .build(),
                            // the sweep hands each due run's wake token to its wake-up, as infra/dynamodb.tf declares
                            GlobalSecondaryIndex.builder().indexName(DUE)
                                    .keySchema(hash(DUE_SHARD), range(DUE_KEY))
                                    .projection(Projection.builder().projectionType(ProjectionType.INCLUDE)
                                            .nonKeyAttributes("wakeToken").build())
                                    .build(),
                            GlobalSecondaryIndex.builder().indexName(BY_CONVERSATION)
                                    .keySchema(hash(CONV_WS), range(CONV_KEY))
                                    .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build())
                                    .build())
                    .build());
        } catch (ResourceInUseException alreadyThere) {
            // another process created it first
            return;
        }
        // dedupe records and finished runs carry expiresAt; DynamoDB removes them after that time
        client.updateTimeToLive(b -> b.tableName(name).timeToLiveSpecification(t -> t.attributeName(EXPIRES_AT).enabled(true)));
    }

    private static AttributeDefinition attribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement hash(String name) {
        return KeySchemaElement.builder().attributeName(name).keyType(KeyType.HASH).build();
    }

    private static KeySchemaElement range(String name) {
        return KeySchemaElement.builder().attributeName(name).keyType(KeyType.RANGE).build();
    }
}
