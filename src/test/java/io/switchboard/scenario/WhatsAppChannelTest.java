package io.switchboard.scenario;

import static io.restassured.RestAssured.given;
import static io.switchboard.support.PlatformChannel.fixture;
import static io.switchboard.support.PlatformChannel.metaSignature;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.switchboard.support.DynamoDbLocalResource;
import io.switchboard.support.FakePlatforms;
import io.switchboard.support.PlatformChannel;
import io.switchboard.support.PlatformRequests;
import io.switchboard.support.PrometheusText;
import io.switchboard.support.Workflows;
import io.switchboard.support.Workspace;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A WhatsApp Cloud API number connected as a channel: Meta's webhooks in, the Cloud API out. */
@QuarkusTest
@QuarkusTestResource(DynamoDbLocalResource.class)
@QuarkusTestResource(FakePlatforms.class)
class WhatsAppChannelTest {

    static final String APP_SECRET = "whatsapp-app-secret-1234";
    static final String PHONE_NUMBER_ID = "106540352242922";
    static final String CONTACT = "15550001111";

    Workspace ws;
    PlatformChannel channel;

    @BeforeEach
    void connectWhatsApp() {
        ws = Workspace.create().user("alice", true).user("bob", true).team("support", "alice", "bob");
        ws.publish(Workflows.promptTransfer("alice", "support", "round_robin", "PT15M"));
        channel = PlatformChannel.connect(ws, "whatsapp", Map.of("phoneNumberId", PHONE_NUMBER_ID,
                "accessToken", "EAAG-whatsapp-access-token-5678", "appSecret", APP_SECRET,
                "verifyToken", "verify-me-please"));
        PlatformRequests.reset();
    }

    static String textMessage(String wamid, String text) {
        return fixture("whatsapp/text-message.json", Map.of("PHONE_NUMBER_ID", PHONE_NUMBER_ID, "WA_ID", CONTACT,
                "NAME", "Ada Lovelace", "WAMID", wamid, "TEXT", text));
    }

    JsonPath deliver(String body) {
        return channel.post(body, "application/json", Map.of("X-Hub-Signature-256", metaSignature(APP_SECRET, body)))
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void answersMetasVerificationHandshakeWithTheChallenge() {
        given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", "verify-me-please")
                .queryParam("hub.challenge", "1158201444").get(channel.path())
                .then().statusCode(200).contentType("text/plain").body(equalTo("1158201444"));
        given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", "wrong")
                .queryParam("hub.challenge", "1158201444").get(channel.path())
                .then().statusCode(403);
    }

    @Test
    void aContactMessageOpensAConversationAndFiresTheWorkflow() {
        assertEquals(1, deliver(textMessage("wamid.HBgLMTU1NTAwMDExMTEVAgASGBQzQUNB", "Where is my order?"))
                .getInt("accepted"));

        JsonPath conversation = ws.conversation("+" + CONTACT);
        assertEquals("alice", conversation.getString("assignee.id"));
        assertEquals(channel.id, conversation.getString("channelId"));
        assertEquals("Ada Lovelace", conversation.getString("contactName"));
        assertEquals("Where is my order?", ws.messages("+" + CONTACT).getString("messages[0].text"));
    }

    @Test
    void acknowledgesOnceRecordedWithoutCallingThePlatform() {
        int n = 40;
        long[] millis = new long[n];
        for (int i = 0; i < n; i++) {
            String body = fixture("whatsapp/text-message.json", Map.of("PHONE_NUMBER_ID", PHONE_NUMBER_ID,
                    "WA_ID", "1555100" + String.format("%04d", i), "NAME", "Contact " + i, "WAMID", "wamid.bench-" + i,
                    "TEXT", "Hello"));
            long start = System.nanoTime();
            deliver(body);
            millis[i] = (System.nanoTime() - start) / 1_000_000;
        }
        java.util.Arrays.sort(millis);
        System.out.printf("WhatsApp webhook, new conversation + workflow trigger, %d deliveries against DynamoDB Local: "
                + "p50 %d ms, p95 %d ms, max %d ms%n", n, millis[n / 2], millis[(int) (n * 0.95)], millis[n - 1]);
        assertEquals(List.of(), PlatformRequests.recorded(), "no outbound call inside an inbound webhook");
    }

    @Test
    void aForgedOrMissingSignatureIsRefusedAndStoresNothing() {
        String body = textMessage("wamid.forged", "Hi");
        channel.post(body, "application/json", Map.of("X-Hub-Signature-256", metaSignature("not-the-secret", body)))
                .then().statusCode(401).body("error", equalTo("unauthorized"));
        channel.post(body, "application/json", Map.of()).then().statusCode(401);
        ws.api().get("/api/v1/contacts/+" + CONTACT + "/conversation").then().statusCode(404);
    }

    @Test
    void aRedeliveredWebhookChangesNothing() {
        String body = textMessage("wamid.retried", "Hello");
        deliver(body);
        JsonPath again = deliver(body);
        assertEquals(0, again.getInt("accepted"));
        assertEquals(1, again.getInt("unchanged"));
        assertEquals(1, ws.messages("+" + CONTACT).getList("messages").size());
        assertEquals(1, ws.runs("+" + CONTACT).getList("runs").size());
    }

    @Test
    void mediaLocationsContactsAndUnknownTypesBecomeReadableMessages() {
        deliver(fixture("whatsapp/media-location-contacts-unknown.json", Map.of("PHONE_NUMBER_ID", PHONE_NUMBER_ID,
                "WA_ID", CONTACT, "NAME", "Ada")));
        JsonPath messages = ws.messages("+" + CONTACT);
        assertEquals(List.of("[image]", "[location 52.1,4.3 Office]", "[contact Grace Hopper +1 555 010 2030]",
                "[unsupported message]", "Invoice"), messages.getList("messages.text"));
        assertEquals(Map.of("kind", "image", "reference", "1003383421387256", "mimeType", "image/jpeg"),
                messages.getMap("messages[0].attachment"));
        assertEquals("file", messages.getString("messages[4].attachment.kind"));
    }

    @Test
    void changesForAnotherPhoneNumberOfTheAppAreIgnored() {
        String body = textMessage("wamid.other", "Hi").replace(PHONE_NUMBER_ID, "999999999");
        assertEquals(1, deliver(body).getInt("ignored"));
        ws.api().get("/api/v1/contacts/+" + CONTACT + "/conversation").then().statusCode(404);
    }

    @Test
    void anAgentReplyGoesOutThroughTheCloudApiAndItsStatusesAreRecorded() {
        deliver(textMessage("wamid.first", "Hi"));
        ws.agentReplies("+" + CONTACT, "alice", "Hello Ada, how can I help?");

        Map<String, Object> sent = PlatformRequests.only();
        assertEquals("POST", sent.get("method"));
        assertEquals("/graph/v21.0/" + PHONE_NUMBER_ID + "/messages", sent.get("path"));
        assertEquals("Bearer EAAG-whatsapp-access-token-5678", PlatformRequests.header(sent, "authorization"));
        assertEquals(Map.of("messaging_product", "whatsapp", "recipient_type", "individual", "to", CONTACT,
                "type", "text", "text", Map.of("preview_url", false, "body", "Hello Ada, how can I help?")),
                JsonPath.from((String) sent.get("body")).getMap("$"));

        String wamid = "wamid.HBgLMTU1NTAwMDExMTEVAgARGBI1RjQyNUE3NEYxMzAzMzQ5MkEA";
        for (String status : List.of("delivered", "read", "sent", "read")) {
            deliver(fixture("whatsapp/status.json", Map.of("PHONE_NUMBER_ID", PHONE_NUMBER_ID, "WA_ID", CONTACT,
                    "WAMID", wamid, "STATUS", status)));
        }
        JsonPath reply = ws.messages("+" + CONTACT);
        assertEquals(wamid, reply.getString("messages[1].platformMessageId"));
        assertEquals("read", reply.getString("messages[1].status"), "a late 'sent' never hides 'read'");
        assertEquals(2, reply.getList("messages").size(), "statuses never add messages");
    }

    @Test
    void aStatusForAnUnknownMessageOpensNothing() {
        assertEquals(1, deliver(fixture("whatsapp/status.json", Map.of("PHONE_NUMBER_ID", PHONE_NUMBER_ID,
                "WA_ID", CONTACT, "WAMID", "wamid.unknown", "STATUS", "delivered"))).getInt("unchanged"));
        ws.api().get("/api/v1/contacts/+" + CONTACT + "/conversation").then().statusCode(404);
    }

    @Test
    void aReplyOutsideTheCustomerServiceWindowIsReportedAndNotRecorded() {
        deliver(textMessage("wamid.old", "Hi"));
        PlatformRequests.answerNext(400, """
                {"error":{"message":"(#131047) Re-engagement message","type":"OAuthException","code":131047,
                 "error_data":{"messaging_product":"whatsapp","details":"Message failed to send because more than 24 hours have passed since the customer last replied to this number."},
                 "fbtrace_id":"AbCdEfGh"}}""", Map.of());
        ws.api().body(Map.of("userId", "alice", "text", "Still there?"))
                .post("/api/v1/contacts/+" + CONTACT + "/messages")
                .then().statusCode(422).body("error", equalTo("outside_messaging_window"));
        assertNull(ws.conversation("+" + CONTACT).getString("lastOutgoingAt"));
        assertEquals(1, PlatformRequests.recorded().size(), "a refused message is not retried");
    }

    @Test
    void aRateLimitedSendIsRetriedAfterTheWaitThePlatformAsks() {
        deliver(textMessage("wamid.busy", "Hi"));
        PlatformRequests.answerNext(429, "{\"error\":{\"message\":\"(#130429) Rate limit hit\",\"code\":130429}}",
                Map.of("Retry-After", "0"));
        ws.agentReplies("+" + CONTACT, "alice", "Hi!");
        assertEquals(2, PlatformRequests.recorded().size());
    }

    @Test
    void aServerErrorIsNotRetriedBecauseWhatsAppMayHaveSentTheMessage() {
        deliver(textMessage("wamid.flaky", "Hi"));
        PlatformRequests.answerNext(500, "{\"error\":{\"message\":\"An unknown error occurred\",\"code\":1}}", Map.of());
        ws.api().body(Map.of("userId", "alice", "text", "Hi!")).post("/api/v1/contacts/+" + CONTACT + "/messages")
                .then().statusCode(502).body("error", equalTo("platform_unavailable"));
        assertEquals(1, PlatformRequests.recorded().size());
    }

    @Test
    void theSameReplyDeliveredConcurrentlyIsSentOnce() throws Exception {
        deliver(textMessage("wamid.twice", "Hi"));
        java.util.List<Integer> statuses = ExactlyOnceTest.concurrently(5, () -> ws.api()
                .body(Map.of("userId", "alice", "text", "Hello once", "messageId", "reply-42"))
                .post("/api/v1/contacts/+" + CONTACT + "/messages").statusCode());
        assertEquals(java.util.Set.of(201), java.util.Set.copyOf(statuses));
        assertEquals(1, PlatformRequests.recorded().size(), "one request reached WhatsApp");
        assertEquals(2, ws.messages("+" + CONTACT).getList("messages").size());
    }

    @Test
    void aRefusedReplyCanBeRetriedWithTheSameId() {
        deliver(textMessage("wamid.retry", "Hi"));
        PlatformRequests.answerNext(500, "{\"error\":{\"message\":\"An unknown error occurred\",\"code\":1}}", Map.of());
        ws.api().body(Map.of("userId", "alice", "text", "Hi!", "messageId", "reply-7"))
                .post("/api/v1/contacts/+" + CONTACT + "/messages").then().statusCode(502);
        ws.api().body(Map.of("userId", "alice", "text", "Hi!", "messageId", "reply-7"))
                .post("/api/v1/contacts/+" + CONTACT + "/messages").then().statusCode(201);
        assertEquals(2, PlatformRequests.recorded().size());
        assertEquals(2, ws.messages("+" + CONTACT).getList("messages").size());
    }

    @Test
    void anAgentsReplyReadsTheContactOnceAndNotItsMessageBeforeWritingIt() {
        deliver(textMessage("wamid.reads", "Hi"));
        // a first reply: this process now holds the API key's workspace and the agent, as a busy one does
        ws.api().body(Map.of("userId", "alice", "text", "Hi!", "messageId", "reply-first"))
                .post("/api/v1/contacts/+" + CONTACT + "/messages").then().statusCode(201);
        double reads = PrometheusText.dynamoDbRequests("GetItem");

        ws.api().body(Map.of("userId", "alice", "text", "Anything else?", "messageId", "reply-reads"))
                .post("/api/v1/contacts/+" + CONTACT + "/messages").then().statusCode(201);

        // the contact and its WhatsApp address; the message is written with a condition, not read first
        // (a reply used to read the contact twice and the message once more)
        assertEquals(2, PrometheusText.dynamoDbRequests("GetItem") - reads, "items read for one reply");
        assertEquals(2, PlatformRequests.recorded().size(), "both replies reached WhatsApp");
        assertEquals(3, ws.messages("+" + CONTACT).getList("messages").size());
    }
}
