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

    public DynamoSegmentCommits(DynamoDbClient db, DynamoRunStore runs, DynamoContactStore contacts,
            DynamoCommentStore comments) {
        this.db = db;
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
        items.add(TransactWriteItem.builder().put(runs.saveInCommit(run)).build());
        if (held.contactWrite() != null) {
            items.add(TransactWriteItem.builder().update(contacts.held(held.contactWrite())).build());
        }
        for (Comment comment : held.comments()) {
            items.add(TransactWriteItem.builder().put(comments.heldComment(comment)).build());
        }
        try {
            db.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(items).build());
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
            if (!reasons.isEmpty() && CONDITION_FAILED.equals(reasons.get(0).code())) {
                throw new ConcurrentUpdateException("run " + run.id());
            }
            // the contact moved on (or a write to one of the items was in flight): nothing was written
            throw new HeldWrites.Stale("contact " + run.contactId());
        }
        run.markSaved(run.version() + 1);
    }
}
