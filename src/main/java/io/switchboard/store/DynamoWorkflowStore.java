package io.switchboard.store;

import static io.switchboard.store.Attr.n;
import static io.switchboard.store.Attr.num;
import static io.switchboard.store.Attr.s;
import static io.switchboard.store.Attr.str;
import static io.switchboard.store.Attr.time;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.document.Draft;
import io.switchboard.document.WorkflowDrafts;
import io.switchboard.document.WorkflowParser;
import io.switchboard.engine.workflow.TriggerType;
import io.switchboard.engine.workflow.WorkflowDefinition;
import io.switchboard.inbox.ConcurrentUpdateException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Workflow documents: a draft per workflow, an immutable item per published version, and a
 * per-workspace index of what is published for each trigger (the one query a trigger event costs).
 * Published versions never change, so their parsed definitions are cached in memory. The list of what
 * is published is read on every trigger event, but changes only when someone publishes: each process
 * keeps its copy for {@link #LIST_FRESH_FOR}, and a publish through this process drops its copy at once.
 * So a publish takes effect at once where it was made and within that time everywhere else.
 */
public final class DynamoWorkflowStore implements WorkflowDrafts {

    private final DynamoDbClient db;
    private final String table;
    private final ObjectMapper json;
    private final WorkflowParser parser;
    private final Map<String, WorkflowDefinition> versions = new ConcurrentHashMap<>();
    private final Map<String, Listed> lists = new ConcurrentHashMap<>();
    private final Duration listFreshFor;
    private final java.util.function.LongSupplier nanos;
    /** Counts publishes through this process, so a list read while one happened is not kept. */
    private final java.util.concurrent.atomic.AtomicLong publishes = new java.util.concurrent.atomic.AtomicLong();

    /** How long another process's publish may take to reach this one (one query saved per trigger event). */
    public static final Duration LIST_FRESH_FOR = Duration.ofSeconds(2);

    private record Listed(List<WorkflowDefinition> workflows, long readAtNanos) {
    }

    public DynamoWorkflowStore(DynamoDbClient db, String table, ObjectMapper json, WorkflowParser parser) {
        this(db, table, json, parser, LIST_FRESH_FOR);
    }

    public DynamoWorkflowStore(DynamoDbClient db, String table, ObjectMapper json, WorkflowParser parser,
            Duration listFreshFor) {
        this(db, table, json, parser, listFreshFor, System::nanoTime);
    }

    /** {@code nanos} measures how old a kept list is: real elapsed time (not the engine's clock) in production. */
    public DynamoWorkflowStore(DynamoDbClient db, String table, ObjectMapper json, WorkflowParser parser,
            Duration listFreshFor, java.util.function.LongSupplier nanos) {
        this.nanos = nanos;
        this.listFreshFor = listFreshFor;
        this.db = db;
        this.table = table;
        this.json = json;
        this.parser = parser;
    }

    /** Saves a draft (validated first); {@code expectedRevision} 0 creates it. */
    @Override
    public Draft saveDraft(String ws, String id, JsonNode document, long expectedRevision, Instant now) {
        parser.parse(ws, id, 0, document);
        ItemSize.check("the workflow document", document.toString(), "$",
                "shorten its texts or split it with Trigger Another Workflow");
        Map<String, AttributeValue> item = new HashMap<>(Attr.key(Keys.workflow(ws, id), "DRAFT"));
        item.put("workflowId", s(id));
        item.put("doc", s(document.toString()));
        item.put("revision", n(expectedRevision + 1));
        item.put("updatedAt", time(now));
        int published = find(ws, id).map(Draft::publishedVersion).orElse(0);
        item.put("publishedVersion", n(published));
        try {
            db.putItem(PutItemRequest.builder().tableName(table).item(item)
                    .conditionExpression(expectedRevision == 0 ? "attribute_not_exists(pk)" : "revision = :r")
                    .expressionAttributeValues(expectedRevision == 0 ? null : Map.of(":r", n(expectedRevision)))
                    .build());
        } catch (ConditionalCheckFailedException e) {
            throw new ConcurrentUpdateException("workflow " + id);
        }
        return new Draft(id, document, expectedRevision + 1, published, now);
    }

    @Override
    public Optional<Draft> find(String ws, String id) {
        var item = db.getItem(GetItemRequest.builder().tableName(table).key(Attr.key(Keys.workflow(ws, id), "DRAFT"))
                .consistentRead(true).build()).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Draft(id, readTree(str(item, "doc")), num(item, "revision", 0),
                (int) num(item, "publishedVersion", 0), Attr.instant(item, "updatedAt")));
    }

    @Override
    public List<Draft> list(String ws) {
        // drafts are few per workspace (the product allows 100); the index of published ones names them all
        List<Draft> out = new ArrayList<>();
        for (var page : db.queryPaginator(QueryRequest.builder().tableName(table)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :p)")
                .expressionAttributeValues(Map.of(":pk", s(Keys.workspace(ws)), ":p", s("WORKFLOW#"))).build())) {
            for (var i : page.items()) {
                find(ws, str(i, "workflowId")).ifPresent(out::add);
            }
        }
        return out;
    }

    /** Registers a new workflow id in the workspace's list. */
    @Override
    public void register(String ws, String id) {
        Map<String, AttributeValue> item = new HashMap<>(Attr.key(Keys.workspace(ws), "WORKFLOW#" + id));
        item.put("workflowId", s(id));
        db.putItem(PutItemRequest.builder().tableName(table).item(item).build());
    }

    /**
     * Publishes the current draft as the next version; runs already started keep their version.
     * Three single-item writes rather than a transaction, because DynamoDB-compatible stores such as
     * ScyllaDB Alternator lack transactions. The version item is written first and only once, so two
     * concurrent publishes cannot both create version n; the index then moves forward only.
     */
    @Override
    public WorkflowDefinition publish(String ws, String id, Instant now) {
        Draft draft = find(ws, id).orElseThrow(() -> new IllegalArgumentException("no workflow " + id));
        int version = draft.publishedVersion() + 1;
        WorkflowDefinition definition = parser.parse(ws, id, version, draft.document());
        Map<String, AttributeValue> versionItem = new HashMap<>(Attr.key(Keys.workflow(ws, id), versionSort(version)));
        versionItem.put("doc", s(draft.document().toString()));
        versionItem.put("publishedAt", time(now));
        try {
            db.putItem(PutItemRequest.builder().tableName(table).item(versionItem)
                    .conditionExpression("attribute_not_exists(pk)").build());
        } catch (ConditionalCheckFailedException e) {
            throw new ConcurrentUpdateException("workflow " + id);
        }
        Map<String, AttributeValue> index = new HashMap<>(Attr.key(Keys.workspace(ws),
                "PUBLISHED#" + definition.trigger().type().wireName() + "#" + id));
        index.put("workflowId", s(id));
        index.put("version", n(version));
        index.put("doc", s(draft.document().toString()));
        try {
            db.putItem(PutItemRequest.builder().tableName(table).item(index)
                    .conditionExpression("attribute_not_exists(pk) OR version < :v")
                    .expressionAttributeValues(Map.of(":v", n(version))).build());
        } catch (ConditionalCheckFailedException newerAlreadyPublished) {
            // a later version got there first; it stays the published one
        }
        db.updateItem(b -> b.tableName(table).key(Attr.key(Keys.workflow(ws, id), "DRAFT"))
                .updateExpression("SET publishedVersion = :v")
                .conditionExpression("attribute_not_exists(publishedVersion) OR publishedVersion < :v")
                .expressionAttributeValues(Map.of(":v", n(version))));
        removeStaleTriggerEntries(ws, id, definition.trigger().type());
        versions.put(cacheKey(ws, id, version), definition);
        publishes.incrementAndGet();
        lists.keySet().removeIf(key -> key.startsWith(ws + "|"));
        return definition;
    }

    /** A new version may listen to another trigger than the last one: drop the old index entries. */
    private void removeStaleTriggerEntries(String ws, String id, TriggerType current) {
        for (TriggerType type : TriggerType.values()) {
            if (type != current) {
                db.deleteItem(b -> b.tableName(table).key(Attr.key(Keys.workspace(ws), "PUBLISHED#" + type.wireName() + "#" + id)));
            }
        }
    }

    @Override
    public List<WorkflowDefinition> publishedFor(String ws, TriggerType trigger) {
        String key = ws + "|" + trigger.wireName();
        Listed listed = lists.get(key);
        long now = nanos.getAsLong();
        if (listed != null && now - listed.readAtNanos() < listFreshFor.toNanos()) {
            return listed.workflows();
        }
        long publishedBefore = publishes.get();
        List<WorkflowDefinition> read = readPublished(ws, trigger);
        if (!listFreshFor.isZero() && publishes.get() == publishedBefore) {
            lists.put(key, new Listed(read, now));
        }
        return read;
    }

    private List<WorkflowDefinition> readPublished(String ws, TriggerType trigger) {
        List<WorkflowDefinition> out = new ArrayList<>();
        var items = db.query(QueryRequest.builder().tableName(table)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :p)")
                .expressionAttributeValues(Map.of(":pk", s(Keys.workspace(ws)),
                        ":p", s("PUBLISHED#" + trigger.wireName() + "#")))
                .build()).items();
        for (var item : items) {
            String id = str(item, "workflowId");
            int version = (int) num(item, "version", 0);
            out.add(versions.computeIfAbsent(cacheKey(ws, id, version),
                    k -> parser.parse(ws, id, version, readTree(str(item, "doc")))));
        }
        return List.copyOf(out);
    }

    @Override
    public Optional<WorkflowDefinition> version(String ws, String id, int version) {
        WorkflowDefinition cached = versions.get(cacheKey(ws, id, version));
        if (cached != null) {
            return Optional.of(cached);
        }
        var item = db.getItem(GetItemRequest.builder().tableName(table)
                .key(Attr.key(Keys.workflow(ws, id), versionSort(version))).build()).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        WorkflowDefinition definition = parser.parse(ws, id, version, readTree(str(item, "doc")));
        versions.put(cacheKey(ws, id, version), definition);
        return Optional.of(definition);
    }

    private static String versionSort(int version) {
        return String.format("V#%06d", version);
    }

    private static String cacheKey(String ws, String id, int version) {
        return ws + "|" + id + "|" + version;
    }

    private JsonNode readTree(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored workflow is unreadable", e);
        }
    }
}
