package io.switchboard.store;

import static io.switchboard.store.Attr.n;
import static io.switchboard.store.Attr.s;

import io.switchboard.engine.run.Run;
import io.switchboard.inbox.Comment;
import io.switchboard.inbox.ConcurrentUpdateException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The writes of a run kept in its contact's item ({@link RunItems#KEPT}): each save is a write of the contact
 * item conditional on the kept version, as a run item's save is on its own, so two deliveries of one wake-up
 * still cannot both advance it. A kept run moves to an item of its own once a save finds the contact's item
 * past one write unit (1 KB), or its body past {@link #KEEP_LIMIT}: the contact's item is rewritten by every
 * message and assignment, and should cost one unit each time.
 */
final class KeptRunWrites {

    /** Bytes of compressed body a contact's item keeps at most; a run past it moves to its own item. */
    static final int KEEP_LIMIT = 512;

    /** A write of an item up to 1 KB costs one unit; the contact's item should stay there. */
    private static final double ONE_UNIT = 1.0;

    private static final Map<String, String> NAMES = Map.of("#kr", RunItems.KEPT);

    private final DynamoDbClient db;
    private final String table;
    private final RunItems items;
    private final int dueShards;

    KeptRunWrites(DynamoDbClient db, String table, RunItems items, int dueShards) {
        this.db = db;
        this.table = table;
        this.items = items;
        this.dueShards = dueShards;
    }

    /** The pieces of a kept run's save, to write alone or merged into another write of the contact. */
    record Save(String set, String remove, String condition, Map<String, AttributeValue> values,
            Map<String, String> names, boolean outgrown) {

        /**
         * This save with a token in the kept run that only this write carries (48 random bits), so that the
         * client's retry of it, finding the item at the next version, can tell its own write from another's.
         */
        Save withCommitToken() {
            Map<String, AttributeValue> kept = new HashMap<>(values.get(":krNew").m());
            byte[] token = new byte[6];
            java.util.concurrent.ThreadLocalRandom.current().nextBytes(token);
            kept.put("c", AttributeValue.fromB(software.amazon.awssdk.core.SdkBytes.fromByteArrayUnsafe(token)));
            Map<String, AttributeValue> tokened = new HashMap<>(values);
            tokened.put(":krNew", AttributeValue.fromM(kept));
            return new Save(set, remove, condition, tokened, names, outgrown);
        }
    }

    Save save(Run run) {
        RunItems.Kept kept = items.kept(run, run.version() + 1, dueShards);
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":krNew", kept.attribute());
        values.put(":krId", s(run.id()));
        values.put(":krExpected", n(run.version()));
        List<String> set = new ArrayList<>(List.of("#kr = :krNew"));
        List<String> remove = new ArrayList<>();
        for (String name : RunItems.DUE_ENTRY) {
            AttributeValue value = kept.dueEntry().get(name);
            if (value == null) {
                remove.add(name);
            } else {
                set.add(name + " = :kr_" + name);
                values.put(":kr_" + name, value);
            }
        }
        return new Save(String.join(", ", set), String.join(", ", remove), "#kr.i = :krId AND #kr.v = :krExpected",
                values, NAMES, kept.bodyBytes() > KEEP_LIMIT);
    }

    /** Writes the kept run if its kept version is still {@code run.version()}, then bumps it. */
    void write(Run run) {
        Save save = save(run);
        UpdateItemResponse written;
        try {
            written = db.updateItem(UpdateItemRequest.builder().tableName(table).key(contactKey(run))
                    .updateExpression("SET " + save.set() + (save.remove().isEmpty() ? "" : " REMOVE " + save.remove()))
                    .conditionExpression(save.condition()).expressionAttributeNames(save.names())
                    .expressionAttributeValues(save.values())
                    // the table's part of the units says whether the contact's item still fits one
                    .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES).build());
        } catch (ConditionalCheckFailedException e) {
            throw new ConcurrentUpdateException("run " + run.id());
        }
        run.markSaved(run.version() + 1);
        if (save.outgrown() || pastOneUnit(written.consumedCapacity())) {
            moveOut(run);
        }
    }

    static boolean pastOneUnit(ConsumedCapacity consumed) {
        Double units = consumed == null ? null
                : consumed.table() != null && consumed.table().capacityUnits() != null ? consumed.table().capacityUnits()
                : consumed.capacityUnits();
        return units != null && units > ONE_UNIT && (consumed.table() != null || consumed.globalSecondaryIndexes() == null);
    }

    /**
     * Moves a kept run that outgrew the contact's item to an item of its own, at the version just written:
     * the run's item first (only if none exists), then the contact item drops all but the run's id. A crash
     * between the two leaves both at one version; readers take the run's own item, which is where its next
     * save goes.
     */
    void moveOut(Run run) {
        moveCommentsOut(run);
        try {
            db.putItem(PutItemRequest.builder().tableName(table).item(items.item(run, run.version(), dueShards))
                    .conditionExpression("attribute_not_exists(pk)").build());
        } catch (ConditionalCheckFailedException movedBefore) {
            // a delivery that read the kept run moved it first, at this version: nothing more to do here
        }
        run.markKeptWithContact(false);
        dropMovedCopy(contactKey(run), run.id(), run.version());
    }

    /**
     * Writes the comments the contact's item keeps with the run ({@link KeptComments}) as comment items, before the
     * run's own item: a reader that finds that item drops the copy and the kept comments with it.
     */
    private void moveCommentsOut(Run run) {
        var item = db.getItem(b -> b.tableName(table).consistentRead(true).key(contactKey(run))
                .projectionExpression("#kc, #kr")
                .expressionAttributeNames(Map.of("#kc", KeptComments.ATTRIBUTE, "#kr", RunItems.KEPT))).item();
        for (Comment comment : KeptComments.read(item, run.workspaceId(), run.contactId(), RunItems.keptOwner(item))) {
            try {
                db.putItem(PutItemRequest.builder().tableName(table).item(DynamoCommentStore.item(comment))
                        .conditionExpression("attribute_not_exists(pk)").build());
            } catch (ConditionalCheckFailedException movedBefore) {
                // moved by an earlier try of this move
            }
        }
    }

    /**
     * Leaves only the run's id in the contact's item once the run's own item holds it (at {@code version}), its
     * kept comments written as comment items before that item was.
     */
    void dropMovedCopy(Map<String, AttributeValue> contactKey, String runId, long version) {
        try {
            db.updateItem(UpdateItemRequest.builder().tableName(table).key(contactKey)
                    .updateExpression("REMOVE #kr.v, #kr.b, #kr.w, #kr.c, " + KeptComments.ATTRIBUTE + ", "
                            + String.join(", ", RunItems.DUE_ENTRY))
                    .conditionExpression("#kr.i = :krId AND #kr.v = :krExpected").expressionAttributeNames(NAMES)
                    .expressionAttributeValues(Map.of(":krId", s(runId), ":krExpected", n(version))).build());
        } catch (ConditionalCheckFailedException droppedBefore) {
            // dropped by another reader already
        }
    }

    /**
     * The contact's {@code held} write of a wake-up's commit with the kept run's save merged into it: one
     * item is written once per transaction, and this is that once. Its condition is both of theirs.
     */
    Update merged(Update held, Save save) {
        Map<String, AttributeValue> values = new HashMap<>(held.expressionAttributeValues());
        values.putAll(save.values());
        Map<String, String> names = new HashMap<>(held.hasExpressionAttributeNames() ? held.expressionAttributeNames()
                : Map.of());
        names.putAll(save.names());
        String condition = held.conditionExpression() == null ? save.condition()
                : "(" + held.conditionExpression() + ") AND " + save.condition();
        return held.toBuilder()
                .updateExpression(UpdateExpressions.with(held.updateExpression(), save.set(), save.remove()))
                .conditionExpression(condition).expressionAttributeNames(names).expressionAttributeValues(values)
                .build();
    }

    /** The kept run's save alone, as an item of a wake-up's commit. */
    Update alone(Run run, Save save) {
        return Update.builder().tableName(table).key(contactKey(run))
                .updateExpression(UpdateExpressions.with(null, save.set(), save.remove()))
                .conditionExpression(save.condition()).expressionAttributeNames(save.names())
                .expressionAttributeValues(save.values()).build();
    }

    private static Map<String, AttributeValue> contactKey(Run run) {
        return Attr.key(Keys.contact(run.workspaceId(), run.contactId()), DynamoContactStore.SORT);
    }
}
