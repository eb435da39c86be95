package io.switchboard.store;

import static io.switchboard.store.Attr.n;
import static io.switchboard.store.Attr.s;

import io.switchboard.inbox.Agent;
import io.switchboard.inbox.ConcurrentUpdateException;
import io.switchboard.inbox.DirectoryConflict;
import io.switchboard.inbox.DirectoryStore;
import io.switchboard.inbox.Page;
import io.switchboard.inbox.QueuedContact;
import io.switchboard.inbox.StatusChange;
import io.switchboard.inbox.Team;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Agents and teams as items of their own, so that edits of different agents never touch the same item
 * and a workspace is not bounded by one item's 400 KB.
 *
 * <ul>
 *   <li>{@code WS#w} / {@code AGENT#id}: the agent, its status, a {@code version} and the set of its
 *       {@code teams} (so a status change knows which member lists to update).</li>
 *   <li>{@code WS#w} / {@code TEAM#id}: the team's name and its ordered member ids (what the API lists).</li>
 *   <li>{@code WS#w#TEAM#id} / {@code MEMBER#agent}: one per member, a copy of the agent's name and
 *       status with its position: choosing among a team's members is one Query of this partition.</li>
 *   <li>{@code WS#w#QUEUE#pool} / {@code <queued at>#run}: contacts waiting for an agent of the pool.</li>
 *   <li>{@code WS#w} / {@code RR#team}: the round-robin ticket counter.</li>
 * </ul>
 *
 * <p>The member copies stay in step through the agent's {@code version}: a status change and a
 * membership change both write the agent item conditioned on the version they read, in the same
 * transaction as the member items they touch, so one of two concurrent edits of the same agent
 * retries and neither leaves a stale copy. Edits of different agents share no item and never retry.
 *
 * <p>A workspace stored before, as one {@code DIRECTORY} document, is moved to items the first time
 * it is written, or read and found missing ({@link LegacyDirectory}).
 */
public final class DynamoDirectoryStore implements DirectoryStore {

    /** DynamoDB's limit of actions in one transaction. */
    static final int MAX_TRANSACTION = 100;
    /** Attempts at an edit whose items another edit of the same agent or team changed meanwhile. */
    private static final int ATTEMPTS = 12;
    /** {@code online} is a reserved word in expressions. */
    private static final Map<String, String> ONLINE = Map.of("#online", "online");

    private final DynamoDbClient db;
    private final String table;
    private final LegacyDirectory legacy;

    public DynamoDirectoryStore(DynamoDbClient db, String table, com.fasterxml.jackson.databind.ObjectMapper json) {
        this.db = db;
        this.table = table;
        this.legacy = new LegacyDirectory(db, table, json, this);
    }

    // --- keys
    /** DynamoDB refuses a sort key over 1,024 bytes; ids are at most 64 characters, so a longer one names nobody. */
    private static final int MAX_ID_BYTES = 512;

    private static boolean keyable(String id) {
        return id != null && id.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= MAX_ID_BYTES;
    }

    /** A list cursor beyond any id: its prefix orders the same against every id that can exist. */
    private static String cursor(String after) {
        return after == null || keyable(after) ? after : after.substring(0, MAX_ID_BYTES / 4);
    }

    private static Map<String, AttributeValue> agentKey(String ws, String id) {
        return Attr.key(Keys.workspace(ws), "AGENT#" + id);
    }

    private static Map<String, AttributeValue> teamKey(String ws, String id) {
        return Attr.key(Keys.workspace(ws), "TEAM#" + id);
    }

    private static String teamPartition(String ws, String teamId) {
        return Keys.workspace(ws) + "#TEAM#" + teamId;
    }

    private static Map<String, AttributeValue> memberKey(String ws, String teamId, String agentId) {
        return Attr.key(teamPartition(ws, teamId), "MEMBER#" + agentId);
    }

    private static String queuePartition(String ws, String pool) {
        return Keys.workspace(ws) + "#QUEUE#" + pool;
    }

    private static String queueSort(QueuedContact c) {
        // zero-padded epoch millis: the sort key orders the queue by waiting time
        return String.format("%015d#%s", c.queuedAt().toEpochMilli(), c.runId());
    }

    // --- reads
    @Override
    public Optional<Agent> agent(String ws, String agentId) {
        if (!keyable(agentId)) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = get(agentKey(ws, agentId), false);
        if (item == null && legacy.migrate(ws)) {
            item = get(agentKey(ws, agentId), true);
        }
        return Optional.ofNullable(item).map(DynamoDirectoryStore::toAgent);
    }

    @Override
    public Optional<Team> team(String ws, String teamId) {
        if (!keyable(teamId)) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = get(teamKey(ws, teamId), false);
        if (item == null && legacy.migrate(ws)) {
            item = get(teamKey(ws, teamId), true);
        }
        return Optional.ofNullable(item).map(DynamoDirectoryStore::toTeam);
    }

    @Override
    public Optional<List<Agent>> members(String ws, String teamId) {
        if (!keyable(teamId)) {
            return Optional.empty();
        }
        List<Map<String, AttributeValue>> items = memberItems(ws, teamId, false);
        if (items.isEmpty()) {
            // an empty team, no team, or a workspace still in the old form: only then a second read
            if (team(ws, teamId).isEmpty()) {
                return Optional.empty();
            }
            items = memberItems(ws, teamId, true);
        }
        return Optional.of(items.stream().sorted(Comparator.comparingLong(i -> Attr.num(i, "position", 0)))
                .map(DynamoDirectoryStore::toAgent).toList());
    }

    private List<Map<String, AttributeValue>> memberItems(String ws, String teamId, boolean consistent) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse page = db.query(QueryRequest.builder().tableName(table)
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :member)")
                    .expressionAttributeValues(Map.of(":pk", s(teamPartition(ws, teamId)), ":member", s("MEMBER#")))
                    .consistentRead(consistent).exclusiveStartKey(start).build());
            items.addAll(page.items());
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return items;
    }

    @Override
    public Page<Agent> agents(String ws, String after, int limit) {
        Page<Map<String, AttributeValue>> page = list(ws, "AGENT#", cursor(after), limit);
        if (page.items().isEmpty() && after == null && legacy.migrate(ws)) {
            page = list(ws, "AGENT#", null, limit);
        }
        return new Page<>(page.items().stream().map(DynamoDirectoryStore::toAgent).toList(), page.next());
    }

    @Override
    public Page<Team> teams(String ws, String after, int limit) {
        Page<Map<String, AttributeValue>> page = list(ws, "TEAM#", cursor(after), limit);
        if (page.items().isEmpty() && after == null && legacy.migrate(ws)) {
            page = list(ws, "TEAM#", null, limit);
        }
        return new Page<>(page.items().stream().map(DynamoDirectoryStore::toTeam).toList(), page.next());
    }

    private Page<Map<String, AttributeValue>> list(String ws, String prefix, String after, int limit) {
        QueryResponse page = db.query(QueryRequest.builder().tableName(table)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                .expressionAttributeValues(Map.of(":pk", s(Keys.workspace(ws)), ":prefix", s(prefix)))
                .exclusiveStartKey(after == null ? null : Attr.key(Keys.workspace(ws), prefix + after))
                .limit(Math.max(1, Math.min(limit, MAX_PAGE))).build());
        boolean more = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty();
        String next = more && !page.items().isEmpty()
                ? Attr.str(page.items().get(page.items().size() - 1), "sk").substring(prefix.length()) : null;
        return new Page<>(page.items(), next);
    }

    private Map<String, AttributeValue> get(Map<String, AttributeValue> key, boolean consistent) {
        Map<String, AttributeValue> item = db.getItem(GetItemRequest.builder().tableName(table).key(key)
                .consistentRead(consistent).build()).item();
        return item == null || item.isEmpty() ? null : item;
    }

    // --- agents
    @Override
    public void addAgent(String ws, Agent agent) {
        legacy.migrate(ws);
        try {
            db.putItem(PutItemRequest.builder().tableName(table).item(agentItem(ws, agent, 1, Set.of()))
                    .conditionExpression("attribute_not_exists(pk)").build());
        } catch (ConditionalCheckFailedException e) {
            throw DirectoryConflict.taken("user " + agent.id());
        }
    }

    Map<String, AttributeValue> agentItem(String ws, Agent agent, long version, Set<String> teams) {
        Map<String, AttributeValue> item = new HashMap<>(agentKey(ws, agent.id()));
        item.put("agentId", s(agent.id()));
        item.put("name", s(agent.name()));
        if (agent.email() != null) {
            item.put("email", s(agent.email()));
        }
        item.put("online", AttributeValue.fromBool(agent.online()));
        item.put("version", n(version));
        if (!teams.isEmpty()) {
            item.put("teams", AttributeValue.fromSs(List.copyOf(teams)));
        }
        return item;
    }

    @Override
    public Optional<StatusChange> setOnline(String ws, String agentId, boolean online) {
        if (!keyable(agentId)) {
            return Optional.empty();
        }
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Map<String, AttributeValue> item = get(agentKey(ws, agentId), true);
            if (item == null && legacy.migrate(ws)) {
                item = get(agentKey(ws, agentId), true);
            }
            if (item == null) {
                return Optional.empty();
            }
            Agent before = toAgent(item);
            List<String> teams = teamsOf(item);
            if (before.online() == online) {
                return Optional.of(new StatusChange(before, teams, false));
            }
            long version = Attr.num(item, "version", 0);
            Map<String, AttributeValue> values = Map.of(":online", AttributeValue.fromBool(online),
                    ":v", n(version), ":next", n(version + 1));
            List<TransactWriteItem> writes = new ArrayList<>();
            writes.add(TransactWriteItem.builder().update(Update.builder().tableName(table).key(agentKey(ws, agentId))
                    .updateExpression("SET #online = :online, version = :next").conditionExpression("version = :v")
                    .expressionAttributeNames(ONLINE)
                    .expressionAttributeValues(values).build()).build());
            List<String> inTransaction = teams.subList(0, Math.min(teams.size(), MAX_TRANSACTION - 1));
            for (String team : inTransaction) {
                writes.add(TransactWriteItem.builder().update(Update.builder().tableName(table)
                        .key(memberKey(ws, team, agentId))
                        .updateExpression("SET #online = :online, agentVersion = :next")
                        .conditionExpression("attribute_exists(pk)").expressionAttributeNames(ONLINE)
                        .expressionAttributeValues(Map.of(":online", AttributeValue.fromBool(online),
                                ":next", n(version + 1))).build()).build());
            }
            try {
                db.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(writes).build());
            } catch (TransactionCanceledException e) {
                repairMissingMemberships(ws, agentId, inTransaction, e);
                backOff(attempt);
                continue;
            }
            // an agent in more teams than one transaction holds: the rest in step by version, each on its own
            for (String team : teams.subList(inTransaction.size(), teams.size())) {
                try {
                    db.updateItem(UpdateItemRequest.builder().tableName(table).key(memberKey(ws, team, agentId))
                            .updateExpression("SET #online = :online, agentVersion = :next")
                            .expressionAttributeNames(ONLINE)
                            .conditionExpression("attribute_exists(pk) AND "
                                    + "(attribute_not_exists(agentVersion) OR agentVersion < :next)")
                            .expressionAttributeValues(Map.of(":online", AttributeValue.fromBool(online),
                                    ":next", n(version + 1))).build());
                } catch (ConditionalCheckFailedException newerOrGone) {
                    // a later change of this agent already wrote this copy, or the membership ended
                }
            }
            return Optional.of(new StatusChange(before.withOnline(online), teams, online));
        }
        throw new ConcurrentUpdateException("user " + agentId);
    }

    /**
     * A member item the agent's team set names but that is gone (a membership change that stopped half
     * way) would cancel every status change of the agent: take the team out of the agent's set.
     */
    private void repairMissingMemberships(String ws, String agentId, List<String> teams, TransactionCanceledException e) {
        List<CancellationReason> reasons = e.cancellationReasons();
        if (reasons == null) {
            return;
        }
        for (int i = 1; i < reasons.size() && i - 1 < teams.size(); i++) {
            if ("ConditionalCheckFailed".equals(reasons.get(i).code())) {
                db.updateItem(UpdateItemRequest.builder().tableName(table).key(agentKey(ws, agentId))
                        .updateExpression("DELETE #teams :t SET version = version + :one")
                        .expressionAttributeNames(Map.of("#teams", "teams"))
                        .conditionExpression("attribute_exists(pk)")
                        .expressionAttributeValues(Map.of(":t", AttributeValue.fromSs(List.of(teams.get(i - 1))),
                                ":one", n(1))).build());
            }
        }
    }

    // --- teams
    @Override
    public void addTeam(String ws, Team team) {
        legacy.migrate(ws);
        if (!writeMembers(ws, team.id(), team.name(), team.memberIds(), true)) {
            throw DirectoryConflict.taken("team " + team.id());
        }
    }

    @Override
    public Optional<Team> setMembers(String ws, String teamId, List<String> memberIds) {
        Optional<Team> team = team(ws, teamId);
        if (team.isEmpty()) {
            return Optional.empty();
        }
        writeMembers(ws, teamId, team.get().name(), memberIds, false);
        return Optional.of(new Team(teamId, team.get().name(), List.copyOf(memberIds)));
    }

    /**
     * Brings the team's items to {@code desired}: the header with the ordered ids, a member item per
     * member, the team in each member's set. The difference is taken from the member items as they are,
     * so a retry (or the next chunk of a team too large for one transaction) redoes nothing.
     * False when {@code create} and the team exists.
     */
    private boolean writeMembers(String ws, String teamId, String name, List<String> desired, boolean create) {
        ItemSize.check("team " + teamId, String.join("\",\"", desired) + name, "$.members",
                "split the team into smaller teams");
        boolean headerWritten = false;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Map<String, AttributeValue> header = get(teamKey(ws, teamId), true);
            if (create && !headerWritten && header != null) {
                return false;
            }
            Map<String, Map<String, AttributeValue>> current = new HashMap<>();
            if (header != null) {
                memberItems(ws, teamId, true).forEach(i -> current.put(Attr.str(i, "agentId"), i));
            }
            Set<String> wanted = new java.util.HashSet<>(desired);
            Set<String> touched = new LinkedHashSet<>();
            desired.stream().filter(id -> !current.containsKey(id)).forEach(touched::add);
            current.keySet().stream().filter(id -> !wanted.contains(id)).forEach(touched::add);
            Map<String, Map<String, AttributeValue>> agents = batchGetAgents(ws,
                    touched.stream().filter(DynamoDirectoryStore::keyable).collect(java.util.stream.Collectors.toSet()));
            for (int i = 0; i < desired.size(); i++) {
                if (!current.containsKey(desired.get(i)) && !agents.containsKey(desired.get(i))) {
                    throw DirectoryConflict.unknownMember(i, desired.get(i));
                }
            }
            List<List<TransactWriteItem>> groups = new ArrayList<>();
            groups.add(List.of(headerWrite(ws, teamId, name, desired, header)));
            for (int i = 0; i < desired.size(); i++) {
                String id = desired.get(i);
                Map<String, AttributeValue> member = current.get(id);
                if (member == null) {
                    groups.add(List.of(memberPut(ws, teamId, agents.get(id), i),
                            agentTeams(ws, id, teamId, "ADD", agents.get(id))));
                } else if (Attr.num(member, "position", -1) != i) {
                    groups.add(List.of(TransactWriteItem.builder().update(Update.builder().tableName(table)
                            .key(memberKey(ws, teamId, id)).updateExpression("SET #position = :p")
                            .conditionExpression("attribute_exists(pk)")
                            .expressionAttributeNames(Map.of("#position", "position"))
                            .expressionAttributeValues(Map.of(":p", n(i))).build()).build()));
                }
            }
            for (String id : current.keySet()) {
                if (!wanted.contains(id)) {
                    List<TransactWriteItem> group = new ArrayList<>();
                    group.add(TransactWriteItem.builder().delete(Delete.builder().tableName(table)
                            .key(memberKey(ws, teamId, id)).build()).build());
                    if (agents.containsKey(id)) {
                        group.add(agentTeams(ws, id, teamId, "DELETE", agents.get(id)));
                    }
                    groups.add(group);
                }
            }
            try {
                for (List<TransactWriteItem> chunk : chunks(groups)) {
                    db.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(chunk).build());
                    headerWritten = true;
                }
                return true;
            } catch (TransactionCanceledException e) {
                backOff(attempt);
            }
        }
        throw new ConcurrentUpdateException("team " + teamId);
    }

    private TransactWriteItem headerWrite(String ws, String teamId, String name, List<String> desired,
            Map<String, AttributeValue> header) {
        List<AttributeValue> ids = desired.stream().map(Attr::s).toList();
        if (header == null) {
            Map<String, AttributeValue> item = new HashMap<>(teamKey(ws, teamId));
            item.put("teamId", s(teamId));
            item.put("name", s(name));
            item.put("members", AttributeValue.fromL(ids));
            item.put("version", n(1));
            return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(pk)").build()).build();
        }
        long version = Attr.num(header, "version", 0);
        return TransactWriteItem.builder().update(Update.builder().tableName(table).key(teamKey(ws, teamId))
                .updateExpression("SET #members = :ids, version = :next").conditionExpression("version = :v")
                .expressionAttributeNames(Map.of("#members", "members"))
                .expressionAttributeValues(Map.of(":ids", AttributeValue.fromL(ids), ":v", n(version),
                        ":next", n(version + 1))).build()).build();
    }

    private TransactWriteItem memberPut(String ws, String teamId, Map<String, AttributeValue> agent, int position) {
        Map<String, AttributeValue> item = new HashMap<>(memberKey(ws, teamId, Attr.str(agent, "agentId")));
        for (String copied : List.of("agentId", "name", "email", "online")) {
            if (agent.containsKey(copied)) {
                item.put(copied, agent.get(copied));
            }
        }
        item.put("position", n(position));
        item.put("agentVersion", n(Attr.num(agent, "version", 0) + 1));
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item).build()).build();
    }

    /** The team in or out of the agent's set, at the version whose status the member item copied. */
    private TransactWriteItem agentTeams(String ws, String agentId, String teamId, String op,
            Map<String, AttributeValue> agent) {
        long version = Attr.num(agent, "version", 0);
        return TransactWriteItem.builder().update(Update.builder().tableName(table).key(agentKey(ws, agentId))
                .updateExpression(op + " #teams :t SET version = :next").conditionExpression("version = :v")
                .expressionAttributeNames(Map.of("#teams", "teams"))
                .expressionAttributeValues(Map.of(":t", AttributeValue.fromSs(List.of(teamId)), ":v", n(version),
                        ":next", n(version + 1))).build()).build();
    }

    /** Groups (a member item with its agent's update) never split across transactions. */
    private static List<List<TransactWriteItem>> chunks(List<List<TransactWriteItem>> groups) {
        List<List<TransactWriteItem>> chunks = new ArrayList<>();
        List<TransactWriteItem> chunk = new ArrayList<>();
        for (List<TransactWriteItem> group : groups) {
            if (chunk.size() + group.size() > MAX_TRANSACTION) {
                chunks.add(chunk);
                chunk = new ArrayList<>();
            }
            chunk.addAll(group);
        }
        if (!chunk.isEmpty()) {
            chunks.add(chunk);
        }
        return chunks;
    }

    private Map<String, Map<String, AttributeValue>> batchGetAgents(String ws, Set<String> ids) {
        Map<String, Map<String, AttributeValue>> found = new HashMap<>();
        BatchReads.read(db, table, ids.stream().map(id -> agentKey(ws, id)).toList(), true)
                .forEach(i -> found.put(Attr.str(i, "agentId"), i));
        return found;
    }

    private static void backOff(int attempt) {
        if (!BackOff.pause(attempt, 5, 5)) {
            throw new ConcurrentUpdateException("the directory");
        }
    }

    // --- round robin and the assignment queue
    @Override
    public long nextRoundRobinTickets(String ws, String teamId, int count) {
        var updated = db.updateItem(UpdateItemRequest.builder().tableName(table)
                .key(Attr.key(Keys.workspace(ws), "RR#" + teamId))
                .updateExpression("ADD ticket :count")
                .expressionAttributeValues(Map.of(":count", n(count)))
                .returnValues(ReturnValue.UPDATED_NEW)
                .build()).attributes();
        return Attr.num(updated, "ticket", count) - count;
    }

    @Override
    public void enqueue(String ws, String pool, QueuedContact contact) {
        Map<String, AttributeValue> item = new HashMap<>(Attr.key(queuePartition(ws, pool), queueSort(contact)));
        item.put("contactId", s(contact.contactId()));
        item.put("runId", s(contact.runId()));
        item.put("queuedAt", Attr.time(contact.queuedAt()));
        db.putItem(PutItemRequest.builder().tableName(table).item(item).build());
    }

    @Override
    public void dequeue(String ws, String pool, QueuedContact contact) {
        db.deleteItem(DeleteItemRequest.builder().tableName(table)
                .key(Attr.key(queuePartition(ws, pool), queueSort(contact))).build());
    }

    @Override
    public List<QueuedContact> queued(String ws, String pool, int limit) {
        return db.query(QueryRequest.builder().tableName(table).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s(queuePartition(ws, pool))))
                .limit(Math.max(1, limit)).build()).items().stream()
                .map(i -> new QueuedContact(Attr.str(i, "contactId"), Attr.str(i, "runId"), Attr.instant(i, "queuedAt")))
                .toList();
    }

    // --- mapping
    static Agent toAgent(Map<String, AttributeValue> item) {
        AttributeValue online = item.get("online");
        return new Agent(Attr.str(item, "agentId"), Attr.str(item, "name"), Attr.str(item, "email"),
                online != null && Boolean.TRUE.equals(online.bool()));
    }

    private static Team toTeam(Map<String, AttributeValue> item) {
        AttributeValue members = item.get("members");
        List<String> ids = members == null || !members.hasL() ? List.of()
                : members.l().stream().map(AttributeValue::s).toList();
        return new Team(Attr.str(item, "teamId"), Attr.str(item, "name"), ids);
    }

    private static List<String> teamsOf(Map<String, AttributeValue> agent) {
        AttributeValue teams = agent.get("teams");
        return teams == null || !teams.hasSs() ? List.of() : teams.ss().stream().sorted().toList();
    }

    /** Used by the move from the old form: one member item written as a new membership would be. */
    void putMemberIfAbsent(String ws, String teamId, Agent agent, int position) {
        Map<String, AttributeValue> item = new HashMap<>(memberKey(ws, teamId, agent.id()));
        item.put("agentId", s(agent.id()));
        item.put("name", s(agent.name()));
        if (agent.email() != null) {
            item.put("email", s(agent.email()));
        }
        item.put("online", AttributeValue.fromBool(agent.online()));
        item.put("position", n(position));
        item.put("agentVersion", n(1));
        putIfAbsent(item);
    }

    void putTeamIfAbsent(String ws, Team team) {
        Map<String, AttributeValue> item = new HashMap<>(teamKey(ws, team.id()));
        item.put("teamId", s(team.id()));
        item.put("name", s(team.name()));
        item.put("members", AttributeValue.fromL(team.memberIds().stream().map(Attr::s).toList()));
        item.put("version", n(1));
        putIfAbsent(item);
    }

    void putIfAbsent(Map<String, AttributeValue> item) {
        try {
            db.putItem(PutItemRequest.builder().tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(pk)").build());
        } catch (ConditionalCheckFailedException alreadyMoved) {
            // another process moved it first, or it changed since: the item as it is wins
        }
    }
}
