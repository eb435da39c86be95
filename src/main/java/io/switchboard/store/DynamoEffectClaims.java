package io.switchboard.store;

import static io.switchboard.store.Attr.s;
import static io.switchboard.store.Attr.str;
import static io.switchboard.store.Attr.time;

import io.switchboard.engine.step.EffectClaims;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Effect claims in the contact's partition ({@code EFFECT#<effect key>}), taken with a conditional
 * put: of two executions of the same step only the one whose put succeeds makes the call.
 */
public final class DynamoEffectClaims implements EffectClaims {

    /**
     * A step is executed again only while its run is still at it (a lost lease is resumed within
     * minutes), so a claim is needed for far less than this; DynamoDB removes it afterwards.
     */
    static final Duration KEPT = Duration.ofDays(30);

    private final DynamoDbClient db;
    private final String table;

    public DynamoEffectClaims(DynamoDbClient db, String table) {
        this.db = db;
        this.table = table;
    }

    @Override
    public Optional<Earlier> claim(String workspaceId, String contactId, String effectKey, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(key(workspaceId, contactId, effectKey));
        item.put("claimedAt", time(now));
        item.put(Table.EXPIRES_AT, Attr.n(now.plus(KEPT).getEpochSecond()));
        try {
            db.putItem(PutItemRequest.builder().tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(pk)")
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build());
            return Optional.empty();
        } catch (ConditionalCheckFailedException taken) {
            Map<String, AttributeValue> held = taken.hasItem() ? taken.item() : db.getItem(GetItemRequest.builder()
                    .tableName(table).key(key(workspaceId, contactId, effectKey)).consistentRead(true).build()).item();
            AttributeValue failed = held.get("failed");
            return Optional.of(new Earlier(str(held, "outcome"), failed != null && Boolean.TRUE.equals(failed.bool())));
        }
    }

    @Override
    public void settle(String workspaceId, String contactId, String effectKey, String outcome, boolean failed) {
        db.updateItem(UpdateItemRequest.builder().tableName(table).key(key(workspaceId, contactId, effectKey))
                .updateExpression("SET outcome = :outcome, failed = :failed")
                .expressionAttributeValues(Map.of(":outcome", s(outcome), ":failed", AttributeValue.fromBool(failed)))
                .build());
    }

    private static Map<String, AttributeValue> key(String workspaceId, String contactId, String effectKey) {
        return Attr.key(Keys.contact(workspaceId, contactId), "EFFECT#" + effectKey);
    }
}
