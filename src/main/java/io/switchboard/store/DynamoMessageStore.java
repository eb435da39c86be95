package io.switchboard.store;

import static io.switchboard.store.Attr.s;
import static io.switchboard.store.Attr.str;
import static io.switchboard.store.Attr.time;

import io.switchboard.inbox.Message;
import io.switchboard.inbox.MessageStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Messages live under their contact, keyed by channel and the channel's own message id: the key is
 * the deduplication record, so a redelivered webhook finds its message and stops.
 */
public final class DynamoMessageStore implements MessageStore {

    private final DynamoDbClient db;
    private final String table;

    public DynamoMessageStore(DynamoDbClient db, String table) {
        this.db = db;
        this.table = table;
    }

    private static String sort(String channelId, String externalId) {
        return "MSG#" + channelId + "#" + externalId;
    }

    @Override
    public boolean exists(String ws, String contactId, String channelId, String externalId) {
        var item = db.getItem(GetItemRequest.builder().tableName(table)
                .key(Attr.key(Keys.contact(ws, contactId), sort(channelId, externalId)))
                .projectionExpression("pk").build()).item();
        return item != null && !item.isEmpty();
    }

    @Override
    public boolean append(Message m) {
        Map<String, AttributeValue> item = new HashMap<>(Attr.key(Keys.contact(m.workspaceId(), m.contactId()),
                sort(m.channelId(), m.externalId())));
        item.put("conversationId", s(m.conversationId()));
        item.put("channelId", s(m.channelId()));
        item.put("externalId", s(m.externalId()));
        item.put("direction", s(m.direction().wireName()));
        item.put("authorId", s(m.authorId()));
        item.put("text", s(m.text() == null ? "" : m.text()));
        item.put("sentAt", time(m.sentAt()));
        try {
            db.putItem(PutItemRequest.builder().tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(pk)").build());
            return true;
        } catch (ConditionalCheckFailedException duplicate) {
            return false;
        }
    }

    @Override
    public List<Message> list(String ws, String contactId) {
        List<Message> out = new ArrayList<>();
        for (var page : db.queryPaginator(QueryRequest.builder().tableName(table)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                .expressionAttributeValues(Map.of(":pk", s(Keys.contact(ws, contactId)), ":prefix", s("MSG#")))
                .build())) {
            for (var item : page.items()) {
                out.add(new Message(ws, contactId, str(item, "conversationId"), str(item, "channelId"),
                        str(item, "externalId"), Message.Direction.valueOf(str(item, "direction").toUpperCase()),
                        str(item, "authorId"), str(item, "text"), Attr.instant(item, "sentAt")));
            }
        }
        out.sort(Comparator.comparing(Message::sentAt));
        return out;
    }
}
