package io.switchboard.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** For the benchmark's item sizes: how many of a run item's body bytes its history takes. */
public final class RunBodies {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RunBodies() {
    }

    /** True for a run item (either layout). */
    public static boolean isRun(Map<String, AttributeValue> item) {
        return item.containsKey(RunItems.BODY) || item.containsKey("history");
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
