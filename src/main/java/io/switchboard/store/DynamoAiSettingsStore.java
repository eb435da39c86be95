package io.switchboard.store;

import io.switchboard.workspace.AiSettingsStore;
import io.switchboard.workspace.AiSettingsStore.AiSettings;

import static io.switchboard.store.Attr.s;
import static io.switchboard.store.Attr.str;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * A workspace's chat model for AI Agent steps, one item in the workspace's partition. The API key
 * arrives sealed and is stored as it is: this store never sees it in clear.
 */
public final class DynamoAiSettingsStore implements AiSettingsStore {

    static final String SORT = "INTEGRATION#ai";


    private final DynamoDbClient db;
    private final String table;

    public DynamoAiSettingsStore(DynamoDbClient db, String table) {
        this.db = db;
        this.table = table;
    }

    @Override
    public void save(String workspaceId, AiSettings settings) {
        Map<String, AttributeValue> item = new HashMap<>(Attr.key(Keys.workspace(workspaceId), SORT));
        item.put("baseUrl", s(settings.baseUrl()));
        item.put("model", s(settings.model()));
        item.put("sealedApiKey", s(settings.sealedApiKey()));
        db.putItem(PutItemRequest.builder().tableName(table).item(item).build());
    }

    @Override
    public Optional<AiSettings> find(String workspaceId) {
        var item = db.getItem(GetItemRequest.builder().tableName(table)
                .key(Attr.key(Keys.workspace(workspaceId), SORT)).build()).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new AiSettings(str(item, "baseUrl"), str(item, "model"), str(item, "sealedApiKey")));
    }

    @Override
    public void remove(String workspaceId) {
        db.deleteItem(DeleteItemRequest.builder().tableName(table)
                .key(Attr.key(Keys.workspace(workspaceId), SORT)).build());
    }
}
