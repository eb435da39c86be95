package io.switchboard.store;

import static io.switchboard.store.Attr.n;
import static io.switchboard.store.Attr.s;
import static io.switchboard.store.Attr.str;
import static io.switchboard.store.Attr.time;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.engine.run.Run;
import io.switchboard.engine.run.RunStore;
import io.switchboard.engine.run.WakeUpCall;
import io.switchboard.inbox.ConcurrentUpdateException;
import io.switchboard.inbox.Opening;
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
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Runs, one item each in their contact's partition, written whole under a version condition. A run
 * that is waiting or running carries {@code dueShard}/{@code dueKey}, which enter it into the sparse,
 * keys-only {@code due} index; a finished run drops them. The due key changes only when a wait starts
 * or the run ends, so claiming and checkpointing a run do not rewrite the index. The index is spread
 * over a few shards so that many wake-ups due in the same second do not all land on one partition.
 */
public final class DynamoRunStore implements RunStore {

    private final DynamoDbClient db;
    private final String table;
    private final RunItems items;
    private final int dueShards;
    private final KeptRunWrites kept;

    public DynamoRunStore(DynamoDbClient db, String table, ObjectMapper json, int dueShards) {
        this.db = db;
        this.table = table;
        this.items = new RunItems(json);
        this.dueShards = dueShards;
        this.kept = new KeptRunWrites(db, table, items, dueShards);
    }

    /**
     * A run started by a conversation's opening is kept in its contact's item when the item keeps none yet
     * and the run is small: the opening, its assignment and the run (waiting, in the headline) are then one
     * write where they were two. Otherwise the opening lands and the run gets an item of its own.
     */
    @Override
    public boolean create(Run run, Opening opening) {
        if (opening instanceof DynamoContactStore.StoreOpening storeOpening && storeOpening.mayKeepARun()) {
            RunItems.Kept keeping = items.kept(run, run.version() + 1, dueShards);
            if (keeping.bodyBytes() <= KeptRunWrites.KEEP_LIMIT) {
                storeOpening.landKeeping(keeping);
                run.markSaved(run.version() + 1);
                run.markKeptWithContact(true);
                return true;
            }
        }
        opening.land();
        return create(run);
    }

    @Override
    public boolean create(Run run) {
        try {
            db.putItem(PutItemRequest.builder().tableName(table).item(items.item(run, run.version() + 1, dueShards))
                    .conditionExpression("attribute_not_exists(pk)").build());
            run.markSaved(run.version() + 1);
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return false;
        }
    }

    @Override
    public boolean enrolOnce(String ws, String workflowId, String contactId, String runId, Instant at) {
        try {
            db.putItem(PutItemRequest.builder().tableName(table)
                    .item(Map.of("pk", s(Keys.contact(ws, contactId)), "sk", s(Keys.enrolmentSort(workflowId)),
                            "runId", s(runId), "enrolledAt", s(at.toString())))
                    // the same run may enrol again (a redelivered event); no other run may
                    .conditionExpression("attribute_not_exists(pk) OR runId = :run")
                    .expressionAttributeValues(Map.of(":run", s(runId)))
                    .build());
            return true;
        } catch (ConditionalCheckFailedException enrolledBefore) {
            return false;
        }
    }

    @Override
    public String claimActive(String ws, String workflowId, String contactId, String runId, String replacing) {
        Map<String, AttributeValue> values = new java.util.HashMap<>(Map.of(":run", s(runId)));
        String condition = "attribute_not_exists(pk) OR runId = :run";
        if (replacing != null) {
            condition += " OR runId = :stale";
            values.put(":stale", s(replacing));
        }
        try {
            db.putItem(PutItemRequest.builder().tableName(table)
                    .item(Map.of("pk", s(Keys.contact(ws, contactId)), "sk", s(ACTIVE_SORT + workflowId),
                            "runId", s(runId)))
                    .conditionExpression(condition)
                    .expressionAttributeValues(values)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                    .build());
            return runId;
        } catch (ConditionalCheckFailedException held) {
            return held.item() == null ? null : str(held.item(), "runId");
        }
    }

    @Override
    public void releaseActive(String ws, String workflowId, String contactId, String runId) {
        try {
            db.deleteItem(DeleteItemRequest.builder().tableName(table)
                    .key(Attr.key(Keys.contact(ws, contactId), ACTIVE_SORT + workflowId))
                    .conditionExpression("runId = :run")
                    .expressionAttributeValues(Map.of(":run", s(runId))).build());
        } catch (ConditionalCheckFailedException heldByAnother) {
            // another run holds it now, or nobody: nothing to free
        }
    }

    /** The item naming the run that holds a workflow's one-run-at-a-time slot for the contact. */
    static final String ACTIVE_SORT = "ACTIVE#";

    /** The run's item and its contact's (which may keep it), in one consistent BatchGetItem. */
    @Override
    public Optional<Run> find(String ws, String contactId, String runId) {
        return findToResume(ws, contactId, runId).run();
    }

    /** One consistent BatchGetItem for the run and the contact item of its partition. */
    @Override
    public Resumable findToResume(String ws, String contactId, String runId) {
        return findAllToResume(List.of(new WakeUpCall(ws, contactId, runId, null, null))).get(0);
    }

    /**
     * Every run and its contact in consistent BatchGetItems of up to 100 keys, each contact read once however
     * many of its runs are due: a batch of 50 wake-ups costs one request where it cost 50.
     */
    @Override
    public List<Resumable> findAllToResume(List<WakeUpCall> calls) {
        Map<String, Map<String, AttributeValue>> keys = new java.util.LinkedHashMap<>();
        for (WakeUpCall call : calls) {
            String pk = Keys.contact(call.workspaceId(), call.contactId());
            keys.putIfAbsent(pk + "\n" + Keys.runSort(call.runId()), Attr.key(pk, Keys.runSort(call.runId())));
            keys.putIfAbsent(pk + "\n" + DynamoContactStore.SORT, Attr.key(pk, DynamoContactStore.SORT));
        }
        Map<String, Map<String, AttributeValue>> found = new HashMap<>();
        for (var item : BatchReads.read(db, table, new ArrayList<>(keys.values()), true)) {
            found.put(str(item, Table.PK) + "\n" + str(item, Table.SK), item);
        }
        List<Resumable> read = new ArrayList<>();
        for (WakeUpCall call : calls) {
            String pk = Keys.contact(call.workspaceId(), call.contactId());
            var run = found.get(pk + "\n" + Keys.runSort(call.runId()));
            var contact = found.get(pk + "\n" + DynamoContactStore.SORT);
            read.add(new Resumable(Optional.ofNullable(run(call.workspaceId(), call.runId(), run, contact)),
                    contact == null ? null : DynamoContactStore.toContact(call.workspaceId(), call.contactId(), contact)));
        }
        return read;
    }

    /**
     * The run from its own item or, when it has none, from its contact's item that keeps it. A run moved to its
     * own item may still be in the contact's item after a crash between the two writes: its own item wins,
     * and the copy is dropped.
     */
    private Run run(String ws, String runId, Map<String, AttributeValue> runItem,
            Map<String, AttributeValue> contactItem) {
        Run keptRun = items.keptRun(ws, contactItem);
        if (keptRun != null && !keptRun.id().equals(runId)) {
            keptRun = null;
        }
        if (runItem == null) {
            return keptRun;
        }
        if (keptRun != null) {
            kept.dropMovedCopy(Attr.key(str(contactItem, Table.PK), DynamoContactStore.SORT), runId, keptRun.version());
        }
        return items.run(ws, runItem);
    }

    @Override
    public void save(Run run) {
        if (run.keptWithContact()) {
            kept.write(run);
            return;
        }
        try {
            db.putItem(PutItemRequest.builder().tableName(table).item(items.item(run, run.version() + 1, dueShards))
                    .conditionExpression("version = :expected")
                    .expressionAttributeValues(Map.of(":expected", n(run.version())))
                    .build());
            run.markSaved(run.version() + 1);
        } catch (ConditionalCheckFailedException e) {
            throw new ConcurrentUpdateException("run " + run.id());
        }
    }

    String table() {
        return table;
    }

    /** How a kept run's save is written, alone or merged into its contact's write in a commit. */
    KeptRunWrites kept() {
        return kept;
    }

    /** The run's save as one item of a wake-up's commit: written only at the version it was read. */
    Put saveInCommit(Run run) {
        return Put.builder().tableName(table).item(items.item(run, run.version() + 1, dueShards))
                .conditionExpression("version = :expected")
                .expressionAttributeValues(Map.of(":expected", n(run.version()))).build();
    }

    @Override
    public List<Run> listByContact(String ws, String contactId) {
        List<Run> runs = new ArrayList<>();
        for (var page : db.queryPaginator(QueryRequest.builder().tableName(table)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :p)")
                .expressionAttributeValues(Map.of(":pk", s(Keys.contact(ws, contactId)), ":p", s("RUN#")))
                .consistentRead(true).build())) {
            page.items().forEach(item -> runs.add(items.run(ws, item)));
        }
        Run keptRun = items.keptRun(ws, db.getItem(GetItemRequest.builder().tableName(table)
                .key(Attr.key(Keys.contact(ws, contactId), DynamoContactStore.SORT)).consistentRead(true)
                .projectionExpression("pk, #kr").expressionAttributeNames(Map.of("#kr", RunItems.KEPT)).build()).item());
        if (keptRun != null && runs.stream().noneMatch(r -> r.id().equals(keptRun.id()))) {
            runs.add(keptRun);
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
            calls.add(toCall(item));
        }
        return calls;
    }

    @Override
    public int dueShards() {
        return dueShards;
    }

    @Override
    public List<WakeUpCall> dueInShard(int shard, Instant from, Instant until, int limit) {
        List<WakeUpCall> calls = new ArrayList<>();
        // BETWEEN is inclusive: "" sorts before any run id and "~" after, so the range is [from, until)
        var pages = db.queryPaginator(QueryRequest.builder().tableName(table).indexName(Table.DUE)
                .keyConditionExpression("dueShard = :shard AND dueKey BETWEEN :from AND :until")
                .expressionAttributeValues(Map.of(":shard", s("DUE#" + shard), ":from", s(dueKey(from, "")),
                        ":until", s(dueKey(until.minusMillis(1), "~"))))
                .limit(Math.min(limit, 1000))
                .build());
        for (var page : pages) {
            for (var item : page.items()) {
                if (calls.size() == limit) {
                    return calls;
                }
                WakeUpCall call = toCall(item);
                calls.add(new WakeUpCall(call.workspaceId(), call.contactId(), call.runId(), str(item, "wakeToken"),
                        call.dueAt()));
            }
        }
        return calls;
    }

    private static WakeUpCall toCall(Map<String, AttributeValue> item) {
        String pk = str(item, Table.PK);
        String ws = pk.substring(3, pk.indexOf("#CONTACT#"));
        String contactId = pk.substring(pk.indexOf("#CONTACT#") + 9);
        String key = str(item, Table.DUE_KEY);
        // a run kept in its contact's item has its due entry there: the entry's key holds the run id
        String runId = str(item, Table.SK).startsWith("RUN#") ? str(item, Table.SK).substring(4)
                : key.substring(key.indexOf('#') + 1);
        return new WakeUpCall(ws, contactId, runId, null, Instant.ofEpochMilli(Long.parseLong(key.substring(0, key.indexOf('#')))));
    }

    /** Sorts by time as text: fixed-width epoch milliseconds, then the run id to keep keys unique. */
    private static String dueKey(Instant at, String runId) {
        return String.format("%015d#%s", at.toEpochMilli(), runId);
    }

}
