package io.switchboard.store;

import io.switchboard.engine.run.RunEngine;
import java.util.Map;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Every fault of {@link FaultInjectionTest}, with wake-ups that write their effects first, keyed and guarded
 * by their read, then the run: no transaction. The product's {@code switchboard.wake-up-writes=effects-first}
 * writes so a run of its own item; a run kept in its contact's item it commits in one write of that item
 * ({@link FaultInjectionEffectsFirstAsWiredTest}). Here every run writes its effects first, so the guarded
 * path is tried under every fault with the runs these tests start.
 */
class FaultInjectionEffectsFirstTest extends FaultInjectionTest {

    @Override
    void wakeUpWrites(RunEngine engine, DynamoSegmentCommits commits) {
        engine.writingWakeUpEffectsFirst();
    }

    /**
     * The assignment guarded by the wake-up's read of the contact (the same conversation, no reply since), or
     * the write of the run at the version read that claims it (running) before a step that does not repeat harmlessly.
     */
    private static final RunItems ITEMS = new RunItems(new com.fasterxml.jackson.databind.ObjectMapper()
            .findAndRegisterModules());

    @Override
    boolean isWakeUpsFirstWrite(SdkRequest request) {
        return guardedFirstWrite(request);
    }

    /** The first write of a wake-up that writes its effects first. */
    static boolean guardedFirstWrite(SdkRequest request) {
        if (request instanceof UpdateItemRequest update) {
            if (update.conditionExpression() != null && update.conditionExpression().contains("#kr.v = :krExpected")) {
                // the claim of a run kept in its contact's item (it started with the conversation's opening)
                var kept = update.expressionAttributeValues().get(":krNew");
                return kept != null && ITEMS.state(Map.of(RunItems.BODY, kept.m().get("b")))
                        == io.switchboard.engine.run.RunState.RUNNING;
            }
            return update.updateExpression().contains("assignKey") && update.conditionExpression() != null
                    && update.conditionExpression().contains("convId = :conversation");
        }
        return request instanceof PutItemRequest put && put.item().get("sk").s().startsWith("RUN#")
                && "version = :expected".equals(put.conditionExpression()) && ITEMS.state(put.item()) == io.switchboard.engine.run.RunState.RUNNING;
    }

    /** The guarded assignment, refused; then the fresh decision's claim of the run (the else path, no assignment). */
    @Override
    int firstWritesWhenAReplyComesFirst() {
        return 2;
    }

    /**
     * A close does not repeat harmlessly: the run is claimed, then the close, the comment and the run's end; the
     * run is kept in its contact's item, so its claim and end are updates of that item.
     */
    @Override
    Map<String, Integer> writesOfAnIdleClose() {
        return Map.of("PutItem", 1, "UpdateItem", 3);
    }
}
