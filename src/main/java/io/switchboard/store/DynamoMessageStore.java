package io.switchboard.store;

import static io.switchboard.store.Attr.s;
import static io.switchboard.store.Attr.str;
import static io.switchboard.store.Attr.time;

import io.switchboard.inbox.Attachment;
import io.switchboard.inbox.DeliveryStatus;
import io.switchboard.inbox.Message;
import io.switchboard.inbox.MessageStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Messages live under their contact, keyed by channel and the channel's own message id: the key is
 * the deduplication record, so a redelivered webhook finds its message and stops.
 *
 * <p>With a retention configured, messages carry {@code expiresAt} (the table's TTL attribute, epoch
 * seconds) set to receipt plus the retention, never less than {@link #MIN_RETENTION}: platforms retry a
 * delivery for up to seven days (WhatsApp), and a message that expired before the last retry would be
 * taken for a new one. Without a retention messages are kept.
 *
 * <p>A message sent through a platform also gets a small {@code SENT#<platform id>} item pointing at
 * it, so the platform's delivery reports, which name only its own id, find the message.
 */
public final class DynamoMessageStore implements MessageStore {

    /** The longest platform retry window (WhatsApp: 7 days) plus a day. */
    public static final Duration MIN_RETENTION = Duration.ofDays(8);

    private final DynamoDbClient db;
    private final String table;
    private final Clock clock;
    private final Optional<Duration> retention;

    public DynamoMessageStore(DynamoDbClient db, String table) {
        this(db, table, Clock.systemUTC(), Optional.empty());
    }

    public DynamoMessageStore(DynamoDbClient db, String table, Clock clock, Optional<Duration> retention) {
        this.db = db;
        this.table = table;
        this.clock = clock;
        this.retention = retention.map(r -> r.compareTo(MIN_RETENTION) < 0 ? MIN_RETENTION : r);
    }

    private Optional<AttributeValue> expiresAt() {
        Instant now = clock.instant();
        return retention.map(r -> Attr.n(now.plus(r).getEpochSecond()));
    }

    static String sort(String channelId, String externalId) {
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
        if (m.attachment() != null) {
            item.put("attachmentKind", s(m.attachment().kind()));
            if (m.attachment().reference() != null) {
                item.put("attachmentRef", s(m.attachment().reference()));
            }
            if (m.attachment().mimeType() != null) {
                item.put("attachmentMime", s(m.attachment().mimeType()));
            }
        }
        if (m.platformMessageId() != null) {
            item.put("platformMessageId", s(m.platformMessageId()));
        }
        Optional<AttributeValue> expiresAt = expiresAt();
        expiresAt.ifPresent(e -> item.put(Table.EXPIRES_AT, e));
        try {
            db.putItem(PutItemRequest.builder().tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(pk)").build());
        } catch (ConditionalCheckFailedException duplicate) {
            return false;
        }
        if (m.platformMessageId() != null) {
            pointTo(m.workspaceId(), m.contactId(), m.channelId(), m.externalId(), m.platformMessageId());
        }
        return true;
    }

    @Override
    public boolean recordEdit(String ws, String contactId, String channelId, String originalExternalId, String text,
            Instant editedAt) {
        try {
            // only an incoming message the contact sent is edited; a missing original is never created here
            db.updateItem(UpdateItemRequest.builder().tableName(table)
                    .key(Attr.key(Keys.contact(ws, contactId), sort(channelId, originalExternalId)))
                    .updateExpression("SET #text = :text, editedAt = :at")
                    .conditionExpression("attribute_exists(pk) AND direction = :incoming")
                    .expressionAttributeNames(Map.of("#text", "text"))
                    .expressionAttributeValues(Map.of(":text", s(text == null ? "" : text), ":at", time(editedAt),
                            ":incoming", s(Message.Direction.INCOMING.wireName())))
                    .build());
            return true;
        } catch (ConditionalCheckFailedException noOriginal) {
            return false;
        }
    }

    /** Delivery reports name the platform's id; a pointer item leads from it to our message. */
    private void pointTo(String ws, String contactId, String channelId, String externalId, String platformMessageId) {
        if (sort(channelId, externalId).equals(sentPointer(platformMessageId))) {
            return;
        }
        Map<String, AttributeValue> pointer = new HashMap<>(Attr.key(Keys.contact(ws, contactId),
                sentPointer(platformMessageId)));
        pointer.put("messageSk", s(sort(channelId, externalId)));
        expiresAt().ifPresent(e -> pointer.put(Table.EXPIRES_AT, e));
        db.putItem(PutItemRequest.builder().tableName(table).item(pointer).build());
    }

    @Override
    public void confirmSent(String ws, String contactId, String channelId, String externalId, String platformMessageId) {
        if (platformMessageId == null) {
            return;
        }
        db.updateItem(b -> b.tableName(table).key(Attr.key(Keys.contact(ws, contactId), sort(channelId, externalId)))
                .updateExpression("SET platformMessageId = :p")
                .expressionAttributeValues(Map.of(":p", s(platformMessageId))));
        pointTo(ws, contactId, channelId, externalId, platformMessageId);
    }

    @Override
    public void discardUnsent(String ws, String contactId, String channelId, String externalId) {
        try {
            db.deleteItem(b -> b.tableName(table).key(Attr.key(Keys.contact(ws, contactId), sort(channelId, externalId)))
                    .conditionExpression("attribute_not_exists(platformMessageId)"));
        } catch (ConditionalCheckFailedException alreadySent) {
            // another delivery of the same reply went out: keep its record
        }
    }

    private static String sentPointer(String platformMessageId) {
        return "SENT#" + platformMessageId;
    }

    @Override
    public boolean recordStatus(String ws, String contactId, String channelId, String platformMessageId,
            DeliveryStatus status, Instant at, String error) {
        String pk = Keys.contact(ws, contactId);
        // An echo or a message the platform delivered to us is stored under the platform's own id; a
        // message we sent is found through its SENT# pointer.
        if (update(pk, sort(channelId, platformMessageId), status, at, error)) {
            return true;
        }
        var pointer = db.getItem(GetItemRequest.builder().tableName(table)
                .key(Attr.key(pk, sentPointer(platformMessageId))).build()).item();
        String messageSk = pointer == null ? null : str(pointer, "messageSk");
        return messageSk != null && update(pk, messageSk, status, at, error);
    }

    /** Raises the status; the condition makes a repeated, stale or unknown report a no-op. */
    private boolean update(String pk, String sk, DeliveryStatus status, Instant at, String error) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":status", s(status.wireName()));
        values.put(":rank", Attr.n(status.rank()));
        values.put(":at", time(at));
        String set = "SET deliveryStatus = :status, statusRank = :rank, statusAt = :at";
        if (error != null) {
            set += ", deliveryError = :error";
            values.put(":error", s(error));
        }
        try {
            db.updateItem(UpdateItemRequest.builder().tableName(table).key(Attr.key(pk, sk))
                    .updateExpression(set)
                    .conditionExpression("attribute_exists(pk) AND (attribute_not_exists(statusRank) OR statusRank < :rank)")
                    .expressionAttributeValues(values).build());
            return true;
        } catch (ConditionalCheckFailedException unknownOrNotNewer) {
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
                String kind = str(item, "attachmentKind");
                String status = str(item, "deliveryStatus");
                out.add(new Message(ws, contactId, str(item, "conversationId"), str(item, "channelId"),
                        str(item, "externalId"), Message.Direction.valueOf(str(item, "direction").toUpperCase()),
                        str(item, "authorId"), str(item, "text"), Attr.instant(item, "sentAt"),
                        kind == null ? null : new Attachment(kind, str(item, "attachmentRef"), str(item, "attachmentMime")),
                        str(item, "platformMessageId"),
                        status == null ? null : DeliveryStatus.valueOf(status.toUpperCase())));
            }
        }
        out.sort(Comparator.comparing(Message::sentAt));
        return out;
    }
}
