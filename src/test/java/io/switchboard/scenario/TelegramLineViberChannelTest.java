package io.switchboard.scenario;

import static io.switchboard.support.PlatformChannel.fixture;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.switchboard.support.DynamoDbLocalResource;
import io.switchboard.support.FakePlatforms;
import io.switchboard.support.PlatformChannel;
import io.switchboard.support.PlatformRequests;
import io.switchboard.support.Workflows;
import io.switchboard.support.Workspace;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Telegram bots, LINE official accounts and Viber bots connected as channels. */
@QuarkusTest
@QuarkusTestResource(DynamoDbLocalResource.class)
@QuarkusTestResource(FakePlatforms.class)
class TelegramLineViberChannelTest {

    Workspace ws;

    @BeforeEach
    void workspaceWithAWorkflow() {
        ws = Workspace.create().user("alice", true).user("bob", true).team("support", "alice", "bob");
        ws.publish(Workflows.promptTransfer("alice", "support", "round_robin", "PT15M"));
        PlatformRequests.reset();
    }

    @Nested
    class Telegram {
        static final String SECRET = "telegram-secret_token-123";
        static final String CHAT = "111222333";
        PlatformChannel bot;

        @BeforeEach
        void connect() {
            bot = PlatformChannel.connect(ws, "telegram", Map.of("botToken", "123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11",
                    "secretToken", SECRET));
            PlatformRequests.reset();
        }

        JsonPath deliver(String body) {
            return bot.post(body, "application/json", Map.of("X-Telegram-Bot-Api-Secret-Token", SECRET))
                    .then().statusCode(200).extract().jsonPath();
        }

        String text(String messageId, String text) {
            return fixture("telegram/text-message.json", Map.of("MESSAGE_ID", messageId, "CHAT_ID", CHAT, "TEXT", text));
        }

        @Test
        void aMessageOpensAConversationAndFiresTheWorkflow() {
            deliver(text("1", "Hello bot"));
            assertEquals("alice", ws.assignee(CHAT));
            assertEquals("Ada Lovelace", ws.conversation(CHAT).getString("contactName"));
        }

        @Test
        void aWrongOrMissingSecretTokenIsRefused() {
            bot.post(text("2", "Hi"), "application/json", Map.of("X-Telegram-Bot-Api-Secret-Token", "guess"))
                    .then().statusCode(401);
            bot.post(text("2", "Hi"), "application/json", Map.of()).then().statusCode(401);
            ws.api().get("/api/v1/contacts/" + CHAT + "/conversation").then().statusCode(404);
        }

        @Test
        void aRedeliveredUpdateChangesNothingAndOtherUpdatesAreIgnored() {
            deliver(text("3", "Hi"));
            assertEquals(1, deliver(text("3", "Hi")).getInt("unchanged"));
            assertEquals(1, deliver(fixture("telegram/edited-message.json", Map.of())).getInt("ignored"));
            deliver(fixture("telegram/photo-message.json", Map.of("MESSAGE_ID", "4", "CHAT_ID", CHAT)));
            JsonPath messages = ws.messages(CHAT);
            assertEquals(List.of("Hi", "my receipt"), messages.getList("messages.text"));
            assertEquals("AgACAgQAAxkBAAIBslarge", messages.getString("messages[1].attachment.reference"));
        }

        @Test
        void aReplyGoesOutThroughSendMessage() {
            deliver(text("5", "Hi"));
            ws.agentReplies(CHAT, "alice", "Hello Ada");
            Map<String, Object> sent = PlatformRequests.only();
            assertEquals("/telegram/bot123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11/sendMessage", sent.get("path"));
            assertEquals(Map.of("chat_id", CHAT, "text", "Hello Ada"), JsonPath.from((String) sent.get("body")).getMap("$"));
        }

        @Test
        void aBlockedBotIsReported() {
            deliver(text("6", "Hi"));
            PlatformRequests.answerNext(403,
                    "{\"ok\":false,\"error_code\":403,\"description\":\"Forbidden: bot was blocked by the user\"}", Map.of());
            ws.api().body(Map.of("userId", "alice", "text", "Hi?")).post("/api/v1/contacts/" + CHAT + "/messages")
                    .then().statusCode(422).body("error", equalTo("recipient_blocked"));
        }
    }

    @Nested
    class Line {
        static final String SECRET = "line-channel-secret-abcdef";
        static final String USER = "U4af4980629a0b5a1f0b1c2d3e4f5a6b7";
        PlatformChannel account;

        @BeforeEach
        void connect() {
            account = PlatformChannel.connect(ws, "line", Map.of("channelSecret", SECRET,
                    "channelAccessToken", "line-long-lived-access-token-WXYZ"));
            PlatformRequests.reset();
        }

        JsonPath deliver(String body) {
            return account.post(body, "application/json",
                    Map.of("X-Line-Signature", PlatformChannel.base64Sha256(SECRET, body)))
                    .then().statusCode(200).extract().jsonPath();
        }

        String text(String id, String text) {
            return fixture("line/text-message.json", Map.of("MESSAGE_ID", id, "USER_ID", USER, "TEXT", text));
        }

        @Test
        void aMessageOpensAConversationAndFiresTheWorkflow() {
            deliver(text("468789577898262530", "Hello"));
            assertEquals("alice", ws.assignee(USER));
        }

        @Test
        void aForgedSignatureIsRefusedAndTheConsolesVerifyRequestIsAcknowledged() {
            String body = text("1", "Hi");
            account.post(body, "application/json", Map.of("X-Line-Signature", PlatformChannel.base64Sha256("wrong", body)))
                    .then().statusCode(401);
            ws.api().get("/api/v1/contacts/" + USER + "/conversation").then().statusCode(404);
            deliver("{\"destination\":\"U8e742f61d673b39c7fff3cecb7536ef0\",\"events\":[]}");
        }

        @Test
        void aRedeliveryChangesNothingAndOtherEventsAreReadSensibly() {
            deliver(text("2", "Hi"));
            assertEquals(1, deliver(text("2", "Hi")).getInt("unchanged"));
            JsonPath result = deliver(fixture("line/other-events.json", Map.of("USER_ID", USER)));
            assertEquals(1, result.getInt("ignored"), "the follow event");
            assertEquals(List.of("Hi", "[location 35.65910807942215,139.70372892916203 my location]", "[image]"),
                    ws.messages(USER).getList("messages.text"));
        }

        @Test
        void aReplyGoesOutAsAPushWithARetryKeyAndIsRetriedOnServerErrors() {
            deliver(text("3", "Hi"));
            PlatformRequests.answerNext(500, "{\"message\":\"An error occurred in the backend\"}", Map.of());
            ws.agentReplies(USER, "alice", "Hello!");
            List<Map<String, Object>> sent = PlatformRequests.recorded();
            assertEquals(2, sent.size(), "LINE deduplicates by X-Line-Retry-Key, so a 500 is retried");
            assertEquals("/line/v2/bot/message/push", sent.get(1).get("path"));
            assertEquals("Bearer line-long-lived-access-token-WXYZ", PlatformRequests.header(sent.get(1), "authorization"));
            String key = PlatformRequests.header(sent.get(0), "x-line-retry-key");
            assertEquals(key, PlatformRequests.header(sent.get(1), "x-line-retry-key"));
            assertEquals(Map.of("to", USER, "messages", List.of(Map.of("type", "text", "text", "Hello!"))),
                    JsonPath.from((String) sent.get(1).get("body")).getMap("$"));
        }
    }

    @Nested
    class Viber {
        static final String TOKEN = "445da6az1s345z78-dazcczb2542zv51a-e0vc5fva17480im9";
        static final String SENDER = "01234567890A+b/c=";
        static final String CONTACT = "01234567890A-b_c=";
        PlatformChannel bot;

        @BeforeEach
        void connect() {
            bot = PlatformChannel.connect(ws, "viber", Map.of("authToken", TOKEN, "senderName", "Acme Support"));
            PlatformRequests.reset();
        }

        JsonPath deliver(String body) {
            return bot.post(body, "application/json",
                    Map.of("X-Viber-Content-Signature", PlatformChannel.hexSha256(TOKEN, body)))
                    .then().statusCode(200).extract().jsonPath();
        }

        String message(String token, String text) {
            return fixture("viber/message.json", Map.of("TOKEN", token, "SENDER_ID", SENDER, "TEXT", text));
        }

        @Test
        void theWebhookEventIsAcknowledgedAndAMessageFiresTheWorkflow() {
            assertEquals(1, deliver(fixture("viber/webhook.json", Map.of())).getInt("ignored"));
            deliver(message("4912661846655238145", "Hello"));
            assertEquals("alice", ws.assignee(CONTACT));
            assertEquals("Ada Lovelace", ws.conversation(CONTACT).getString("contactName"));
        }

        @Test
        void aForgedSignatureIsRefused() {
            String body = message("1", "Hi");
            bot.post(body, "application/json", Map.of("X-Viber-Content-Signature", PlatformChannel.hexSha256("x", body)))
                    .then().statusCode(401);
            ws.api().get("/api/v1/contacts/" + CONTACT + "/conversation").then().statusCode(404);
        }

        @Test
        void aRedeliveryChangesNothingAndDeliveryReportsAreRecorded() {
            deliver(message("2", "Hi"));
            assertEquals(1, deliver(message("2", "Hi")).getInt("unchanged"));
            ws.agentReplies(CONTACT, "alice", "Hello!");
            Map<String, Object> sent = PlatformRequests.only();
            assertEquals("/viber/pa/send_message", sent.get("path"));
            assertEquals(TOKEN, PlatformRequests.header(sent, "x-viber-auth-token"));
            JsonPath body = JsonPath.from((String) sent.get("body"));
            assertEquals(SENDER, body.getString("receiver"), "the contact id maps back to Viber's own id");
            assertEquals("Acme Support", body.getString("sender.name"));
            assertEquals("text", body.getString("type"));
            assertEquals("Hello!", body.getString("text"));

            deliver(fixture("viber/delivered.json", Map.of("TOKEN", "5741311803571721087", "SENDER_ID", SENDER)));
            assertEquals("delivered", ws.messages(CONTACT).getString("messages[1].status"));
        }

        @Test
        void anUnsubscribedReceiverIsReported() {
            deliver(message("3", "Hi"));
            PlatformRequests.answerNext(200, "{\"status\":6,\"status_message\":\"notSubscribed\"}", Map.of());
            ws.api().body(Map.of("userId", "alice", "text", "Hi?")).post("/api/v1/contacts/" + CONTACT + "/messages")
                    .then().statusCode(422).body("error", equalTo("recipient_unsubscribed"));
        }
    }
}
