package io.switchboard.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.switchboard.support.DynamoDbLocalResource;
import io.switchboard.support.PrometheusText;
import io.switchboard.support.Workspace;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The headline recipe, every assertion of {@link PromptTransferTest}, with the operators' setting
 * {@code switchboard.wake-up-writes=effects-first}: each wake-up writes its reassignment (guarded by its read)
 * and its comment first, then the run, one plain request each, never a claim and never a transaction.
 */
@QuarkusTest
@TestProfile(PromptTransferWithEffectsFirstWakeUpsTest.EffectsFirst.class)
@QuarkusTestResource(DynamoDbLocalResource.class)
class PromptTransferWithEffectsFirstWakeUpsTest extends PromptTransferTest {

    public static class EffectsFirst implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("switchboard.wake-up-writes", "effects-first");
        }
    }

    /**
     * The run is kept in its contact's item (it started with the conversation's opening), so the wake-up commits
     * what its steps held in one write of that item: until the seventeenth session it wrote them one request each
     * (the reassignment, the comment's PutItem, the run's end), still without a claim or a transaction.
     */
    @Test
    void theWakeUpWritesTheReassignmentTheCommentAndTheRunsEndInOneRequestWithoutAClaimOrATransaction() {
        ws.contactSays("cleo", "m-1", "Hello, where is my parcel?").then().statusCode(200);
        clock.advance(Duration.ofMinutes(16));
        double transactionsBefore = PrometheusText.dynamoDbRequests("TransactWriteItems");
        double putsBefore = PrometheusText.dynamoDbRequests("PutItem");
        double updatesBefore = PrometheusText.dynamoDbRequests("UpdateItem");

        Workspace.sweep();

        assertEquals("bob", ws.assignee("cleo"));
        assertEquals(List.of("Reassigned Cleo from Alice to Bob"), ws.conversation("cleo").getList("comments.text"));
        assertEquals(transactionsBefore, PrometheusText.dynamoDbRequests("TransactWriteItems"),
                "no wake-up write is a transaction");
        assertEquals(putsBefore, PrometheusText.dynamoDbRequests("PutItem"),
                "no comment item, no claim of the run: the comment is kept with the run in the contact's item");
        // the one write, and the round-robin ticket unless this process still holds part of a block
        double updates = PrometheusText.dynamoDbRequests("UpdateItem") - updatesBefore;
        assertEquals(true, updates >= 1 && updates <= 2, "the one write of the contact (and a ticket): " + updates);
    }
}
