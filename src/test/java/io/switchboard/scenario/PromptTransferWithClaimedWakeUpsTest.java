package io.switchboard.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * The headline recipe, every assertion of {@link PromptTransferTest}, with the operators' other write
 * setting {@code switchboard.wake-up-writes=claim}: each wake-up writes its run before its steps and
 * their effects after, one request each, and never a transaction.
 */
@QuarkusTest
@TestProfile(PromptTransferWithClaimedWakeUpsTest.Claim.class)
@QuarkusTestResource(DynamoDbLocalResource.class)
class PromptTransferWithClaimedWakeUpsTest extends PromptTransferTest {

    public static class Claim implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("switchboard.wake-up-writes", "claim");
        }
    }

    @Test
    void theWakeUpClaimsItsRunFirstAndWritesItsEffectsOneByOneWithoutATransaction() {
        ws.contactSays("ben", "m-1", "Hello, where is my parcel?").then().statusCode(200);
        clock.advance(Duration.ofMinutes(16));
        double transactionsBefore = PrometheusText.dynamoDbRequests("TransactWriteItems");
        double writesBefore = PrometheusText.dynamoDbRequests("PutItem") + PrometheusText.dynamoDbRequests("UpdateItem");

        Workspace.sweep();

        assertEquals("bob", ws.assignee("ben"));
        assertEquals(List.of("Reassigned Ben from Alice to Bob"), ws.conversation("ben").getList("comments.text"));
        assertEquals(transactionsBefore, PrometheusText.dynamoDbRequests("TransactWriteItems"),
                "no wake-up write is a transaction");
        // the claim, the reassignment, the comment and the run's end: one write each (the run is kept in its
        // contact's item, so its claim and end are updates of that item)
        assertTrue(PrometheusText.dynamoDbRequests("PutItem") + PrometheusText.dynamoDbRequests("UpdateItem")
                >= writesBefore + 4, "the claim, the reassignment, the comment and the end are separate writes");
    }
}
