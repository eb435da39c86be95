package io.switchboard.store;

import static io.switchboard.store.Attr.n;
import static io.switchboard.store.Attr.num;
import static io.switchboard.store.Attr.s;
import static io.switchboard.store.Attr.str;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.engine.run.Run;
import io.switchboard.engine.run.RunState;
import io.switchboard.engine.run.RunStatus;
import io.switchboard.engine.run.StepRecord;
import io.switchboard.engine.workflow.StepPath;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A run as one item. Only what a condition, an index or the sweep reads is an attribute of its own: the keys,
 * {@code version}, the wake token and the due entry. Everything else, the history included, is one
 * {@code body}: its JSON with short names, compressed by {@link HistoryCodec}. A write costs one unit per KB,
 * attribute names count as bytes, and one stream compresses what the attributes repeated (the conversation id
 * is also in the trigger data, the times share their digits): the traced scenario's run is 459 B where it was
 * 578 B as attributes. That is room a contact and its run's live state need to be one item of 1 KB.
 *
 * <p>Items written before the body (every field an attribute) still read; their run's next save writes the body.
 */
final class RunItems {

    static final String BODY = "body";
    static final String VERSION = "version";
    static final String WAKE_TOKEN = "wakeToken";

    /** Attributes of items written before the body; read only. */
    private static final String TIMER_HELD = "timerHeld";

    private static final TypeReference<List<StepRecord>> HISTORY = new TypeReference<>() { };
    private static final TypeReference<Map<String, String>> STRINGS = new TypeReference<>() { };

    /** The body's fields; short names, since in the first writes of a run they are a good part of its bytes. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Body(@JsonProperty("w") String workflowId, @JsonProperty("wv") Integer workflowVersion,
            @JsonProperty("c") String conversationId, @JsonProperty("s") String state,
            @JsonProperty("p") String cursor, @JsonProperty("n") Integer executedSteps,
            @JsonProperty("t0") Long startedAt, @JsonProperty("t") Long updatedAt, @JsonProperty("d") Long dueAt,
            @JsonProperty("l") Long leaseUntil, @JsonProperty("held") Boolean timerHeld,
            @JsonProperty("g") Map<String, String> triggerData, @JsonProperty("x") Map<String, String> variables,
            @JsonProperty("h") List<StepRecord> history) {
    }

    /** What a list of a contact's runs shows, read from either layout. */
    record Summary(String runId, String workflowId, RunState state, Instant startedAt, Instant dueAt,
            Map<String, String> variables) {
    }

    private final ObjectMapper json;

    RunItems(ObjectMapper json) {
        // leave out empty values: size is what a write costs
        this.json = json.copy().setSerializationInclusion(JsonInclude.Include.NON_EMPTY);
    }

    Map<String, AttributeValue> item(Run run, long version, int dueShards) {
        Map<String, AttributeValue> item = new HashMap<>(Attr.key(Keys.contact(run.workspaceId(), run.contactId()),
                Keys.runSort(run.id())));
        item.put(VERSION, n(version));
        Body body = new Body(run.workflowId(), run.workflowVersion(), run.conversationId(), run.state().name(),
                run.cursor() == null ? null : run.cursor().toString(), run.executedSteps(),
                millis(run.startedAt()), millis(run.updatedAt()), millis(run.dueAt()), millis(run.leaseUntil()),
                run.dueAt() != null && run.timerHeld() ? Boolean.TRUE : null, run.triggerData(), run.variables(),
                run.history());
        item.put(BODY, AttributeValue.fromB(SdkBytes.fromByteArray(HistoryCodec.encode(write(body)))));
        if (run.wakeToken() != null) {
            item.put(WAKE_TOKEN, s(run.wakeToken())); // the due index carries it to the sweep
        }
        if (run.dueAt() != null && !run.timerHeld()) {
            // a wait its scheduler does not hold is found by the sweep through the due index
            item.put(Table.DUE_SHARD, s("DUE#" + Math.floorMod(run.id().hashCode(), dueShards)));
            item.put(Table.DUE_KEY, s(String.format("%015d#%s", run.dueAt().toEpochMilli(), run.id())));
        }
        return item;
    }

    /**
     * The run as its contact's item keeps it: the attribute {@link #KEPT} (its id, version, body and wake token)
     * and, while the sweep is its timer, the due entry beside it at the item's top level, where the due index
     * reads it (its key holds the run id, since the item's sort key does not).
     */
    record Kept(AttributeValue attribute, Map<String, AttributeValue> dueEntry, int bodyBytes) {
    }

    /** On a contact item: the run kept with it, a map of id, version, body and wake token. */
    static final String KEPT = "kr";

    /** The top-level attributes of a kept run's due entry; removed when it has none. */
    static final List<String> DUE_ENTRY = List.of(Table.DUE_SHARD, Table.DUE_KEY, WAKE_TOKEN);

    Kept kept(Run run, long version, int dueShards) {
        Map<String, AttributeValue> item = item(run, version, dueShards);
        Map<String, AttributeValue> kept = new HashMap<>();
        kept.put("i", s(run.id()));
        kept.put("v", item.get(VERSION));
        kept.put("b", item.get(BODY));
        if (item.containsKey(WAKE_TOKEN)) {
            kept.put("w", item.get(WAKE_TOKEN));
        }
        Map<String, AttributeValue> due = new HashMap<>();
        if (item.containsKey(Table.DUE_KEY)) {
            DUE_ENTRY.stream().filter(item::containsKey).forEach(name -> due.put(name, item.get(name)));
        }
        return new Kept(AttributeValue.fromM(kept), due, item.get(BODY).b().asByteArrayUnsafe().length);
    }

    /** The id of the run the contact item keeps, moved out or not; null when none. */
    static String keptRunId(Map<String, AttributeValue> contactItem) {
        AttributeValue kept = contactItem == null ? null : contactItem.get(KEPT);
        return kept == null || !kept.hasM() ? null : str(kept.m(), "i");
    }

    /** The run the contact item keeps, when it still holds it (not moved to an item of its own); else null. */
    Run keptRun(String ws, Map<String, AttributeValue> contactItem) {
        AttributeValue kept = contactItem == null ? null : contactItem.get(KEPT);
        if (kept == null || !kept.hasM() || !kept.m().containsKey("b")) {
            return null;
        }
        Map<String, AttributeValue> m = kept.m();
        Map<String, AttributeValue> item = new HashMap<>(Attr.key(str(contactItem, Table.PK), Keys.runSort(str(m, "i"))));
        item.put(VERSION, m.get("v"));
        item.put(BODY, m.get("b"));
        if (m.containsKey("w")) {
            item.put(WAKE_TOKEN, m.get("w"));
        }
        return run(ws, item).markKeptWithContact(room(contactItem));
    }

    /**
     * The run the contact item keeps, as its kept comments are stored relative to it: its id, conversation and
     * workflow, read from its body; null when the item holds no kept run's body.
     */
    static KeptComments.Owner keptOwner(Map<String, AttributeValue> contactItem) {
        AttributeValue kept = contactItem == null ? null : contactItem.get(KEPT);
        if (kept == null || !kept.hasM() || !kept.m().containsKey("b")) {
            return null;
        }
        try {
            var body = OWNER_READER.readTree(HistoryCodec.decode(kept.m().get("b").b().asByteArray()));
            return new KeptComments.Owner(str(kept.m(), "i"), body.path("c").asText(null), body.path("w").asText(null));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a kept run's body that does not read as JSON", e);
        }
    }

    private static final ObjectMapper OWNER_READER = new ObjectMapper();

    /** Bytes of one write unit. */
    static final int WRITE_UNIT = 1024;

    /**
     * What a whole contact item leaves of one write unit for its kept run (with its due entry) and what rides with
     * it; 0 for an item
     * read in part (a projection), whose size is not known.
     */
    private static int room(Map<String, AttributeValue> contactItem) {
        if (!contactItem.containsKey(Table.SK)) {
            return 0;
        }
        Map<String, AttributeValue> rest = new HashMap<>(contactItem);
        rest.remove(KEPT);
        DUE_ENTRY.forEach(rest::remove); // the kept run's too: its next save writes or removes them
        return Math.max(0, WRITE_UNIT - ItemBytes.of(rest));
    }

    /** What a list of the contact's runs shows of the run its item keeps; null when it keeps none. */
    Summary keptSummary(Map<String, AttributeValue> contactItem) {
        Run run = keptRun("", contactItem);
        return run == null ? null : new Summary(run.id(), run.workflowId(), run.state(), run.startedAt(), run.dueAt(),
                run.variables());
    }

    Run run(String ws, Map<String, AttributeValue> item) {
        String pk = str(item, Table.PK);
        String contactId = pk.substring(pk.indexOf("#CONTACT#") + 9);
        String runId = str(item, Table.SK).substring(4);
        if (!item.containsKey(BODY)) {
            return asWrittenBefore(ws, contactId, runId, item);
        }
        Body body = body(item);
        Run run = new Run(ws, runId, body.workflowId(), orZero(body.workflowVersion()), contactId,
                body.conversationId(), orEmpty(body.triggerData()), at(body.startedAt()),
                RunState.valueOf(body.state()), body.cursor() == null ? null : StepPath.parse(body.cursor()),
                orZero(body.executedSteps()), at(body.dueAt()), at(body.leaseUntil()), str(item, WAKE_TOKEN),
                at(body.updatedAt()), num(item, VERSION, 0),
                body.history() == null ? List.of() : body.history(), orEmpty(body.variables()));
        return Boolean.TRUE.equals(body.timerHeld()) ? run.markTimerHeld() : run;
    }

    /** The run's state as stored, from either layout. */
    RunState state(Map<String, AttributeValue> item) {
        if (item.containsKey(BODY)) {
            return RunState.valueOf(body(item).state());
        }
        String state = str(item, "state");
        return state != null ? RunState.valueOf(state)
                : RunState.of(RunStatus.valueOf(str(item, "status")), variablesAsWrittenBefore(item));
    }

    /** The attributes {@link #summary} reads, for a query's projection. */
    static final String SUMMARY_ATTRIBUTES = "sk, body, workflowId, #status, #state, startedAt, dueAt, variables";
    static final Map<String, String> SUMMARY_NAMES = Map.of("#status", "status", "#state", "state");

    Summary summary(Map<String, AttributeValue> item) {
        String runId = str(item, Table.SK).substring(4);
        if (item.containsKey(BODY)) {
            Body body = body(item);
            return new Summary(runId, body.workflowId(), RunState.valueOf(body.state()), at(body.startedAt()),
                    at(body.dueAt()), orEmpty(body.variables()));
        }
        return new Summary(runId, str(item, "workflowId"), state(item), Attr.instant(item, "startedAt"),
                Attr.instant(item, "dueAt"), variablesAsWrittenBefore(item));
    }

    private Body body(Map<String, AttributeValue> item) {
        return read(HistoryCodec.decode(item.get(BODY).b().asByteArray()), Body.class);
    }

    /** An item written before the body: every field its own attribute, the history alone compressed. */
    private Run asWrittenBefore(String ws, String contactId, String runId, Map<String, AttributeValue> item) {
        String cursor = str(item, "cursor");
        Run run = new Run(ws, runId, str(item, "workflowId"), (int) num(item, "workflowVersion", 0), contactId,
                str(item, "conversationId"), read(str(item, "triggerData"), STRINGS), Attr.instant(item, "startedAt"),
                state(item), cursor == null ? null : StepPath.parse(cursor), (int) num(item, "executedSteps", 0),
                Attr.instant(item, "dueAt"), Attr.instant(item, "leaseUntil"), str(item, WAKE_TOKEN), Attr.instant(item, "updatedAt"),
                num(item, VERSION, 0), read(HistoryCodec.decode(item.get("history").b().asByteArray()), HISTORY),
                variablesAsWrittenBefore(item));
        AttributeValue held = item.get(TIMER_HELD);
        return held != null && Boolean.TRUE.equals(held.bool()) ? run.markTimerHeld() : run;
    }

    private Map<String, String> variablesAsWrittenBefore(Map<String, AttributeValue> item) {
        return item.containsKey("variables") ? read(str(item, "variables"), STRINGS) : Map.of();
    }

    private static Long millis(Instant at) {
        return at == null ? null : at.toEpochMilli();
    }

    private static Instant at(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    private static Map<String, String> orEmpty(Map<String, String> map) {
        return map == null ? Map.of() : map;
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

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored run is unreadable", e);
        }
    }
}
