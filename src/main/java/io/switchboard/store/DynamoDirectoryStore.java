package io.switchboard.store;

import static io.switchboard.store.Attr.n;
import static io.switchboard.store.Attr.s;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.inbox.ConcurrentUpdateException;
import io.switchboard.inbox.Directory;
import io.switchboard.inbox.DirectoryStore;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The directory is one JSON document per workspace, replaced under a version condition. Round-robin
 * tickets live in their own small items: they change on every assignment, and a counter on the
 * directory item would make every ticket cost a write of the whole directory.
 */
public final class DynamoDirectoryStore implements DirectoryStore {

    private final DynamoDbClient db;
    private final String table;
    private final ObjectMapper json;

    public DynamoDirectoryStore(DynamoDbClient db, String table, ObjectMapper json) {
        this.db = db;
        this.table = table;
        this.json = json;
    }

    @Override
    public Directory load(String ws) {
        var item = db.getItem(GetItemRequest.builder().tableName(table)
                .key(Attr.key(Keys.workspace(ws), "DIRECTORY")).build()).item();
        if (item == null || item.isEmpty()) {
            return Directory.empty();
        }
        try {
            Directory stored = json.readValue(Attr.str(item, "doc"), Directory.class);
            return new Directory(stored.agents(), stored.teams(), Attr.num(item, "version", 0));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("directory of workspace " + ws + " is unreadable", e);
        }
    }

    @Override
    public void replace(String ws, Directory next) {
        long expected = next.version();
        String doc;
        try {
            doc = json.writeValueAsString(new Directory(next.agents(), next.teams(), expected + 1));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        ItemSize.check("the workspace's users and teams", doc, "$",
                "remove users or teams that are no longer needed, or shorten their names");
        var item = new java.util.HashMap<>(Attr.key(Keys.workspace(ws), "DIRECTORY"));
        item.put("doc", s(doc));
        item.put("version", n(expected + 1));
        try {
            db.putItem(PutItemRequest.builder().tableName(table).item(item)
                    .conditionExpression(expected == 0 ? "attribute_not_exists(pk)" : "version = :expected")
                    .expressionAttributeValues(expected == 0 ? null : Map.of(":expected", n(expected)))
                    .build());
        } catch (ConditionalCheckFailedException e) {
            throw new ConcurrentUpdateException("the directory of workspace " + ws);
        }
    }

    @Override
    public long nextRoundRobinTicket(String ws, String teamId) {
        var updated = db.updateItem(UpdateItemRequest.builder().tableName(table)
                .key(Attr.key(Keys.workspace(ws), "RR#" + teamId))
                .updateExpression("ADD ticket :one")
                .expressionAttributeValues(Map.of(":one", n(1)))
                .returnValues(ReturnValue.UPDATED_NEW)
                .build()).attributes();
        return Attr.num(updated, "ticket", 1) - 1;
    }
}
