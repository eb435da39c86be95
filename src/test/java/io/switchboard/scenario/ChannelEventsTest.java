package io.switchboard.scenario;

import static io.switchboard.support.PlatformChannel.fixture;
import static io.switchboard.support.PlatformChannel.metaSignature;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.switchboard.support.DynamoDbLocalResource;
import io.switchboard.support.FakePlatforms;
import io.switchboard.support.PlatformChannel;
import io.switchboard.support.Workflows;
import io.switchboard.support.Workspace;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Platform events that are not new messages, and messages that carry several things, as Meta's
 * webhook references define them: an edit changes the original and opens nothing; a number change, an
 * removed reaction are acknowledged and dropped, an unsupported message is shown only in an open conversation; every shared contact and
 * every image is kept.
 */
@QuarkusTest
@QuarkusTestResource(DynamoDbLocalResource.class)
@QuarkusTestResource(FakePlatforms.class)
class ChannelEventsTest {

    static final String APP_SECRET = "events-app-secret";
    static final String PHONE_NUMBER_ID = "106540352242922";
    static final String PAGE_ID = "101010101010101";
    static final String CONTACT = "16505551234";

    Workspace ws;
    PlatformChannel whatsapp;
    PlatformChannel messenger;

    @BeforeEach
    void channels() {
        ws = Workspace.create().user("alice", true).user("bob", true).team("support", "alice", "bob");
        ws.publish(Workflows.promptTransfer("alice", "support", "round_robin", "PT15M"));
        whatsapp = PlatformChannel.connect(ws, "whatsapp", Map.of("phoneNumberId", PHONE_NUMBER_ID,
                "accessToken", "EAAG-events", "appSecret", APP_SECRET, "verifyToken", "v"));
        messenger = PlatformChannel.connect(ws, "messenger", Map.of("pageId", PAGE_ID, "pageAccessToken", "EAAB-events",
                "appSecret", APP_SECRET, "verifyToken", "v", "appId", "424242424242"));
    }

    JsonPath deliver(PlatformChannel channel, String body) {
        return channel.post(body, "application/json", Map.of("X-Hub-Signature-256", metaSignature(APP_SECRET, body)))
                .then().statusCode(200).extract().jsonPath();
    }

    String whatsAppText(String wamid, String text) {
        return fixture("whatsapp/text-message.json", Map.of("PHONE_NUMBER_ID", PHONE_NUMBER_ID, "WA_ID", CONTACT,
                "NAME", "Sheena Nelson", "WAMID", wamid, "TEXT", text));
    }

    String nonMessages(String originalWamid, String editedText) {
        return fixture("whatsapp/edit-system-unsupported-reaction-removed.json", Map.of("PHONE_NUMBER_ID", PHONE_NUMBER_ID,
                "WA_ID", CONTACT, "WAMID", originalWamid, "TEXT", editedText));
    }

    @Test
    void anEditChangesTheOriginalMessageAndTheOtherNonMessagesAreDropped() {
        deliver(whatsapp, whatsAppText("wamid.ORIG1", "Where is my order?"));
        JsonPath result = deliver(whatsapp, nonMessages("wamid.ORIG1", "Where is my order #1001?"));
        assertEquals(2, result.getInt("accepted"), "the edit, and the unsupported message shown in the conversation");
        assertEquals(2, result.getInt("ignored"), "the number change and the removed reaction");
        assertEquals(List.of("Where is my order #1001?", "[unsupported message]"),
                ws.messages("+" + CONTACT).getList("messages.text"));
        assertEquals(1, ws.runs("+" + CONTACT).getList("runs").size(), "nothing started another run");
    }

    @Test
    void anEditOrAnUnsupportedMessageWithoutAConversationOpensNone() {
        JsonPath result = deliver(whatsapp, nonMessages("wamid.NEVER-SEEN", "edited"));
        assertEquals(0, result.getInt("accepted"));
        ws.api().get("/api/v1/contacts/+" + CONTACT + "/conversation").then().statusCode(404);
    }

    @Test
    void everySharedContactOfAWhatsAppMessageIsKept() {
        deliver(whatsapp, fixture("whatsapp/three-contacts.json", Map.of("PHONE_NUMBER_ID", PHONE_NUMBER_ID,
                "WA_ID", CONTACT, "WAMID", "wamid.CONTACTS1")));
        JsonPath messages = ws.messages("+" + CONTACT);
        assertEquals(List.of("+16505551234", "+16505552345", "+16505553456"),
                messages.getList("messages.attachment.reference"));
        assertEquals(3, messages.getList("messages.text").stream().filter(t -> t.toString().startsWith("[contact")).count());
        // a redelivery finds every part
        assertEquals(3, deliver(whatsapp, fixture("whatsapp/three-contacts.json", Map.of("PHONE_NUMBER_ID", PHONE_NUMBER_ID,
                "WA_ID", CONTACT, "WAMID", "wamid.CONTACTS1"))).getInt("unchanged"));
    }

    @Test
    void everyImageOfAMessengerMessageIsKeptWithTheTextOnTheFirst() {
        deliver(messenger, fixture("messenger/two-images.json", Map.of("PAGE_ID", PAGE_ID, "PSID", "7001",
                "MID", "m_two", "TEXT", "Both broken")));
        JsonPath messages = ws.messages("7001");
        assertEquals(List.of("https://scontent.xx.fbcdn.net/v/t1.15752-9/first.jpg",
                "https://scontent.xx.fbcdn.net/v/t1.15752-9/second.jpg"), messages.getList("messages.attachment.reference"));
        assertEquals(List.of("Both broken", "[image]"), messages.getList("messages.text"));
    }
}
