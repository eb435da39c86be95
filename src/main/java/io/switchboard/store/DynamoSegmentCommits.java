package io.switchboard.store;

import io.switchboard.engine.run.HeldWrites;
import io.switchboard.engine.run.Run;
import io.switchboard.engine.run.SegmentCommits;
import io.switchboard.inbox.Comment;
import io.switchboard.inbox.ConcurrentUpdateException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * A wake-up's run write and the inbox writes its steps held, all or none: the run at its version, the one
 * write of the contact (its assignment, the close of its conversation, or a change of its tags or fields),
 * and the comments. A run kept in its contact's item commits in one conditional write of that item, its
 * comments kept there too ({@link KeptComments}); any other goes in one TransactWriteItems, whose idempotency
 * token (the SDK gives one) makes the client's retry of a commit whose answer was lost harmless. With
 * nothing held it is the run store's plain conditional write (a transaction costs twice the units).
 */
public final class DynamoSegmentCommits implements SegmentCommits {

    private static final String CONDITION_FAILED = "ConditionalCheckFailed";

    private final DynamoDbClient db;
    private final DynamoRunStore runs;
    private final DynamoContactStore contacts;
    private final DynamoCommentStore comments;
    private final String table;

    public DynamoSegmentCommits(DynamoDbClient db, DynamoRunStore runs, DynamoContactStore contacts,
            DynamoCommentStore comments) {
        this.db = db;
        this.table = runs.table();
        this.runs = runs;
        this.contacts = contacts;
        this.comments = comments;
    }

    /**
     * A run kept in its contact's item: its commit is one write of that item when its comments fit there, else
     * one transaction with them as items (a write unit more than writing the effects first, two requests fewer).
     */
    @Override
    public boolean inOneWrite(Run run) {
        return run.keptWithContact();
    }

    @Override
    public void commit(Run run, HeldWrites held) {
        if (held.isEmpty()) {
            runs.save(run);
            return;
        }
        KeptRunWrites.Save keptSave = run.keptWithContact() ? runs.kept().save(run) : null;
        KeptComments.Owner owner = KeptComments.Owner.of(run);
        if (keptSave != null && (held.comments().isEmpty() || KeptComments.fit(held.comments(), owner)
                && KeptComments.fitIn(run.keptRoom(), keptSave.withCommitToken(), held.comments(), owner,
                        held.contactWrite()))
                && committedInContactItem(run, held, keptSave)) {
            return;
        }
        List<TransactWriteItem> items = new ArrayList<>();
        if (keptSave == null) {
            items.add(TransactWriteItem.builder().put(runs.saveInCommit(run)).build());
            if (held.contactWrite() != null) {
                items.add(TransactWriteItem.builder().update(contacts.held(held.contactWrite())).build());
            }
        } else {
            // the run is kept in its contact's item: its save and the contact's held write are one write of that item
            Update contact = held.contactWrite() == null ? runs.kept().alone(run, keptSave)
                    : runs.kept().merged(contacts.held(held.contactWrite()), keptSave);
            items.add(TransactWriteItem.builder().update(contact.toBuilder()
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build()).build());
        }
        for (Comment comment : held.comments()) {
            items.add(TransactWriteItem.builder().put(comments.heldComment(comment)).build());
        }
        try {
            db.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(items).build());
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
            if (!reasons.isEmpty() && CONDITION_FAILED.equals(reasons.get(0).code())
                    && (keptSave == null || advancedMeanwhile(run, reasons.get(0)))) {
                throw new ConcurrentUpdateException("run " + run.id());
            }
            // the contact moved on (or a write to one of the items was in flight): nothing was written
            throw new HeldWrites.Stale("contact " + run.contactId());
        }
        run.markSaved(run.version() + 1);
        if (keptSave != null && keptSave.outgrown()) {
            runs.kept().moveOut(run);
        }
    }

    /**
     * The commit of a run kept in its contact's item as one conditional write of that item, no transaction:
     * the contact's held write, the run's save and its comments ({@link KeptComments}). False, with nothing
     * written, when the item has no room left for the comments: they then go as comment items in a transaction.
     */
    private boolean committedInContactItem(Run run, HeldWrites held, KeptRunWrites.Save untokened) {
        KeptRunWrites.Save keptSave = untokened.withCommitToken();
        Update write = held.contactWrite() == null ? runs.kept().alone(run, keptSave)
                : runs.kept().merged(contacts.held(held.contactWrite()), keptSave);
        write = KeptComments.appended(write, held.comments(), KeptComments.Owner.of(run));
        UpdateItemResponse written;
        try {
            written = db.updateItem(UpdateItemRequest.builder().tableName(table).key(write.key())
                    .updateExpression(write.updateExpression()).conditionExpression(write.conditionExpression())
                    .expressionAttributeNames(write.expressionAttributeNames())
                    .expressionAttributeValues(write.expressionAttributeValues())
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                    // the table's part of the units says whether the contact's item still fits one
                    .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES).build());
        } catch (ConditionalCheckFailedException e) {
            var item = e.hasItem() && !e.item().isEmpty() ? e.item() : contactItem(run);
            if (landedBefore(item, keptSave)) {
                // the client's retry of this write, whose first try landed and whose answer was lost
                run.markSaved(run.version() + 1);
                return true;
            }
            if (advancedMeanwhile(run, item)) {
                throw new ConcurrentUpdateException("run " + run.id());
            }
            if (KeptComments.noRoom(item, held.comments().size())) {
                return false;
            }
            // the contact moved on since the wake-up read it: nothing was written
            throw new HeldWrites.Stale("contact " + run.contactId());
        }
        run.markSaved(run.version() + 1);
        if (keptSave.outgrown() || KeptRunWrites.pastOneUnit(written.consumedCapacity())) {
            runs.kept().moveOut(run);
        }
        return true;
    }

    /**
     * True when the item already holds exactly the kept run this commit writes, its commit token included: a
     * transaction's idempotency token makes its retry harmless, and this does for the plain write. Another
     * delivery of the same wake-up may work out the same body to the millisecond; never the same token.
     */
    private static boolean landedBefore(Map<String, AttributeValue> item, KeptRunWrites.Save save) {
        AttributeValue kept = item == null ? null : item.get(RunItems.KEPT);
        AttributeValue written = save.values().get(":krNew");
        return kept != null && kept.hasM() && written != null && written.m().equals(kept.m());
    }

    private Map<String, AttributeValue> contactItem(Run run) {
        return db.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Attr.key(Keys.contact(run.workspaceId(), run.contactId()), DynamoContactStore.SORT))).item();
    }

    /** True when the contact item's kept run is no longer at the version this commit read. */
    private boolean advancedMeanwhile(Run run, CancellationReason reason) {
        return advancedMeanwhile(run, reason.item() != null && !reason.item().isEmpty() ? reason.item() : contactItem(run));
    }

    private static boolean advancedMeanwhile(Run run,
            Map<String, AttributeValue> item) {
        var kept = item == null ? null : item.get(RunItems.KEPT);
        return kept == null || !kept.hasM() || kept.m().get("v") == null
                || !String.valueOf(run.version()).equals(kept.m().get("v").n());
    }
}
