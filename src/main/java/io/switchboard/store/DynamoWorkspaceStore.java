package io.switchboard.store;

import io.switchboard.workspace.Channel;
import io.switchboard.workspace.Integration;
import io.switchboard.workspace.WorkspaceStore;

import static io.switchboard.store.Attr.s;
import static io.switchboard.store.Attr.str;
import static io.switchboard.store.Attr.time;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
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
 * Workspaces, their API keys and their channels. API keys are stored only as SHA-256 digests: the
 * key itself is shown once, when it is created.
 *
 * <p>A channel is stored twice: under its own id, which is all a webhook knows, and under its workspace,
 * for listing. Platform credentials arrive sealed ({@code sealedCredentials}) and are stored as they
 * are: this store never sees them in clear.
 */
public final class DynamoWorkspaceStore implements WorkspaceStore {

    private final DynamoDbClient db;
    private final String table;

    public DynamoWorkspaceStore(DynamoDbClient db, String table) {
        this.db = db;
        this.table = table;
    }

    /** Creates the workspace and its first API key; false when the workspace id is taken. */
    @Override
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

    @Override
    public boolean exists(String workspaceId) {
        var item = db.getItem(GetItemRequest.builder().tableName(table)
                .key(Attr.key(Keys.workspace(workspaceId), "WORKSPACE")).build()).item();
        return item != null && !item.isEmpty();
    }

    /** Whether the workspace's HTTP Request steps may call private and loopback addresses (default no). */
    @Override
    public boolean allowsPrivateHttpTargets(String workspaceId) {
        var item = db.getItem(GetItemRequest.builder().tableName(table).consistentRead(true)
                .key(Attr.key(Keys.workspace(workspaceId), "WORKSPACE")).build()).item();
        AttributeValue value = item == null ? null : item.get("allowPrivateHttpTargets");
        return value != null && Boolean.TRUE.equals(value.bool());
    }

    /** Stored on the workspace item; false when the workspace does not exist. */
    @Override
    public boolean allowPrivateHttpTargets(String workspaceId, boolean allow) {
        try {
            db.updateItem(UpdateItemRequest.builder().tableName(table)
                    .key(Attr.key(Keys.workspace(workspaceId), "WORKSPACE"))
                    .conditionExpression("attribute_exists(pk)")
                    .updateExpression("SET allowPrivateHttpTargets = :allow")
                    .expressionAttributeValues(Map.of(":allow", AttributeValue.fromBool(allow))).build());
            return true;
        } catch (ConditionalCheckFailedException missing) {
            return false;
        }
    }

    /** Stored under the workspace; a new one replaces the old. */
    @Override
    public void putIntegration(String workspaceId, Integration integration) {
        Map<String, AttributeValue> item = new HashMap<>(Attr.key(Keys.workspace(workspaceId),
                "INTEGRATION#" + integration.name()));
        item.put("account", s(integration.account()));
        item.put("sealedCredentials", s(integration.sealedCredentials()));
        item.put("updatedAt", time(integration.updatedAt()));
        db.putItem(PutItemRequest.builder().tableName(table).item(item).build());
    }

    @Override
    public Optional<Integration> integration(String workspaceId, String name) {
        var item = db.getItem(GetItemRequest.builder().tableName(table).consistentRead(true)
                .key(Attr.key(Keys.workspace(workspaceId), "INTEGRATION#" + name)).build()).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Integration(name, str(item, "account"), str(item, "sealedCredentials"),
                Attr.instant(item, "updatedAt")));
    }

    @Override
    public void removeIntegration(String workspaceId, String name) {
        db.deleteItem(b -> b.tableName(table).key(Attr.key(Keys.workspace(workspaceId), "INTEGRATION#" + name)));
    }

    @Override
    public Optional<String> workspaceOfApiKey(String apiKey) {
        var item = db.getItem(GetItemRequest.builder().tableName(table)
                .key(Attr.key("APIKEY#" + digest(apiKey), "APIKEY")).build()).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.ofNullable(str(item, "workspaceId"));
    }

    @Override
    public void addChannel(Channel channel) {
        Map<String, AttributeValue> item = new HashMap<>(Attr.key("CHANNEL#" + channel.id(), "CHANNEL"));
        item.put("workspaceId", s(channel.workspaceId()));
        item.put("type", s(channel.type()));
        item.put("name", s(channel.name()));
        if (channel.secret() != null) {
            item.put("secret", s(channel.secret()));
        }
        if (!channel.settings().isEmpty()) {
            Map<String, AttributeValue> settings = new HashMap<>();
            channel.settings().forEach((k, v) -> settings.put(k, s(v)));
            item.put("settings", AttributeValue.fromM(settings));
        }
        if (channel.sealedCredentials() != null) {
            item.put("sealedCredentials", s(channel.sealedCredentials()));
        }
        if (channel.createdAt() != null) {
            item.put("createdAt", time(channel.createdAt()));
        }
        db.putItem(PutItemRequest.builder().tableName(table).item(item)
                .conditionExpression("attribute_not_exists(pk)").build());
        Map<String, AttributeValue> listed = new HashMap<>(item);
        listed.putAll(Attr.key(Keys.workspace(channel.workspaceId()), "CHANNEL#" + channel.id()));
        db.putItem(PutItemRequest.builder().tableName(table).item(listed).build());
    }

    @Override
    public Optional<Channel> channel(String channelId) {
        var item = db.getItem(GetItemRequest.builder().tableName(table)
                .key(Attr.key("CHANNEL#" + channelId, "CHANNEL")).build()).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(toChannel(channelId, item));
    }

    /** The workspace's channels, in id order. */
    @Override
    public List<Channel> channels(String workspaceId) {
        List<Channel> out = new ArrayList<>();
        for (var page : db.queryPaginator(QueryRequest.builder().tableName(table)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                .expressionAttributeValues(Map.of(":pk", s(Keys.workspace(workspaceId)), ":prefix", s("CHANNEL#")))
                .build())) {
            for (var item : page.items()) {
                out.add(toChannel(str(item, "sk").substring("CHANNEL#".length()), item));
            }
        }
        return out;
    }

    private static Channel toChannel(String channelId, Map<String, AttributeValue> item) {
        Map<String, String> settings = new HashMap<>();
        AttributeValue m = item.get("settings");
        if (m != null && m.hasM()) {
            m.m().forEach((k, v) -> settings.put(k, v.s()));
        }
        return new Channel(channelId, str(item, "workspaceId"), str(item, "type"), str(item, "name"),
                str(item, "secret"), Map.copyOf(settings), str(item, "sealedCredentials"), Attr.instant(item, "createdAt"));
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
