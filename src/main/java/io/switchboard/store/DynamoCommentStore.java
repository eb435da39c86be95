package io.switchboard.store;

import static io.switchboard.store.Attr.s;
import static io.switchboard.store.Attr.str;
import static io.switchboard.store.Attr.time;

import io.switchboard.inbox.Comment;
import io.switchboard.inbox.CommentStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Comments under their contact, keyed by conversation and the writer's idempotency key; a conversation's
 * comments are those items and the ones its contact's item keeps with its kept run ({@link KeptComments}).
 */
public final class DynamoCommentStore implements CommentStore {

    private final DynamoDbClient db;
    private final String table;

    public DynamoCommentStore(DynamoDbClient db, String table) {
        this.db = db;
        this.table = table;
    }

    @Override
    public boolean add(Comment c) {
        try {
            db.putItem(PutItemRequest.builder().tableName(table).item(item(c))
                    .conditionExpression("attribute_not_exists(pk)").build());
            return true;
        } catch (ConditionalCheckFailedException alreadyAdded) {
            return false;
        }
    }

    /** A wake-up's held comment as one item of its commit: added once, as {@link #add} adds it. */
    Put heldComment(Comment c) {
        return Put.builder().tableName(table).item(item(c)).conditionExpression("attribute_not_exists(pk)").build();
    }

    static Map<String, AttributeValue> item(Comment c) {
        Map<String, AttributeValue> item = new HashMap<>(Attr.key(Keys.contact(c.workspaceId(), c.contactId()),
                "CMT#" + c.conversationId() + "#" + c.id()));
        item.put("commentId", s(c.id()));
        item.put("conversationId", s(c.conversationId()));
        item.put("author", s(c.author()));
        item.put("text", s(c.text()));
        item.put("createdAt", time(c.createdAt()));
        return item;
    }

    @Override
    public List<Comment> list(String ws, String contactId, String conversationId) {
        Map<String, Comment> byId = new LinkedHashMap<>();
        var contact = db.getItem(b -> b.tableName(table).key(Attr.key(Keys.contact(ws, contactId), DynamoContactStore.SORT))
                .projectionExpression("#kc, #kr").expressionAttributeNames(Map.of("#kc", KeptComments.ATTRIBUTE,
                        "#kr", RunItems.KEPT))).item();
        for (Comment kept : KeptComments.read(contact, ws, contactId, RunItems.keptOwner(contact))) {
            if (kept.conversationId().equals(conversationId)) {
                byId.put(kept.id(), kept);
            }
        }
        for (var page : db.queryPaginator(QueryRequest.builder().tableName(table)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                .expressionAttributeValues(Map.of(":pk", s(Keys.contact(ws, contactId)),
                        ":prefix", s("CMT#" + conversationId + "#")))
                .build())) {
            for (var item : page.items()) {
                // a kept comment moved to its item may be read in both places for a moment: one comment
                byId.put(str(item, "commentId"), new Comment(ws, contactId, str(item, "conversationId"),
                        str(item, "commentId"), str(item, "author"), str(item, "text"), Attr.instant(item, "createdAt")));
            }
        }
        List<Comment> out = new ArrayList<>(byId.values());
        out.sort(Comparator.comparing(Comment::createdAt));
        return out;
    }
}
