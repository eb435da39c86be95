package io.switchboard.store;

import static io.switchboard.store.Attr.s;
import static io.switchboard.store.Attr.str;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.engine.run.Awaiting;
import io.switchboard.engine.run.Run;
import io.switchboard.engine.run.RunState;
import io.switchboard.inbox.Contact;
import io.switchboard.inbox.ConversationIndex;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Lists the workspace's conversations from the sparse, keys-only {@code byConversation} index: one
 * query for a chunk of index keys, one batch read of those contacts, then one bounded query of each
 * contact's runs (only the attributes a list shows). Index entries are read in chunks until the page
 * is full or {@link ConversationIndex#MAX_EXAMINED} were looked at, so no page view is unbounded.
 */
public final class DynamoConversationIndex implements ConversationIndex {

    private static final int CHUNK = 50;
    private static final Pattern CURSOR = Pattern.compile("\\d{15}#.+");

    private final DynamoDbClient db;
    private final String table;
    private final RunItems runItems;

    public DynamoConversationIndex(DynamoDbClient db, String table, ObjectMapper json) {
        this.db = db;
        this.table = table;
        this.runItems = new RunItems(json);
    }

    @Override
    public Page page(String ws, Query query, String after, int size) {
        Map<String, AttributeValue> start = after == null ? null : startKey(ws, decode(after));
        List<Listed> listed = new ArrayList<>();
        int examined = 0;
        String lastKey = null;
        boolean more = true;
        while (more && listed.size() < size && examined < MAX_EXAMINED) {
            QueryResponse keys = db.query(QueryRequest.builder().tableName(table).indexName(Table.BY_CONVERSATION)
                    .keyConditionExpression("#ws = :ws AND #key BETWEEN :from AND :until")
                    .expressionAttributeNames(Map.of("#ws", Table.CONV_WS, "#key", Table.CONV_KEY))
                    .expressionAttributeValues(Map.of(":ws", s(Keys.conversationsOf(ws)),
                            ":from", s(bound(query.openedFrom(), 0)),
                            ":until", s(bound(query.openedBefore(), 999_999_999_999_999L))))
                    .scanIndexForward(false)
                    .limit(Math.min(CHUNK, MAX_EXAMINED - examined))
                    .exclusiveStartKey(start)
                    .build());
            Map<String, Map<String, AttributeValue>> contacts = contacts(keys.items());
            int read = 0;
            for (Map<String, AttributeValue> key : keys.items()) {
                read++;
                examined++;
                lastKey = str(key, Table.CONV_KEY);
                Listed row = row(ws, contacts.get(str(key, Table.PK)), lastKey, query);
                if (row != null) {
                    listed.add(row);
                    if (listed.size() == size) {
                        break;
                    }
                }
            }
            more = read < keys.items().size() || keys.hasLastEvaluatedKey();
            start = lastKey == null ? null : startKey(ws, lastKey);
        }
        return new Page(listed, more && lastKey != null ? encode(lastKey) : null, examined);
    }

    /** The listed row for an index entry; null when the contact does not match the query. */
    private Listed row(String ws, Map<String, AttributeValue> item, String conversationKey, Query query) {
        if (item == null || !conversationKey.equals(str(item, Table.CONV_KEY))) {
            return null; // removed, or filed under a newer conversation since the index was read
        }
        Contact contact = DynamoContactStore.toContact(ws, conversationKey.substring(conversationKey.indexOf('#') + 1), item);
        if (query.status() != null && (contact.conversation() == null || contact.conversation().status() != query.status())) {
            return null;
        }
        return withRuns(ws, contact, item, query);
    }

    /**
     * The contact's runs that match, the one its item keeps among them; null when the query asks for runs
     * and it has none that match.
     */
    private Listed withRuns(String ws, Contact contact, Map<String, AttributeValue> contactItem, Query query) {
        QueryResponse page = db.query(QueryRequest.builder().tableName(table)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :runs)")
                .expressionAttributeValues(Map.of(":pk", s(Keys.contact(ws, contact.id())), ":runs", s("RUN#")))
                .projectionExpression(RunItems.SUMMARY_ATTRIBUTES)
                .expressionAttributeNames(RunItems.SUMMARY_NAMES)
                .limit(MAX_RUNS_PER_CONTACT)
                .build());
        List<RunItems.Summary> summaries = new ArrayList<>();
        page.items().forEach(item -> summaries.add(runItems.summary(item)));
        RunItems.Summary keptRun = runItems.keptSummary(contactItem);
        if (keptRun != null && summaries.stream().noneMatch(r -> r.runId().equals(keptRun.runId()))) {
            summaries.add(keptRun);
        }
        List<RunSummary> runs = new ArrayList<>();
        for (RunItems.Summary summary : summaries) {
            RunSummary run = summary(summary);
            boolean wanted = (query.workflowId() == null || query.workflowId().equals(run.workflowId()))
                    && switch (query.runs() == null ? RunFilter.ANY : query.runs()) {
                        case ANY -> true;
                        case WAITING -> run.waiting();
                        case QUEUED -> run.queued();
                    };
            if (wanted) {
                runs.add(run);
            }
        }
        boolean filtersRuns = query.workflowId() != null || (query.runs() != null && query.runs() != RunFilter.ANY);
        if (filtersRuns && runs.isEmpty()) {
            return null;
        }
        runs.sort(java.util.Comparator.comparing(RunSummary::startedAt).reversed());
        return new Listed(contact, runs, page.hasLastEvaluatedKey());
    }

    private RunSummary summary(RunItems.Summary run) {
        Instant queuedSince = Run.awaitingIn(run.variables()).filter(a -> a.kind() == Awaiting.Kind.AGENT)
                .map(Awaiting::since).orElse(null);
        return new RunSummary(run.runId(), run.workflowId(), run.state().status().wireName(),
                run.state().wireName(), run.startedAt(), run.state().isFinished() ? null : run.dueAt(),
                run.state() == RunState.QUEUED_FOR_ASSIGNMENT ? queuedSince : null);
    }

    private Map<String, Map<String, AttributeValue>> contacts(List<Map<String, AttributeValue>> keys) {
        Map<String, Map<String, AttributeValue>> byPk = new HashMap<>();
        if (keys.isEmpty()) {
            return byPk;
        }
        List<Map<String, AttributeValue>> wanted = new ArrayList<>();
        for (Map<String, AttributeValue> key : keys) {
            wanted.add(Attr.key(str(key, Table.PK), DynamoContactStore.SORT));
        }
        BatchReads.read(db, table, wanted, false).forEach(item -> byPk.put(str(item, Table.PK), item));
        return byPk;
    }

    private static String bound(Instant at, long fallback) {
        return String.format("%015d", at == null ? fallback : at.toEpochMilli());
    }

    private static Map<String, AttributeValue> startKey(String ws, String conversationKey) {
        String contactId = conversationKey.substring(conversationKey.indexOf('#') + 1);
        Map<String, AttributeValue> key = new LinkedHashMap<>(Attr.key(Keys.contact(ws, contactId), DynamoContactStore.SORT));
        key.put(Table.CONV_WS, s(Keys.conversationsOf(ws)));
        key.put(Table.CONV_KEY, s(conversationKey));
        return key;
    }

    /**
     * The next-page link names the last conversation looked at, not a DynamoDB key: the workspace
     * always comes from the session, so a link cannot reach another workspace's index.
     */
    private static String encode(String conversationKey) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(conversationKey.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String cursor) {
        try {
            String key = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (CURSOR.matcher(key).matches()) {
                return key;
            }
        } catch (IllegalArgumentException notBase64) {
            // refused below
        }
        throw new IllegalArgumentException("the page link's 'after' value is not one this list made");
    }
}
