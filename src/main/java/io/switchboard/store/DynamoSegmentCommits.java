package io.switchboard.store;

import io.switchboard.engine.run.HeldWrites;
import io.switchboard.engine.run.Run;
import io.switchboard.engine.run.SegmentCommits;
import io.switchboard.inbox.Comment;
import io.switchboard.inbox.ConcurrentUpdateException;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * A wake-up's run write and the inbox writes its steps held, in one TransactWriteItems: the run at its
 * version, the one write of the contact (its assignment, the close of its conversation, or a change of its
 * tags or fields), and the comments, all or none. The SDK gives the request an
 * idempotency token, so its own retry of a commit whose answer was lost does not apply it twice. With
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

    @Override
    public void commit(Run run, HeldWrites held) {
        if (held.isEmpty()) {
            runs.save(run);
            return;
        }
        List<TransactWriteItem> items = new ArrayList<>();
        KeptRunWrites.Save keptSave = run.keptWithContact() ? runs.kept().save(run) : null;
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

    /** True when the contact item's kept run is no longer at the version this commit read. */
    private boolean advancedMeanwhile(Run run, CancellationReason reason) {
        var item = reason.item() != null && !reason.item().isEmpty() ? reason.item()
                : db.getItem(b -> b.tableName(table).consistentRead(true)
                        .key(Attr.key(Keys.contact(run.workspaceId(), run.contactId()), DynamoContactStore.SORT))).item();
        var kept = item == null ? null : item.get(RunItems.KEPT);
        return kept == null || !kept.hasM() || kept.m().get("v") == null
                || !String.valueOf(run.version()).equals(kept.m().get("v").n());
    }
}
