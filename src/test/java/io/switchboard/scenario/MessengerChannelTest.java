package io.switchboard.scenario;

import static io.restassured.RestAssured.given;
import static io.switchboard.support.PlatformChannel.fixture;
import static io.switchboard.support.PlatformChannel.metaSignature;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

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
import org.junit.jupiter.api.Test;

/** A Facebook page and an Instagram account connected as channels: Meta's webhooks in, the Send API out. */
@QuarkusTest
@QuarkusTestResource(DynamoDbLocalResource.class)
@QuarkusTestResource(FakePlatforms.class)
class MessengerChannelTest {

    static final String APP_SECRET = "messenger-app-secret-9876";
    static final String PAGE_ID = "101010101010101";
    static final String PSID = "1254459154682919";

    Workspace ws;
    PlatformChannel page;

    @BeforeEach
    void connectPage() {
        ws = Workspace.create().user("alice", true).user("bob", true).team("support", "alice", "bob");
        ws.publish(Workflows.promptTransfer("alice", "support", "round_robin", "PT15M"));
        page = PlatformChannel.connect(ws, "messenger", Map.of("pageId", PAGE_ID, "pageAccessToken",
                "EAAB-page-access-token-4321", "appSecret", APP_SECRET, "verifyToken", "page-verify-token",
                "appId", "424242424242"));
        PlatformRequests.reset();
    }

    JsonPath deliver(PlatformChannel channel, String body) {
        return channel.post(body, "application/json", Map.of("X-Hub-Signature-256", metaSignature(APP_SECRET, body)))
                .then().statusCode(200).extract().jsonPath();
    }

    static String message(String mid, String text) {
        return fixture("messenger/text-message.json", Map.of("PAGE_ID", PAGE_ID, "PSID", PSID, "MID", mid, "TEXT", text));
    }

    static String echo(String mid, String text, String appId, String metadata) {
        return fixture("messenger/echo.json", Map.of("PAGE_ID", PAGE_ID, "PSID", PSID, "MID", mid, "TEXT", text,
                "APP_ID", appId, "METADATA", metadata == null ? "" : "\"metadata\": \"" + metadata + "\","));
    }

    @Test
    void answersTheVerificationHandshake() {
        given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", "page-verify-token")
                .queryParam("hub.challenge", "CHALLENGE_ACCEPTED").get(page.path())
                .then().statusCode(200).body(equalTo("CHALLENGE_ACCEPTED"));
        given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", "nope")
                .queryParam("hub.challenge", "x").get(page.path()).then().statusCode(403);
    }

    @Test
    void aContactMessageOpensAConversationAndFiresTheWorkflow() {
        deliver(page, message("m_AG5Hz2Uq7tuwNEhXfYYKj8mJEM_QPpz5jdCK48PnKAjSdjfipqxqMvK8ma6AC8fplwlqLP_5cgXIbu7I3rBN0P", "Hi"));
        assertEquals("alice", ws.assignee(PSID));
        assertEquals(page.id, ws.conversation(PSID).getString("channelId"));
    }

    @Test
    void aForgedSignatureIsRefusedAndStoresNothing() {
        String body = message("m_forged", "Hi");
        page.post(body, "application/json", Map.of("X-Hub-Signature-256", "sha256=" + "0".repeat(64)))
                .then().statusCode(401);
        ws.api().get("/api/v1/contacts/" + PSID + "/conversation").then().statusCode(404);
    }

    @Test
    void aRedeliveryAndARepeatedEchoChangeNothing() {
        deliver(page, message("m_1", "Hi"));
        deliver(page, message("m_1", "Hi"));
        deliver(page, echo("m_echo-1", "Hello from the Page inbox", "263902037430900", null));
        assertEquals(1, deliver(page, echo("m_echo-1", "Hello from the Page inbox", "263902037430900", null))
                .getInt("unchanged"));
        JsonPath messages = ws.messages(PSID);
        assertEquals(List.of("incoming", "outgoing"), messages.getList("messages.direction"));
    }

    @Test
    void anEchoOfAReplyWrittenInMetasInboxCountsAsAnOutgoingMessage() {
        deliver(page, message("m_2", "Hi"));
        assertEquals(null, ws.conversation(PSID).getString("lastOutgoingAt"));
        deliver(page, echo("m_echo-2", "On it!", "263902037430900", null));
        assertNotNull(ws.conversation(PSID).getString("lastOutgoingAt"));
        assertEquals("On it!", ws.messages(PSID).getString("messages[1].text"));
    }

    @Test
    void theEchoOfOurOwnSendIsNotRecordedTwice() {
        deliver(page, message("m_3", "Hi"));
        ws.agentReplies(PSID, "alice", "Hello!");
        String sentMetadata = JsonPath.from((String) PlatformRequests.only().get("body")).getString("message.metadata");
        deliver(page, echo("m_sent-by-switchboard", "Hello!", "424242424242", sentMetadata));
        assertEquals(2, ws.messages(PSID).getList("messages").size());
    }

    @Test
    void attachmentsDeliveriesAndUnknownEventsAreReadSensibly() {
        deliver(page, message("m_4", "Hi"));
        ws.agentReplies(PSID, "alice", "Hello!");
        JsonPath result = deliver(page, fixture("messenger/attachments-delivery-read.json", Map.of("PAGE_ID", PAGE_ID,
                "PSID", PSID, "DELIVERED_MID", "m_sent-by-switchboard")));
        assertEquals(2, result.getInt("ignored"), "the read watermark and the reaction");
        JsonPath messages = ws.messages(PSID);
        assertEquals(List.of("Hi", "[image]", "[location 52.1,4.3 Pinned Location]", "[something_new message]",
                "Hello!"), messages.getList("messages.text"), "in the order they were written");
        assertEquals("delivered", messages.getString("messages.find { it.text == 'Hello!' }.status"));
    }

    @Test
    void anAgentReplyGoesOutThroughTheSendApi() {
        deliver(page, message("m_5", "Hi"));
        ws.agentReplies(PSID, "alice", "Hello Ada");
        Map<String, Object> sent = PlatformRequests.only();
        assertEquals("/graph/v21.0/me/messages", sent.get("path"));
        assertEquals("Bearer EAAB-page-access-token-4321", PlatformRequests.header(sent, "authorization"));
        JsonPath body = JsonPath.from((String) sent.get("body"));
        assertEquals(Map.of("id", PSID), body.getMap("recipient"));
        assertEquals("RESPONSE", body.getString("messaging_type"));
        assertEquals("Hello Ada", body.getString("message.text"));
        assertEquals("m_sent-by-switchboard", ws.messages(PSID).getString("messages[1].platformMessageId"));
    }

    @Test
    void aReplyOutsideTheMessagingWindowIsReported() {
        deliver(page, message("m_6", "Hi"));
        PlatformRequests.answerNext(400, """
                {"error":{"message":"(#10) This message is sent outside of allowed window.","type":"OAuthException",
                 "code":10,"error_subcode":2018278,"fbtrace_id":"Aa1Bb2"}}""", Map.of());
        ws.api().body(Map.of("userId", "alice", "text", "Late reply"))
                .post("/api/v1/contacts/" + PSID + "/messages")
                .then().statusCode(422).body("error", equalTo("outside_messaging_window"));
    }

    @Test
    void anInstagramAccountUsesTheSameFormat() {
        PlatformChannel instagram = PlatformChannel.connect(ws, "instagram", Map.of("accountId", "17841400000000000",
                "pageAccessToken", "EAAB-ig-page-token-0000", "appSecret", APP_SECRET, "verifyToken", "ig-verify"));
        String body = fixture("instagram/text-message.json", Map.of("ACCOUNT_ID", "17841400000000000",
                "IGSID", "6543210987654321", "MID", "aWdfZAG1faWQ", "TEXT", "Is this in stock?"));
        deliver(instagram, body);
        assertEquals("alice", ws.assignee("6543210987654321"));
        ws.agentReplies("6543210987654321", "alice", "Yes!");
        Map<String, Object> sent = PlatformRequests.only();
        assertEquals("/graph/v21.0/me/messages", sent.get("path"));
        assertEquals("Bearer EAAB-ig-page-token-0000", PlatformRequests.header(sent, "authorization"));
        assertEquals("6543210987654321", JsonPath.from((String) sent.get("body")).getString("recipient.id"));
        // a Messenger payload is not an Instagram one
        deliver(instagram, message("m_7", "Hi"));
        ws.api().get("/api/v1/contacts/" + PSID + "/conversation").then().statusCode(404);
    }
}
