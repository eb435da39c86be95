package io.switchboard.store;

import static io.switchboard.store.Attr.n;
import static io.switchboard.store.Attr.s;
import static io.switchboard.store.Attr.time;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.engine.run.Run;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Run items as the store wrote them before the body ({@link RunItems}): every field its own attribute, the
 * history alone compressed, so that tests can put what older versions left in a table and read it back.
 */
final class RunItemsAsWrittenBefore {

    private RunItemsAsWrittenBefore() {
    }

    /** The item, its history's JSON stored as {@code compress} makes it (gzip, or the dictionary's format). */
    static Map<String, AttributeValue> item(Run run, long version, ObjectMapper mapper, Function<String, byte[]> compress) {
        ObjectMapper json = mapper.copy().setSerializationInclusion(JsonInclude.Include.NON_EMPTY);
        Map<String, AttributeValue> item = new HashMap<>(Attr.key(Keys.contact(run.workspaceId(), run.contactId()),
                Keys.runSort(run.id())));
        item.put("workflowId", s(run.workflowId()));
        item.put("workflowVersion", n(run.workflowVersion()));
        if (run.conversationId() != null) {
            item.put("conversationId", s(run.conversationId()));
        }
        item.put("status", s(run.status().name()));
        item.put("state", s(run.state().name()));
        if (run.cursor() != null) {
            item.put("cursor", s(run.cursor().toString()));
        }
        item.put("executedSteps", n(run.executedSteps()));
        item.put("startedAt", time(run.startedAt()));
        item.put("updatedAt", time(run.updatedAt()));
        item.put("version", n(version));
        item.put("triggerData", s(write(json, run.triggerData())));
        if (!run.variables().isEmpty()) {
            item.put("variables", s(write(json, run.variables())));
        }
        item.put("history", AttributeValue.fromB(SdkBytes.fromByteArray(compress.apply(write(json, run.history())))));
        if (run.wakeToken() != null) {
            item.put("wakeToken", s(run.wakeToken()));
        }
        if (run.leaseUntil() != null) {
            item.put("leaseUntil", time(run.leaseUntil()));
        }
        if (run.dueAt() != null) {
            item.put("dueAt", time(run.dueAt()));
            if (run.timerHeld()) {
                item.put("timerHeld", AttributeValue.fromBool(true));
            } else {
                item.put(Table.DUE_SHARD, s("DUE#" + Math.floorMod(run.id().hashCode(), 4)));
                item.put(Table.DUE_KEY, s(String.format("%015d#%s", run.dueAt().toEpochMilli(), run.id())));
            }
        }
        return item;
    }

    private static String write(ObjectMapper json, Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
