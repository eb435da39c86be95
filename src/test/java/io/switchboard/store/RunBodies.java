package io.switchboard.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.engine.run.RunState;
import java.io.IOException;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** For the benchmarks: a run item's state, and how many of its body bytes its history takes. */
public final class RunBodies {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final RunItems ITEMS = new RunItems(JSON);

    /** The attributes {@link #state} reads (either layout), for a scan's projection; names in {@link #NAMES}. */
    public static final String STATE_ATTRIBUTES = "pk, sk, body, #status, #state, variables, #kr";
    public static final Map<String, String> NAMES = Map.of("#status", "status", "#state", "state", "#kr", RunItems.KEPT);

    /** A filter for the items holding runs: their own, or a contact's that keeps one (a scan's filter; {@link #NAMES}). */
    public static final String HOLDS_A_RUN = "(begins_with(sk, :run) OR attribute_exists(#kr.b))";

    private RunBodies() {
    }

    /** True for a run item (either layout). */
    public static boolean isRun(Map<String, AttributeValue> item) {
        return item.containsKey(RunItems.BODY) || item.containsKey("history");
    }

    /** The run's state as stored: inside the body, so a scan cannot filter on it. */
    public static RunState state(Map<String, AttributeValue> item) {
        return ITEMS.state(keptBody(item));
    }

    /** The step records of the run the item holds (its own, or the one a contact's item keeps), as stored. */
    public static java.util.List<io.switchboard.engine.run.StepRecord> history(Map<String, AttributeValue> item) {
        return ITEMS.run("", asRunItem(item)).history();
    }

    /** The id of the run the item holds: its own, or the one a contact's item keeps. */
    public static String runId(Map<String, AttributeValue> item) {
        return item.containsKey(RunItems.KEPT) ? item.get(RunItems.KEPT).m().get("i").s() : item.get("sk").s().substring(4);
    }

    /** True for a contact's item that keeps its run's body. */
    public static boolean keepsARun(Map<String, AttributeValue> item) {
        return item.containsKey(RunItems.KEPT) && item.get(RunItems.KEPT).m().containsKey("b");
    }

    /** The run an item of a contact's partition holds, as the run's own item would hold it; null when none. */
    public static Map<String, AttributeValue> asRunItem(Map<String, AttributeValue> item) {
        if (isRun(item)) {
            return item;
        }
        if (!keepsARun(item)) {
            return null;
        }
        var kept = item.get(RunItems.KEPT).m();
        Map<String, AttributeValue> run = new java.util.HashMap<>(Map.of("pk", item.get("pk"),
                "sk", AttributeValue.fromS("RUN#" + kept.get("i").s()), RunItems.VERSION, kept.get("v"),
                RunItems.BODY, kept.get("b")));
        if (kept.containsKey("w")) {
            run.put(RunItems.WAKE_TOKEN, kept.get("w"));
        }
        return run;
    }

    /** A contact item keeping a run, as the run's body alone; any other item as it is. */
    private static Map<String, AttributeValue> keptBody(Map<String, AttributeValue> item) {
        return keepsARun(item) ? Map.of(RunItems.BODY, item.get(RunItems.KEPT).m().get("b")) : item;
    }

    /** The stored bytes of the run's history: the body's bytes less those of the same body without it. */
    public static int historyBytes(Map<String, AttributeValue> stored) {
        Map<String, AttributeValue> item = keptBody(stored);
        if (!item.containsKey(RunItems.BODY)) {
            return item.get("history").b().asByteArray().length;
        }
        byte[] body = item.get(RunItems.BODY).b().asByteArray();
        try {
            ObjectNode fields = (ObjectNode) JSON.readTree(HistoryCodec.decode(body));
            fields.remove("h");
            return body.length - HistoryCodec.encode(JSON.writeValueAsString(fields)).length;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
