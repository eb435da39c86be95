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
    public static final String STATE_ATTRIBUTES = "pk, sk, body, #status, #state, variables";
    public static final Map<String, String> NAMES = RunItems.SUMMARY_NAMES;

    private RunBodies() {
    }

    /** True for a run item (either layout). */
    public static boolean isRun(Map<String, AttributeValue> item) {
        return item.containsKey(RunItems.BODY) || item.containsKey("history");
    }

    /** The run's state as stored: inside the body, so a scan cannot filter on it. */
    public static RunState state(Map<String, AttributeValue> item) {
        return ITEMS.state(item);
    }

    /** The stored bytes of the run's history: the body's bytes less those of the same body without it. */
    public static int historyBytes(Map<String, AttributeValue> item) {
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
