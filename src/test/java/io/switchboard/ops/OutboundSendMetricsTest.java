package io.switchboard.ops;

import static io.switchboard.support.PlatformChannel.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.support.DynamoDbLocalResource;
import io.switchboard.support.FakePlatforms;
import io.switchboard.support.PlatformChannel;
import io.switchboard.support.PlatformRequests;
import io.switchboard.support.PrometheusText;
import io.switchboard.support.Workflows;
import io.switchboard.support.Workspace;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Messages sent to a platform are counted by platform and outcome, failures by their reason. */
@QuarkusTest
@QuarkusTestResource(DynamoDbLocalResource.class)
@QuarkusTestResource(FakePlatforms.class)
class OutboundSendMetricsTest {

    private static final String SECRET = "telegram-secret_token-123";
    private static final String CHAT = "444555666";

    @Test
    void aReplySentAndAReplyRefusedAreCountedApart() {
        Workspace ws = Workspace.create().user("alice", true).user("bob", true).team("support", "alice", "bob");
        ws.publish(Workflows.promptTransfer("alice", "support", "round_robin", "PT15M"));
        PlatformChannel bot = PlatformChannel.connect(ws, "telegram",
                Map.of("botToken", "123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11", "secretToken", SECRET));
        PlatformRequests.reset();
        bot.post(fixture("telegram/text-message.json", Map.of("MESSAGE_ID", "1", "CHAT_ID", CHAT, "TEXT", "Hi")),
                "application/json", Map.of("X-Telegram-Bot-Api-Secret-Token", SECRET)).then().statusCode(200);
        Map<String, String> sent = Map.of("platform", "telegram", "outcome", "sent");
        Map<String, String> blocked = Map.of("platform", "telegram", "outcome", "failed", "reason", "recipient_blocked");
        PrometheusText before = PrometheusText.scrape();

        ws.agentReplies(CHAT, "alice", "Hello Ada");
        PlatformRequests.answerNext(403,
                "{\"ok\":false,\"error_code\":403,\"description\":\"Forbidden: bot was blocked by the user\"}", Map.of());
        ws.api().body(Map.of("userId", "alice", "text", "Hi?")).post("/api/v1/contacts/" + CHAT + "/messages")
                .then().statusCode(422);

        PrometheusText after = PrometheusText.scrape();
        assertEquals(before.value("switchboard_outbound_sends_total", sent) + 1, after.value("switchboard_outbound_sends_total", sent));
        assertEquals(before.value("switchboard_outbound_sends_total", blocked) + 1,
                after.value("switchboard_outbound_sends_total", blocked));
    }
}
