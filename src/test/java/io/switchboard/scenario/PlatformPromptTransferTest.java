package io.switchboard.scenario;

import static io.switchboard.support.PlatformChannel.fixture;
import static io.switchboard.support.PlatformChannel.metaSignature;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.support.DynamoDbLocalResource;
import io.switchboard.support.FakePlatforms;
import io.switchboard.support.MutableClock;
import io.switchboard.support.PlatformChannel;
import io.switchboard.support.Workflows;
import io.switchboard.support.Workspace;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The headline recipe, "How to Promptly Transfer Conversation Between Agents", with real platform
 * traffic: the contact writes on WhatsApp or Messenger, and Alice answers from the platform's own app,
 * which Switchboard sees only as an echo. The echo is a reply, so nobody takes the conversation over.
 */
@QuarkusTest
@QuarkusTestResource(DynamoDbLocalResource.class)
@QuarkusTestResource(FakePlatforms.class)
class PlatformPromptTransferTest {

    static final String APP_SECRET = "shared-meta-app-secret-42";

    @Inject
    MutableClock clock;

    Workspace ws;
    PlatformChannel whatsapp;
    PlatformChannel messenger;

    @BeforeEach
    void supportTeamOnWhatsAppAndMessenger() {
        ws = Workspace.create().user("alice", true).user("bob", true).user("carol", false)
                .team("support", "alice", "bob", "carol");
        ws.publish(Workflows.promptTransfer("alice", "support", "round_robin", "PT15M"));
        whatsapp = PlatformChannel.connect(ws, "whatsapp", Map.of("phoneNumberId", "106540352242922",
                "accessToken", "EAAG-token-for-whatsapp", "appSecret", APP_SECRET, "verifyToken", "v-token-1"));
        messenger = PlatformChannel.connect(ws, "messenger", Map.of("pageId", "101010101010101",
                "pageAccessToken", "EAAB-token-for-the-page", "appSecret", APP_SECRET, "verifyToken", "v-token-2"));
    }

    void deliver(PlatformChannel channel, String body) {
        channel.post(body, "application/json", Map.of("X-Hub-Signature-256", metaSignature(APP_SECRET, body)))
                .then().statusCode(200);
    }

    void whatsAppContactWrites(String waId, String wamid) {
        deliver(whatsapp, fixture("whatsapp/text-message.json", Map.of("PHONE_NUMBER_ID", "106540352242922",
                "WA_ID", waId, "NAME", "Ada", "WAMID", wamid, "TEXT", "My order is late")));
    }

    void messengerContactWrites(String psid, String mid) {
        deliver(messenger, fixture("messenger/text-message.json", Map.of("PAGE_ID", "101010101010101", "PSID", psid,
                "MID", mid, "TEXT", "My order is late")));
    }

    void messengerEcho(String psid, String mid) {
        deliver(messenger, fixture("messenger/echo.json", Map.of("PAGE_ID", "101010101010101", "PSID", psid,
                "MID", mid, "TEXT", "Hi, checking now", "APP_ID", "263902037430900", "METADATA", "")));
    }

    @Test
    void aWhatsAppContactNobodyAnswersIsReassigned() {
        whatsAppContactWrites("15550002222", "wamid.nobody-answers");
        assertEquals("alice", ws.assignee("+15550002222"));
        clock.advance(Duration.ofMinutes(16));
        Workspace.sweep();
        assertEquals("bob", ws.assignee("+15550002222"));
    }

    @Test
    void aReplyFromTheWhatsAppBusinessAppPreventsTheReassignment() {
        whatsAppContactWrites("15550003333", "wamid.answered");
        clock.advance(Duration.ofMinutes(5));
        deliver(whatsapp, fixture("whatsapp/smb-message-echo.json", Map.of("PHONE_NUMBER_ID", "106540352242922",
                "WA_ID", "15550003333", "WAMID", "wamid.echo-from-the-app", "TEXT", "Hi Ada, checking now")));
        clock.advance(Duration.ofMinutes(11));
        Workspace.sweep();
        assertEquals("alice", ws.assignee("+15550003333"));
        assertEquals(List.of(), ws.conversation("+15550003333").getList("comments"));
    }

    @Test
    void aMessengerEchoAsTheAgentsReplyPreventsTheReassignment() {
        messengerContactWrites("2233445566778899", "m_headline-1");
        clock.advance(Duration.ofMinutes(5));
        messengerEcho("2233445566778899", "m_headline-echo");
        clock.advance(Duration.ofMinutes(11));
        Workspace.sweep();

        assertEquals("alice", ws.assignee("2233445566778899"));
        var branch = ws.runs("2233445566778899").getList("runs[0].history", Map.class).get(3);
        assertEquals("took else", branch.get("outcome"), "the Branch saw the echo as the last outgoing message");
    }

    @Test
    void aMessengerEchoCountsAsTheReplyToAWhatsAppConversationOfTheSameContact() {
        whatsAppContactWrites("15550004444", "wamid.cross-channel");
        assertEquals("alice", ws.assignee("+15550004444"));
        ws.api().body(Map.of("channelId", messenger.id, "externalId", "4455667788990011"))
                .post("/api/v1/contacts/+15550004444/channels").then().statusCode(201);
        ws.api().body(Map.of("channelId", messenger.id, "externalId", "4455667788990011"))
                .post("/api/v1/contacts/+15550009999/channels").then().statusCode(404);

        clock.advance(Duration.ofMinutes(5));
        messengerEcho("4455667788990011", "m_cross-channel-echo");
        clock.advance(Duration.ofMinutes(11));
        Workspace.sweep();

        assertEquals("alice", ws.assignee("+15550004444"), "Alice answered on Messenger: nobody takes over");
        assertEquals(List.of(), ws.conversation("+15550004444").getList("comments"));
        assertEquals("took else", ws.runs("+15550004444").getList("runs[0].history", Map.class).get(3).get("outcome"));
        ws.api().get("/api/v1/contacts/4455667788990011/conversation").then().statusCode(404);
    }

    @Test
    void anIdentityLinkedToOneContactCannotBeLinkedToAnother() {
        whatsAppContactWrites("15550005555", "wamid.first");
        whatsAppContactWrites("15550006666", "wamid.second");
        ws.api().body(Map.of("channelId", messenger.id, "externalId", "5566778899001122"))
                .post("/api/v1/contacts/+15550005555/channels").then().statusCode(201);
        ws.api().body(Map.of("channelId", messenger.id, "externalId", "5566778899001122"))
                .post("/api/v1/contacts/+15550006666/channels").then().statusCode(409);
        ws.api().body(Map.of("channelId", "ch_elsewhere", "externalId", "1"))
                .post("/api/v1/contacts/+15550006666/channels").then().statusCode(400);
    }

    @Test
    void aRepeatedEchoAfterTheWaitDoesNotCountAsANewReply() {
        messengerContactWrites("3344556677889900", "m_headline-2");
        clock.advance(Duration.ofMinutes(5));
        messengerEcho("3344556677889900", "m_headline-echo-2");
        String firstReply = ws.conversation("3344556677889900").getString("lastOutgoingAt");
        clock.advance(Duration.ofMinutes(5));
        messengerEcho("3344556677889900", "m_headline-echo-2");
        assertEquals(firstReply, ws.conversation("3344556677889900").getString("lastOutgoingAt"));
    }
}
