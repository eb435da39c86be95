package io.switchboard.function;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.switchboard.function.WakeUpFunctions.WakeUpRequest;
import io.switchboard.function.lambda.HttpLambdaHandler;
import io.switchboard.function.lambda.SweepLambdaHandler;
import io.switchboard.function.lambda.WakeUpLambdaHandler;
import io.switchboard.support.DynamoDbLocalResource;
import io.switchboard.support.MutableClock;
import io.switchboard.support.Workflows;
import io.switchboard.support.Workspace;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Lambda entry points, invoked in-process with the event shapes AWS delivers: a function URL
 * event (payload format 2.0) and the EventBridge Scheduler input.
 */
@QuarkusTest
@QuarkusTestResource(DynamoDbLocalResource.class)
class LambdaHandlersTest {

    @Inject
    HttpLambdaHandler http;
    @Inject
    WakeUpLambdaHandler wakeUp;
    @Inject
    SweepLambdaHandler sweep;
    @Inject
    ObjectMapper json;
    @Inject
    MutableClock clock;

    @Test
    void aFunctionUrlWebhookStoresTheSameStateAsTheSameWebhookOverHttp() throws Exception {
        Workspace overHttp = promptTransferWorkspace();
        Workspace overLambda = promptTransferWorkspace();
        String body = Workspace.customMessage("ada", "Ada", "m-1", "Hello from a phone");

        overHttp.deliver(body).then().statusCode(200);
        APIGatewayV2HTTPResponse response = http.handleRequest(functionUrlEvent(overLambda, body), null);

        assertEquals(200, response.getStatusCode());
        assertEquals("accepted", JsonPath.from(new String(Base64.getDecoder().decode(response.getBody()),
                StandardCharsets.UTF_8)).getString("status"));
        assertEquals(stateOf(overHttp), stateOf(overLambda));
    }

    @Test
    void aFunctionUrlEventWithAForgedSignatureIsRejected() throws Exception {
        Workspace ws = promptTransferWorkspace();
        APIGatewayV2HTTPEvent event = functionUrlEvent(ws, Workspace.customMessage("eve", "Eve", "m-1", "hi"));
        event.getHeaders().put("x-switchboard-signature", "sha256=" + "0".repeat(64));
        assertEquals(401, http.handleRequest(event, null).getStatusCode());
        ws.api().get("/api/v1/contacts/eve/conversation").then().statusCode(404);
    }

    @Test
    void theSchedulersPayloadResumesTheRunAndTheSweepFindsNothingLeft() throws Exception {
        Workspace ws = promptTransferWorkspace();
        ws.contactSays("ben", "m-1", "Hi").then().statusCode(200);
        JsonPath run = ws.runs("ben");
        String input = "{\"workspaceId\":\"" + ws.id + "\",\"contactId\":\"ben\",\"runId\":\""
                + run.getString("runs[0].id") + "\",\"token\":\"" + run.getString("runs[0].wakeToken") + "\"}";
        clock.advance(Duration.ofMinutes(16));

        assertEquals("RESUMED", wakeUp.handleRequest(json.readValue(input, WakeUpRequest.class), null).result());
        assertEquals("ALREADY_FINISHED", wakeUp.handleRequest(json.readValue(input, WakeUpRequest.class), null).result(),
                "the scheduler's retry of a delivered wake-up changes nothing");
        assertEquals("bob", ws.assignee("ben"));
        sweep.handleRequest(Map.of(), null);
        assertEquals(1, ws.conversation("ben").getList("comments").size());
    }

    private Workspace promptTransferWorkspace() {
        Workspace ws = Workspace.create().user("alice", true).user("bob", true).team("support", "alice", "bob");
        ws.publish(Workflows.promptTransfer("alice", "support", "round_robin", "PT15M"));
        return ws;
    }

    private APIGatewayV2HTTPEvent functionUrlEvent(Workspace ws, String body) throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/lambda/function-url-event.json")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("CHANNEL_ID", ws.channelId())
                    .replace("SIGNATURE", "sha256=" + ws.sign(body))
                    .replace("BODY_BASE64", Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)));
            return json.readValue(text, APIGatewayV2HTTPEvent.class);
        }
    }

    /** What a user can read back: the conversation and the run, without ids and times that differ. */
    private static List<Object> stateOf(Workspace ws) {
        JsonPath conversation = ws.conversation("ada");
        JsonPath runs = ws.runs("ada");
        return List.of(conversation.getString("status"), conversation.getString("openedBy"),
                conversation.getString("assignee.id"), conversation.getString("contactName"),
                ws.messages("ada").getList("messages.text"), runs.getList("runs.status"),
                runs.getList("runs[0].history.outcome"));
    }
}
