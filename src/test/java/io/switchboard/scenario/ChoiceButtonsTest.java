package io.switchboard.scenario;

import static io.switchboard.support.PlatformChannel.fixture;
import static io.switchboard.support.PlatformChannel.metaSignature;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.switchboard.support.DynamoDbLocalResource;
import io.switchboard.support.FakePlatforms;
import io.switchboard.support.PlatformChannel;
import io.switchboard.support.PlatformRequests;
import io.switchboard.support.Workspace;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A multiple-choice question offers its options as the platform's own buttons where it has them
 * (WhatsApp reply buttons or a list, Telegram's reply keyboard, Messenger quick replies); a tap comes
 * back as the option's text and answers the question. The conversation records the question with
 * the options listed, as an agent reads it.
 */
@QuarkusTest
@QuarkusTestResource(DynamoDbLocalResource.class)
@QuarkusTestResource(FakePlatforms.class)
class ChoiceButtonsTest {

    static String menu(List<String> options) {
        return """
            {"name": "Menu", "trigger": {"type": "conversation_opened"},
             "steps": [{"type": "ask_question", "question": "How can we help?", "answerType": "multiple_choice",
                        "options": %s, "saveTo": "tag"}]}
            """.formatted(options.stream().map(o -> "\"" + o + "\"").toList());
    }

    Workspace ws;

    @BeforeEach
    void workspace() {
        ws = Workspace.create();
    }

    @Test
    void onWhatsAppThreeOptionsAreReplyButtonsAndATapAnswers() {
        String appSecret = "whatsapp-app-secret-1234";
        String phoneNumberId = "106540352242933";
        PlatformChannel channel = PlatformChannel.connect(ws, "whatsapp", Map.of("phoneNumberId", phoneNumberId,
                "accessToken", "EAAG-whatsapp-access-token-5678", "appSecret", appSecret, "verifyToken", "verify-me"));
        PlatformRequests.reset();
        ws.publish(menu(List.of("Sales", "Support", "Billing")));
        String hi = fixture("whatsapp/text-message.json", Map.of("PHONE_NUMBER_ID", phoneNumberId, "WA_ID", "15550004444",
                "NAME", "Ada", "WAMID", "wamid.hi", "TEXT", "Hi"));
        channel.post(hi, "application/json", Map.of("X-Hub-Signature-256", metaSignature(appSecret, hi))).then().statusCode(200);

        JsonPath sent = JsonPath.from((String) PlatformRequests.only().get("body"));
        assertEquals("interactive", sent.getString("type"));
        assertEquals("button", sent.getString("interactive.type"));
        assertEquals("How can we help?", sent.getString("interactive.body.text"));
        assertEquals(List.of("Sales", "Support", "Billing"), sent.getList("interactive.action.buttons.reply.title"));
        assertEquals(List.of("reply", "reply", "reply"), sent.getList("interactive.action.buttons.type"));

        String tap = fixture("whatsapp/button-reply.json", Map.of("PHONE_NUMBER_ID", phoneNumberId, "WA_ID", "15550004444",
                "NAME", "Ada", "WAMID", "wamid.tap", "REPLY_ID", "option-2", "TITLE", "Support"));
        channel.post(tap, "application/json", Map.of("X-Hub-Signature-256", metaSignature(appSecret, tap))).then().statusCode(200);
        assertTrue(ws.api().get("/api/v1/contacts/+15550004444").then().statusCode(200).extract().jsonPath()
                .getList("tags").contains("Support"));
        assertEquals(List.of("How can we help?\n1. Sales\n2. Support\n3. Billing"),
                ws.messages("+15550004444").getList("messages.findAll { it.direction == 'outgoing' }.text"),
                "the inbox shows the options");
    }

    @Test
    void onWhatsAppMoreOptionsAreAList() {
        String appSecret = "whatsapp-app-secret-1234";
        String phoneNumberId = "106540352242944";
        PlatformChannel channel = PlatformChannel.connect(ws, "whatsapp", Map.of("phoneNumberId", phoneNumberId,
                "accessToken", "EAAG-whatsapp-access-token-5678", "appSecret", appSecret, "verifyToken", "verify-me"));
        PlatformRequests.reset();
        ws.publish(menu(List.of("Sales", "Support", "Billing", "Returns", "Something else")));
        String hi = fixture("whatsapp/text-message.json", Map.of("PHONE_NUMBER_ID", phoneNumberId, "WA_ID", "15550005555",
                "NAME", "Bo", "WAMID", "wamid.hi", "TEXT", "Hi"));
        channel.post(hi, "application/json", Map.of("X-Hub-Signature-256", metaSignature(appSecret, hi))).then().statusCode(200);

        JsonPath sent = JsonPath.from((String) PlatformRequests.only().get("body"));
        assertEquals("list", sent.getString("interactive.type"));
        assertEquals("Choose", sent.getString("interactive.action.button"));
        assertEquals(List.of("Sales", "Support", "Billing", "Returns", "Something else"),
                sent.getList("interactive.action.sections[0].rows.title"));
    }

    @Test
    void onTelegramTheOptionsAreAOneTimeKeyboard() {
        String secret = "telegram-secret_token-123";
        PlatformChannel bot = PlatformChannel.connect(ws, "telegram", Map.of("botToken",
                "123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11", "secretToken", secret));
        PlatformRequests.reset();
        ws.publish(menu(List.of("Sales", "Support")));
        bot.post(fixture("telegram/text-message.json", Map.of("MESSAGE_ID", "1", "CHAT_ID", "999888777", "TEXT", "Hi")),
                "application/json", Map.of("X-Telegram-Bot-Api-Secret-Token", secret)).then().statusCode(200);

        JsonPath sent = JsonPath.from((String) PlatformRequests.only().get("body"));
        assertEquals("How can we help?", sent.getString("text"));
        assertEquals(true, sent.getBoolean("reply_markup.one_time_keyboard"));
        assertEquals(List.of(List.of(Map.of("text", "Sales")), List.of(Map.of("text", "Support"))),
                sent.getList("reply_markup.keyboard"));
    }

    @Test
    void onMessengerTheOptionsAreQuickReplies() {
        String appSecret = "messenger-app-secret-9876";
        String pageId = "101010101010101";
        PlatformChannel page = PlatformChannel.connect(ws, "messenger", Map.of("pageId", pageId, "pageAccessToken",
                "EAAB-page-access-token-4321", "appSecret", appSecret, "verifyToken", "page-verify-token",
                "appId", "424242424242"));
        PlatformRequests.reset();
        ws.publish(menu(List.of("Sales", "Support")));
        String hi = fixture("messenger/text-message.json", Map.of("PAGE_ID", pageId, "PSID", "1254459154682919",
                "MID", "m_1", "TEXT", "Hi"));
        page.post(hi, "application/json", Map.of("X-Hub-Signature-256", metaSignature(appSecret, hi))).then().statusCode(200);

        JsonPath sent = JsonPath.from((String) PlatformRequests.only().get("body"));
        assertEquals("How can we help?", sent.getString("message.text"));
        assertEquals(List.of("Sales", "Support"), sent.getList("message.quick_replies.title"));
        assertEquals(List.of("text", "text"), sent.getList("message.quick_replies.content_type"));
    }

    /**
     * developers.line.biz/en/reference/messaging-api/#quick-reply: a message's "quickReply": {"items": [{"type":
     * "action", "action": {"type": "message", "label", "text"}}]}, up to 13 items, labels up to 20 characters;
     * a tap sends the action's text as the user's message.
     */
    @Test
    void onLineTheOptionsAreQuickRepliesAndATapAnswers() {
        String secret = "line-channel-secret-abcdef";
        String user = "U4af4980629a0b5a1f0b1c2d3e4f5a6b8";
        PlatformChannel channel = PlatformChannel.connect(ws, "line", Map.of("channelSecret", secret,
                "channelAccessToken", "line-long-lived-access-token-WXYZ"));
        PlatformRequests.reset();
        ws.publish(menu(List.of("Sales", "Support")));
        for (String[] message : List.of(new String[] {"46878957789826001", "Hi"},
                new String[] {"46878957789826002", "Support"})) {
            String body = fixture("line/text-message.json", Map.of("MESSAGE_ID", message[0], "USER_ID", user,
                    "TEXT", message[1]));
            channel.post(body, "application/json", Map.of("X-Line-Signature", PlatformChannel.base64Sha256(secret, body)))
                    .then().statusCode(200);
        }

        assertEquals(Map.of("to", user, "messages", List.of(Map.of("type", "text", "text", "How can we help?",
                "quickReply", Map.of("items", List.of(
                        Map.of("type", "action", "action", Map.of("type", "message", "label", "Sales", "text", "Sales")),
                        Map.of("type", "action", "action", Map.of("type", "message", "label", "Support",
                                "text", "Support"))))))),
                JsonPath.from((String) PlatformRequests.only().get("body")).getMap("$"));
        assertTrue(ws.api().get("/api/v1/contacts/" + user).then().statusCode(200).extract().jsonPath()
                .getList("tags").contains("Support"));
    }

    /**
     * developers.viber.com/docs/tools/keyboards: "keyboard": {"Type": "keyboard", "Buttons": [{"ActionType":
     * "reply", "ActionBody", "Text"}]} attached to the message; a "reply" button sends its ActionBody as the
     * user's message.
     */
    @Test
    void onViberTheOptionsAreAKeyboardAndATapAnswers() {
        String token = "445da6az1s345z78-dazcczb2542zv51a-e0vc5fva17480im8";
        PlatformChannel bot = PlatformChannel.connect(ws, "viber", Map.of("authToken", token, "senderName", "Acme"));
        PlatformRequests.reset();
        ws.publish(menu(List.of("Sales", "Support")));
        for (String[] message : List.of(new String[] {"4912661846655238001", "Hi"},
                new String[] {"4912661846655238002", "Sales"})) {
            String body = fixture("viber/message.json", Map.of("TOKEN", message[0], "SENDER_ID", "09876543210B=",
                    "TEXT", message[1]));
            bot.post(body, "application/json", Map.of("X-Viber-Content-Signature", PlatformChannel.hexSha256(token, body)))
                    .then().statusCode(200);
        }

        JsonPath sent = JsonPath.from((String) PlatformRequests.only().get("body"));
        assertEquals("text", sent.getString("type"));
        assertEquals("How can we help?", sent.getString("text"));
        assertEquals("keyboard", sent.getString("keyboard.Type"));
        assertEquals(List.of(Map.of("Columns", 6, "Rows", 1, "ActionType", "reply", "ActionBody", "Sales", "Text", "Sales",
                        "TextSize", "regular"), Map.of("Columns", 6, "Rows", 1, "ActionType", "reply",
                        "ActionBody", "Support", "Text", "Support", "TextSize", "regular")),
                sent.getList("keyboard.Buttons"));
        assertTrue(ws.api().get("/api/v1/contacts/09876543210B=").then().statusCode(200).extract().jsonPath()
                .getList("tags").contains("Sales"));
    }
}
