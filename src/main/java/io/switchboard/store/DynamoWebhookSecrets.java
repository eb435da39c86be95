package io.switchboard.store;

import io.switchboard.inbound.WebhookSecrets;
import io.switchboard.inbound.WebhookSecrets.Secret;

import static io.switchboard.store.Attr.s;
import static io.switchboard.store.Attr.str;
import static io.switchboard.store.Attr.time;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * The signing secret of a workflow's Incoming Webhook, one item in the workflow's partition. Secrets
 * arrive sealed and are stored as they are: this store never sees them in clear.
 */
public final class DynamoWebhookSecrets implements WebhookSecrets {

    private static final String SORT = "WEBHOOK";


    private final DynamoDbClient db;
    private final String table;

    public DynamoWebhookSecrets(DynamoDbClient db, String table) {
        this.db = db;
        this.table = table;
    }

    @Override
    public Optional<Secret> find(String ws, String workflowId) {
        var item = db.getItem(GetItemRequest.builder().tableName(table).key(Attr.key(Keys.workflow(ws, workflowId), SORT))
                .consistentRead(true).build()).item();
        return item == null || item.isEmpty() ? Optional.empty()
                : Optional.of(new Secret(str(item, "sealed"), Attr.instant(item, "createdAt")));
    }

    /**
     * Stores the secret unless the workflow has one; returns the one that is stored. Two first reads
     * racing each other thus agree on one secret.
     */
    @Override
    public Secret createIfMissing(String ws, String workflowId, String sealed, Instant now) {
        try {
            db.putItem(PutItemRequest.builder().tableName(table).item(item(ws, workflowId, sealed, now))
                    .conditionExpression("attribute_not_exists(pk)").build());
            return new Secret(sealed, now);
        } catch (ConditionalCheckFailedException exists) {
            return find(ws, workflowId).orElseThrow();
        }
    }

    /** Replaces the secret: the old one stops working at once. */
    @Override
    public Secret replace(String ws, String workflowId, String sealed, Instant now) {
        db.putItem(PutItemRequest.builder().tableName(table).item(item(ws, workflowId, sealed, now)).build());
        return new Secret(sealed, now);
    }

    private static Map<String, AttributeValue> item(String ws, String workflowId, String sealed, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(Attr.key(Keys.workflow(ws, workflowId), SORT));
        item.put("sealed", s(sealed));
        item.put("createdAt", time(now));
        return item;
    }
}
