package io.switchboard.store;

import static io.switchboard.store.Attr.instant;
import static io.switchboard.store.Attr.n;
import static io.switchboard.store.Attr.num;
import static io.switchboard.store.Attr.s;
import static io.switchboard.store.Attr.str;
import static io.switchboard.store.Attr.time;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.engine.run.Run;
import io.switchboard.engine.run.RunStatus;
import io.switchboard.engine.run.RunStore;
import io.switchboard.engine.run.StepRecord;
import io.switchboard.engine.run.WakeUpCall;
import io.switchboard.engine.workflow.StepPath;
import io.switchboard.inbox.ConcurrentUpdateException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Runs, one item each, written whole under a version condition. A run that is waiting or leased
 * carries {@code dueShard}/{@code dueKey}, which enter it into the sparse {@code due} index; a finished
 * run drops them. The due index is spread over a few shards so that many wake-ups due in the same
 * second do not all land on one index partition.
 */
public final class DynamoRunStore implements RunStore {

    static final String WAKE_TOKEN = "wakeToken";
    private static final String SORT = "RUN";
    private static final TypeReference<List<StepRecord>> HISTORY = new TypeReference<>() { };
    private static final TypeReference<Map<String, String>> STRINGS = new TypeReference<>() { };

    private final DynamoDbClient db;
    private final String table;
    private final ObjectMapper json;
    private final int dueShards;

    public DynamoRunStore(DynamoDbClient db, String table, ObjectMapper json, int dueShards) {
        this.db = db;
        this.table = table;
        this.json = json;
        this.dueShards = dueShards;
    }

    @Override
    public boolean create(Run run) {
        try {
            db.putItem(PutItemRequest.builder().tableName(table).item(toItem(run, run.version() + 1))
                    .conditionExpression("attribute_not_exists(pk)").build());
            run.markSaved(run.version() + 1);
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return false;
        }
    }

    @Override
    public Optional<Run> find(String ws, String runId) {
        var item = db.getItem(GetItemRequest.builder().tableName(table).key(Attr.key(Keys.run(ws, runId), SORT))
                .consistentRead(true).build()).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toRun(item));
    }

    @Override
    public void save(Run run) {
        try {
            db.putItem(PutItemRequest.builder().tableName(table).item(toItem(run, run.version() + 1))
                    .conditionExpression("version = :expected")
                    .expressionAttributeValues(Map.of(":expected", n(run.version())))
                    .build());
            run.markSaved(run.version() + 1);
        } catch (ConditionalCheckFailedException e) {
            throw new ConcurrentUpdateException("run " + run.id());
        }
    }

    @Override
    public List<Run> listByContact(String ws, String contactId) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (var page : db.queryPaginator(QueryRequest.builder().tableName(table).indexName(Table.BY_OWNER)
                .keyConditionExpression("gsi1pk = :owner")
                .expressionAttributeValues(Map.of(":owner", s(Keys.runsOfContact(ws, contactId))))
                .build())) {
            page.items().forEach(i -> keys.add(Attr.key(str(i, Table.PK), str(i, Table.SK))));
        }
        List<Run> runs = new ArrayList<>();
        for (int i = 0; i < keys.size(); i += 100) {
            Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder()
                    .keys(keys.subList(i, Math.min(keys.size(), i + 100))).consistentRead(true).build());
            while (request != null && !request.isEmpty()) {
                var response = db.batchGetItem(BatchGetItemRequest.builder().requestItems(request).build());
                response.responses().getOrDefault(table, List.of()).forEach(item -> runs.add(toRun(item)));
                request = response.hasUnprocessedKeys() && !response.unprocessedKeys().isEmpty()
                        ? response.unprocessedKeys() : null;
            }
        }
        runs.sort(Comparator.comparing(Run::startedAt));
        return runs;
    }

    @Override
    public List<WakeUpCall> due(Instant now, int limit) {
        List<Map<String, AttributeValue>> due = new ArrayList<>();
        for (int shard = 0; shard < dueShards; shard++) {
            due.addAll(db.query(QueryRequest.builder().tableName(table).indexName(Table.DUE)
                    .keyConditionExpression("dueShard = :shard AND dueKey <= :now")
                    .expressionAttributeValues(Map.of(":shard", s("DUE#" + shard), ":now", s(dueKey(now, "~"))))
                    .limit(limit)
                    .build()).items());
        }
        due.sort(Comparator.comparing(i -> str(i, Table.DUE_KEY)));
        List<WakeUpCall> calls = new ArrayList<>();
        for (var item : due.subList(0, Math.min(limit, due.size()))) {
            String pk = str(item, Table.PK);
            String ws = pk.substring(3, pk.indexOf("#RUN#"));
            String runId = pk.substring(pk.indexOf("#RUN#") + 5);
            String key = str(item, Table.DUE_KEY);
            calls.add(new WakeUpCall(ws, runId, str(item, WAKE_TOKEN),
                    Instant.ofEpochMilli(Long.parseLong(key.substring(0, key.indexOf('#'))))));
        }
        return calls;
    }

    /** Sorts by time as text: fixed-width epoch milliseconds, then the run id to keep keys unique. */
    private static String dueKey(Instant at, String runId) {
        return String.format("%015d#%s", at.toEpochMilli(), runId);
    }

    private Map<String, AttributeValue> toItem(Run run, long version) {
        Map<String, AttributeValue> item = new HashMap<>(Attr.key(Keys.run(run.workspaceId(), run.id()), SORT));
        item.put("runId", s(run.id()));
        item.put("workflowId", s(run.workflowId()));
        item.put("workflowVersion", n(run.workflowVersion()));
        item.put("contactId", s(run.contactId()));
        if (run.conversationId() != null) {
            item.put("conversationId", s(run.conversationId()));
        }
        item.put("status", s(run.status().name()));
        if (run.cursor() != null) {
            item.put("cursor", s(run.cursor().toString()));
        }
        item.put("executedSteps", n(run.executedSteps()));
        item.put("startedAt", time(run.startedAt()));
        item.put("updatedAt", time(run.updatedAt()));
        item.put("version", n(version));
        item.put("triggerData", s(write(run.triggerData())));
        item.put("history", s(write(run.history())));
        item.put(Table.GSI1_PK, s(Keys.runsOfContact(run.workspaceId(), run.contactId())));
        item.put(Table.GSI1_SK, s(run.startedAt() + "#" + run.id()));
        if (run.dueAt() != null) {
            item.put("dueAt", time(run.dueAt()));
            item.put(WAKE_TOKEN, s(run.wakeToken()));
            item.put(Table.DUE_SHARD, s("DUE#" + Math.floorMod(run.id().hashCode(), dueShards)));
            item.put(Table.DUE_KEY, s(dueKey(run.dueAt(), run.id())));
        }
        return item;
    }

    private Run toRun(Map<String, AttributeValue> item) {
        String pk = str(item, Table.PK);
        String ws = pk.substring(3, pk.indexOf("#RUN#"));
        String cursor = str(item, "cursor");
        return new Run(ws, str(item, "runId"), str(item, "workflowId"), (int) num(item, "workflowVersion", 0),
                str(item, "contactId"), str(item, "conversationId"), read(str(item, "triggerData"), STRINGS),
                instant(item, "startedAt"), RunStatus.valueOf(str(item, "status")),
                cursor == null ? null : StepPath.parse(cursor), (int) num(item, "executedSteps", 0),
                instant(item, "dueAt"), str(item, WAKE_TOKEN), instant(item, "updatedAt"), num(item, "version", 0),
                read(str(item, "history"), HISTORY));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored run is unreadable", e);
        }
    }
}
