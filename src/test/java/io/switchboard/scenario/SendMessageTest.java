package io.switchboard.scenario;

import static io.switchboard.support.PlatformChannel.fixture;
import static io.switchboard.support.PlatformChannel.metaSignature;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.switchboard.support.DynamoDbLocalResource;
import io.switchboard.support.FakePlatforms;
import io.switchboard.support.MutableClock;
import io.switchboard.support.PlatformChannel;
import io.switchboard.support.PlatformRequests;
import io.switchboard.support.Workspace;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Send a Message: a workflow writes to the contact through the channel of their conversation. */
@QuarkusTest
@QuarkusTestResource(DynamoDbLocalResource.class)
@QuarkusTestResource(FakePlatforms.class)
class SendMessageTest {

    static final String APP_SECRET = "whatsapp-app-secret-1234";
    static final String PHONE_NUMBER_ID = "106540352242933";
    static final String CONTACT = "15550002222";

    @Inject
    MutableClock clock;

    Workspace ws;
    PlatformChannel channel;

    @BeforeEach
    void connectWhatsApp() {
        ws = Workspace.create().user("alice", true);
        channel = PlatformChannel.connect(ws, "whatsapp", Map.of("phoneNumberId", PHONE_NUMBER_ID,
                "accessToken", "EAAG-whatsapp-access-token-5678", "appSecret", APP_SECRET,
                "verifyToken", "verify-me-please"));
        PlatformRequests.reset();
    }

    static String welcome(String wait) {
        return """
            {"name": "Welcome", "trigger": {"type": "conversation_opened"},
             "steps": [%s
               {"id": "greet", "type": "send_message", "text": "Hello $contact.name, we will answer shortly.",
                "onFailure": [{"id": "note", "type": "add_comment", "text": "Could not greet $contact.name"}]}]}
            """.formatted(wait == null ? "" : "{\"id\": \"wait\", \"type\": \"wait\", \"duration\": \"" + wait + "\"},");
    }

    void contactWrites(String wamid) {
        String body = fixture("whatsapp/text-message.json", Map.of("PHONE_NUMBER_ID", PHONE_NUMBER_ID, "WA_ID", CONTACT,
                "NAME", "Ada Lovelace", "WAMID", wamid, "TEXT", "Hi"));
        channel.post(body, "application/json", Map.of("X-Hub-Signature-256", metaSignature(APP_SECRET, body)))
                .then().statusCode(200);
    }

    @Test
    void theRenderedTextGoesOutThroughTheCloudApiAndIsRecordedAsTheWorkflows() {
        String workflowId = ws.publish(welcome(null));
        contactWrites("wamid.greet");

        Map<String, Object> sent = PlatformRequests.only();
        assertEquals("/graph/v21.0/" + PHONE_NUMBER_ID + "/messages", sent.get("path"));
        assertEquals(Map.of("messaging_product", "whatsapp", "recipient_type", "individual", "to", CONTACT,
                "type", "text", "text", Map.of("preview_url", false, "body", "Hello Ada Lovelace, we will answer shortly.")),
                JsonPath.from((String) sent.get("body")).getMap("$"));
        JsonPath messages = ws.messages("+" + CONTACT);
        assertEquals("outgoing", messages.getString("messages[1].direction"));
        assertEquals("workflow:" + workflowId, messages.getString("messages[1].author"));
        assertNotNull(ws.conversation("+" + CONTACT).getString("lastOutgoingAt"));
        assertEquals(List.of(), ws.conversation("+" + CONTACT).getList("comments"));
    }

    @Test
    void aSendRefusedOutsideTheMessagingWindowTakesTheFailurePath() {
        ws.publish(welcome(null));
        PlatformRequests.answerNext(400, """
                {"error":{"message":"(#131047) Re-engagement message","type":"OAuthException","code":131047,
                 "fbtrace_id":"AbCdEfGh"}}""", Map.of());
        contactWrites("wamid.refused");

        JsonPath conversation = ws.conversation("+" + CONTACT);
        assertEquals("Could not greet Ada Lovelace", conversation.getString("comments[0].text"));
        assertNull(conversation.getString("lastOutgoingAt"));
        assertEquals(1, ws.messages("+" + CONTACT).getList("messages").size(), "a refused message is not recorded");
        List<Map<String, Object>> history = ws.runs("+" + CONTACT).getList("runs[0].history");
        Map<String, Object> greet = history.stream().filter(h -> "send_message".equals(h.get("stepType"))).findFirst()
                .orElseThrow();
        assertEquals(true, ((String) greet.get("outcome")).startsWith("not sent"), greet.toString());
    }

    @Test
    void theSameStepResumedByConcurrentWakeUpsAndTheSweepSendsOnce() throws Exception {
        ws.publish(welcome("PT1M"));
        contactWrites("wamid.later");
        JsonPath run = ws.runs("+" + CONTACT);
        String runId = run.getString("runs[0].id");
        String token = run.getString("runs[0].wakeToken");
        clock.advance(Duration.ofMinutes(2));

        List<Thread> threads = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Thread t = new Thread(() -> ws.wakeUp("+" + CONTACT, runId, token));
            threads.add(t);
            t.start();
        }
        Workspace.sweep();
        for (Thread t : threads) {
            t.join();
        }
        Workspace.sweep();

        assertEquals(1, PlatformRequests.recorded().size());
        assertEquals(2, ws.messages("+" + CONTACT).getList("messages").size());
    }

    @Test
    void onTheCustomChannelTheMessageIsRecordedWithoutSending() {
        Workspace custom = Workspace.create().connectChannel();
        custom.publish(welcome(null));
        custom.contactSays("ben", "m-1", "Hi").then().statusCode(200);

        assertEquals(List.of(), PlatformRequests.recorded());
        assertEquals("Hello Ben, we will answer shortly.", custom.messages("ben").getString("messages[1].text"));
        assertNotNull(custom.conversation("ben").getString("lastOutgoingAt"));
    }

    @Test
    void withoutAnOpenConversationTheFailureIsRecordedAndTheRunGoesOn() {
        Workspace custom = Workspace.create().connectChannel();
        custom.contactSays("cy", "m-1", "Hi").then().statusCode(200);
        custom.close("cy");
        custom.publish("""
            {"name": "Tell VIPs", "trigger": {"type": "contact_tag_updated", "tag": "vip"},
             "steps": [{"id": "tell", "type": "send_message", "text": "You are a VIP now"},
                       {"id": "mark", "type": "update_contact_tag", "action": "add", "tags": ["told"]}]}
            """);
        custom.api().body(Map.of("add", List.of("vip"))).put("/api/v1/contacts/cy/tags").then().statusCode(200);

        List<Map<String, Object>> history = custom.runs("cy").getList("runs[0].history");
        assertEquals("not sent: the contact has no open conversation", history.get(0).get("outcome"));
        assertEquals("update_contact_tag", history.get(1).get("stepType"), "the run goes on");
        assertEquals(1, custom.messages("cy").getList("messages").size());
    }

    // --- media, per-channel responses, the 24-hour window, channel choice (issue 14)

    static Map<String, Object> sendRecord(JsonPath runs) {
        List<Map<String, Object>> history = runs.getList("runs[0].history");
        return history.stream().filter(h -> "send_message".equals(h.get("stepType"))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> details(Map<String, Object> record) {
        return (Map<String, String>) record.get("details");
    }

    @Test
    void aMediaDefaultGoesOutAsWhatsAppsImageMessageWithItsCaption() {
        ws.publish("""
            {"name": "Parcel", "trigger": {"type": "conversation_opened"},
             "steps": [{"id": "tell", "type": "send_message",
                        "media": {"kind": "image", "url": "https://cdn.example.com/parcels/shipped.jpg",
                                  "caption": "Your parcel is on its way, $contact.name"}}]}
            """);
        contactWrites("wamid.media");

        // developers.facebook.com/documentation/business-messaging/whatsapp/messages/image-messages
        assertEquals(Map.of("messaging_product", "whatsapp", "recipient_type", "individual", "to", CONTACT,
                "type", "image", "image", Map.of("link", "https://cdn.example.com/parcels/shipped.jpg",
                        "caption", "Your parcel is on its way, Ada Lovelace")),
                JsonPath.from((String) PlatformRequests.only().get("body")).getMap("$"));
        JsonPath messages = ws.messages("+" + CONTACT);
        assertEquals("Your parcel is on its way, Ada Lovelace", messages.getString("messages[1].text"));
        Map<String, String> sent = details(sendRecord(ws.runs("+" + CONTACT)));
        assertEquals(channel.id, sent.get("channel"));
        assertEquals("whatsapp", sent.get("channelType"));
        assertEquals("default", sent.get("response"));
    }

    @Test
    void onWhatsAppTheTemplateResponseIsSentInsteadOfTheDefaultAndTheHistorySaysWhy() {
        ws.publish("""
            {"name": "Shipped", "trigger": {"type": "conversation_opened"},
             "steps": [{"id": "tell", "type": "send_message",
                        "media": {"kind": "image", "url": "https://cdn.example.com/parcels/shipped.jpg",
                                  "caption": "Your order has shipped"},
                        "responses": [{"channel": "telegram", "text": "Shipped!"},
                                      {"channel": "whatsapp", "template": {"name": "order_shipped", "language": "en",
                                       "body": ["$contact.name"]}}]}]}
            """);
        contactWrites("wamid.template");

        // developers.facebook.com/docs/whatsapp/cloud-api/guides/send-message-templates
        assertEquals(Map.of("messaging_product", "whatsapp", "recipient_type", "individual", "to", CONTACT,
                "type", "template", "template", Map.of("name", "order_shipped", "language", Map.of("code", "en"),
                        "components", List.of(Map.of("type", "body", "parameters",
                                List.of(Map.of("type", "text", "text", "Ada Lovelace")))))),
                JsonPath.from((String) PlatformRequests.only().get("body")).getMap("$"));
        Map<String, String> sent = details(sendRecord(ws.runs("+" + CONTACT)));
        assertEquals("responses[1]", sent.get("response"));
        assertEquals("the response for whatsapp", sent.get("why"));
        assertEquals("[template order_shipped (en)] Ada Lovelace", ws.messages("+" + CONTACT).getString("messages[1].text"));
    }

    @Test
    void aDayAfterTheContactsLastMessageFreeTextIsNotAttemptedAndTheFailurePathSaysWhy() {
        ws.publish(welcome("PT25H"));
        contactWrites("wamid.quiet");
        JsonPath run = ws.runs("+" + CONTACT);
        clock.advance(Duration.ofHours(25));
        ws.wakeUp("+" + CONTACT, run.getString("runs[0].id"), run.getString("runs[0].wakeToken"));

        assertEquals(List.of(), PlatformRequests.recorded(), "WhatsApp would refuse it with 131047");
        assertEquals("Could not greet Ada Lovelace", ws.conversation("+" + CONTACT).getString("comments[0].text"));
        Map<String, Object> refused = sendRecord(ws.runs("+" + CONTACT));
        assertEquals("outside_window", details(refused).get("error"));
        assertTrue(((String) refused.get("outcome")).contains("has no template or message-tag response"),
                refused.toString());
    }

    @Test
    void aStepAimedAtAChannelWhereTheContactHasNoIdentityTakesTheFailurePath() {
        PlatformChannel telegram = PlatformChannel.connect(ws, "telegram", Map.of("botToken", "123456:ABC-DEF",
                "secretToken", "telegram-secret"));
        ws.publish("""
            {"name": "On Telegram", "trigger": {"type": "conversation_opened"},
             "steps": [{"id": "greet", "type": "send_message", "channel": "%s", "text": "Hello on Telegram",
                        "onFailure": [{"type": "add_comment", "text": "Not on Telegram"}]}]}
            """.formatted(telegram.id));
        contactWrites("wamid.elsewhere");

        assertEquals(List.of(), PlatformRequests.recorded());
        assertEquals("Not on Telegram", ws.conversation("+" + CONTACT).getString("comments[0].text"));
        assertEquals("not sent: the contact has no identity on channel " + telegram.id + " (telegram): they never wrote "
                + "from it and were not linked to it; the failure steps run",
                sendRecord(ws.runs("+" + CONTACT)).get("outcome"));
    }

    @Test
    void publishingRefusesAnUnknownChannelAndATemplateWithoutALanguageAtTheirPaths() {
        JsonPath noLanguage = ws.api().body("""
            {"name": "Bad template", "trigger": {"type": "conversation_opened"},
             "steps": [{"type": "send_message", "text": "Hi",
                        "responses": [{"channel": "whatsapp", "template": {"name": "still_there"}}]}]}
            """).post("/api/v1/workflows").then().statusCode(422).extract().jsonPath();
        assertEquals(List.of("$.steps[0].responses[0].template"), noLanguage.getList("problems.path"));

        String id = ws.api().body("""
            {"name": "Unknown channel", "trigger": {"type": "conversation_opened"},
             "steps": [{"type": "send_message", "channel": "ch_nowhere", "text": "Hi",
                        "responses": [{"channel": "sms-line-2", "text": "Hi"}]}]}
            """).post("/api/v1/workflows").then().statusCode(201).extract().jsonPath().getString("id");
        JsonPath refused = ws.api().post("/api/v1/workflows/" + id + "/publish").then().statusCode(422)
                .extract().jsonPath();
        assertEquals(List.of("$.steps[0].channel", "$.steps[0].responses[0].channel"), refused.getList("problems.path"));
        assertTrue(refused.getString("problems[1].message").startsWith("sms-line-2 is neither a channel type"),
                refused.prettify());
    }
}
