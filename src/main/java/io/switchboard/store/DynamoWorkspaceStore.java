package io.switchboard.store;

import static io.switchboard.store.Attr.s;
import static io.switchboard.store.Attr.str;
import static io.switchboard.store.Attr.time;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * Workspaces, their API keys and their channels. API keys are stored only as SHA-256 digests: the
 * key itself is shown once, when it is created.
 */
public final class DynamoWorkspaceStore {

    public record Channel(String id, String workspaceId, String type, String name, String secret) {
    }

    private final DynamoDbClient db;
    private final String table;

    public DynamoWorkspaceStore(DynamoDbClient db, String table) {
        this.db = db;
        this.table = table;
    }

    /** Creates the workspace and its first API key; false when the workspace id is taken. */
    public boolean create(String workspaceId, String name, String apiKey, Instant now) {
        Map<String, AttributeValue> ws = new HashMap<>(Attr.key(Keys.workspace(workspaceId), "WORKSPACE"));
        ws.put("name", s(name));
        ws.put("createdAt", time(now));
        try {
            db.putItem(PutItemRequest.builder().tableName(table).item(ws)
                    .conditionExpression("attribute_not_exists(pk)").build());
        } catch (ConditionalCheckFailedException taken) {
            return false;
        }
        Map<String, AttributeValue> key = new HashMap<>(Attr.key("APIKEY#" + digest(apiKey), "APIKEY"));
        key.put("workspaceId", s(workspaceId));
        db.putItem(PutItemRequest.builder().tableName(table).item(key).build());
        return true;
    }

    public boolean exists(String workspaceId) {
        var item = db.getItem(GetItemRequest.builder().tableName(table)
                .key(Attr.key(Keys.workspace(workspaceId), "WORKSPACE")).build()).item();
        return item != null && !item.isEmpty();
    }

    public Optional<String> workspaceOfApiKey(String apiKey) {
        var item = db.getItem(GetItemRequest.builder().tableName(table)
                .key(Attr.key("APIKEY#" + digest(apiKey), "APIKEY")).build()).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.ofNullable(str(item, "workspaceId"));
    }

    public void addChannel(Channel channel) {
        Map<String, AttributeValue> item = new HashMap<>(Attr.key("CHANNEL#" + channel.id(), "CHANNEL"));
        item.put("workspaceId", s(channel.workspaceId()));
        item.put("type", s(channel.type()));
        item.put("name", s(channel.name()));
        item.put("secret", s(channel.secret()));
        db.putItem(PutItemRequest.builder().tableName(table).item(item)
                .conditionExpression("attribute_not_exists(pk)").build());
    }

    public Optional<Channel> channel(String channelId) {
        var item = db.getItem(GetItemRequest.builder().tableName(table)
                .key(Attr.key("CHANNEL#" + channelId, "CHANNEL")).build()).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Channel(channelId, str(item, "workspaceId"), str(item, "type"), str(item, "name"),
                str(item, "secret")));
    }

    static String digest(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
