package io.switchboard.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.inbox.Agent;
import io.switchboard.inbox.Team;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

/**
 * The directory as it was stored before agents and teams were items: one {@code DIRECTORY} document per
 * workspace. It is moved to items when the workspace is first written, or read and found missing; the
 * steady state never reads it (a workspace that has items has no document left).
 *
 * <p>The move writes every item only if absent, so two processes moving at once, or a status change
 * that got in between, lose nothing; member items go first, agents last, because a status change
 * can only start once its agent item exists and then finds every member copy to update.
 */
final class LegacyDirectory {

    static final String SORT = "DIRECTORY";

    private final DynamoDbClient db;
    private final String table;
    private final ObjectMapper json;
    private final DynamoDirectoryStore items;

    LegacyDirectory(DynamoDbClient db, String table, ObjectMapper json, DynamoDirectoryStore items) {
        this.db = db;
        this.table = table;
        this.json = json;
        this.items = items;
    }

    /** True when the workspace was still in the old form and is now moved. */
    boolean migrate(String ws) {
        Map<String, AttributeValue> item = db.getItem(GetItemRequest.builder().tableName(table)
                .key(Attr.key(Keys.workspace(ws), SORT)).consistentRead(true).build()).item();
        if (item == null || item.isEmpty()) {
            return false;
        }
        JsonNode doc;
        try {
            doc = json.readTree(Attr.str(item, "doc"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("directory of workspace " + ws + " is unreadable", e);
        }
        Map<String, Agent> agents = new HashMap<>();
        doc.path("agents").forEach(a -> agents.put(a.path("id").asText(), new Agent(a.path("id").asText(),
                a.path("name").asText(), a.hasNonNull("email") ? a.get("email").asText() : null,
                a.path("online").asBoolean(false))));
        Map<String, Set<String>> teamsOf = new HashMap<>();
        for (JsonNode t : doc.path("teams")) {
            List<String> members = new ArrayList<>();
            t.path("memberIds").forEach(m -> {
                if (agents.containsKey(m.asText()) && !members.contains(m.asText())) {
                    members.add(m.asText());
                }
            });
            Team team = new Team(t.path("id").asText(), t.path("name").asText(), members);
            for (int i = 0; i < members.size(); i++) {
                items.putMemberIfAbsent(ws, team.id(), agents.get(members.get(i)), i);
                teamsOf.computeIfAbsent(members.get(i), k -> new LinkedHashSet<>()).add(team.id());
            }
            items.putTeamIfAbsent(ws, team);
        }
        agents.values().forEach(a -> items.putIfAbsent(items.agentItem(ws, a, 1, teamsOf.getOrDefault(a.id(), Set.of()))));
        db.deleteItem(DeleteItemRequest.builder().tableName(table).key(Attr.key(Keys.workspace(ws), SORT)).build());
        return true;
    }
}
