package io.switchboard.scenario;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.support.DynamoDbLocalResource;
import io.switchboard.support.FakePlatforms;
import io.switchboard.support.PlatformChannel;
import io.switchboard.support.PlatformRequests;
import io.switchboard.support.Workflows;
import io.switchboard.support.Workspace;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A Twilio number connected as an SMS channel: signed form posts in, the Messages API out. */
@QuarkusTest
@QuarkusTestResource(DynamoDbLocalResource.class)
@QuarkusTestResource(FakePlatforms.class)
class TwilioChannelTest {

    static final String ACCOUNT = "AC" + "0123456789abcdef0123456789abcdef";
    static final String AUTH_TOKEN = "twilio-auth-token-12345678";
    static final String CONTACT = "+15558675310";

    Workspace ws;
    PlatformChannel sms;

    @BeforeEach
    void connectNumber() {
        ws = Workspace.create().user("alice", true).user("bob", true).team("support", "alice", "bob");
        ws.publish(Workflows.promptTransfer("alice", "support", "round_robin", "PT15M"));
        sms = PlatformChannel.connect(ws, "twilio", Map.of("accountSid", ACCOUNT, "authToken", AUTH_TOKEN,
                "phoneNumber", "+15017122661"));
        PlatformRequests.reset();
    }

    Map<String, String> incoming(String sid, String body) {
        Map<String, String> p = new TreeMap<>();
        p.put("ToCountry", "US");
        p.put("SmsMessageSid", sid);
        p.put("NumMedia", "0");
        p.put("SmsSid", sid);
        p.put("SmsStatus", "received");
        p.put("Body", body);
        p.put("To", "+15017122661");
        p.put("NumSegments", "1");
        p.put("MessageSid", sid);
        p.put("AccountSid", ACCOUNT);
        p.put("From", CONTACT);
        p.put("ApiVersion", "2010-04-01");
        return p;
    }

    /** Signs as Twilio does: the URL it called, then each parameter name and value, sorted by name. */
    static String signature(String url, Map<String, String> params) {
        StringBuilder s = new StringBuilder(url);
        new TreeMap<>(params).forEach((k, v) -> s.append(k).append(v));
        return PlatformChannel.base64Sha1(AUTH_TOKEN, s.toString());
    }

    static String form(Map<String, String> params) {
        return params.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    void deliver(Map<String, String> params) {
        String url = "https://switchboard.test" + sms.path();
        sms.post(form(params), "application/x-www-form-urlencoded", Map.of("X-Twilio-Signature", signature(url, params)))
                .then().statusCode(200).contentType("text/xml");
    }

    @Test
    void anSmsOpensAConversationAndFiresTheWorkflow() {
        deliver(incoming("SM10000000000000000000000000000001", "Hi, is my order shipped? 100% sure?"));
        assertEquals("alice", ws.assignee(CONTACT));
        assertEquals("Hi, is my order shipped? 100% sure?", ws.messages(CONTACT).getString("messages[0].text"));
    }

    @Test
    void aSignatureOverAnotherUrlOrBodyIsRefused() {
        Map<String, String> params = incoming("SM10000000000000000000000000000002", "Hi");
        String wrongUrl = signature("http://internal-host:8080" + sms.path(), params);
        sms.post(form(params), "application/x-www-form-urlencoded", Map.of("X-Twilio-Signature", wrongUrl))
                .then().statusCode(401);
        sms.post(form(params), "application/x-www-form-urlencoded", Map.of()).then().statusCode(401);
        ws.api().get("/api/v1/contacts/" + CONTACT + "/conversation").then().statusCode(404);
    }

    @Test
    void aRetriedWebhookChangesNothingAndMmsIsKeptAsAReference() {
        deliver(incoming("SM10000000000000000000000000000003", "Hi"));
        deliver(incoming("SM10000000000000000000000000000003", "Hi"));
        Map<String, String> mms = incoming("MM10000000000000000000000000000004", "");
        mms.put("NumMedia", "1");
        mms.put("MediaContentType0", "image/jpeg");
        mms.put("MediaUrl0", "https://api.twilio.com/2010-04-01/Accounts/" + ACCOUNT + "/Messages/MM1/Media/ME1");
        deliver(mms);
        assertEquals(Set.of("Hi", "[image]"), Set.copyOf(ws.messages(CONTACT).getList("messages.text")));
        assertEquals(mms.get("MediaUrl0"), ws.messages(CONTACT).getString("messages.find { it.attachment }.attachment.reference"));
    }

    @Test
    void aReplyGoesOutThroughTheMessagesApiAndItsStatusCallbackIsRecorded() {
        deliver(incoming("SM10000000000000000000000000000005", "Hi"));
        ws.agentReplies(CONTACT, "alice", "Hello & welcome");
        Map<String, Object> sent = PlatformRequests.only();
        assertEquals("/twilio/2010-04-01/Accounts/" + ACCOUNT + "/Messages.json", sent.get("path"));
        assertEquals("Basic " + Base64.getEncoder().encodeToString((ACCOUNT + ":" + AUTH_TOKEN).getBytes(StandardCharsets.UTF_8)),
                PlatformRequests.header(sent, "authorization"));
        assertEquals("application/x-www-form-urlencoded", PlatformRequests.header(sent, "content-type"));
        assertEquals("To=%2B15558675310&From=%2B15017122661&Body=Hello+%26+welcome", sent.get("body"));

        Map<String, String> callback = new TreeMap<>(Map.of("MessageSid", "SM1f0e8ae6ade43cb3c0ce4525424e404f",
                "MessageStatus", "delivered", "AccountSid", ACCOUNT, "From", "+15017122661", "To", CONTACT,
                "SmsStatus", "delivered", "ApiVersion", "2010-04-01"));
        deliver(callback);
        assertEquals("delivered", ws.messages(CONTACT).getString("messages.find { it.direction == 'outgoing' }.status"));
        assertEquals(2, ws.messages(CONTACT).getList("messages").size());
    }

    @Test
    void anUnsubscribedRecipientIsReported() {
        deliver(incoming("SM10000000000000000000000000000006", "STOP"));
        PlatformRequests.answerNext(400, "{\"code\": 21610, \"message\": \"Attempt to send to unsubscribed recipient\","
                + " \"more_info\": \"https://www.twilio.com/docs/errors/21610\", \"status\": 400}", Map.of());
        ws.api().body(Map.of("userId", "alice", "text", "Hi?")).post("/api/v1/contacts/" + CONTACT + "/messages")
                .then().statusCode(422).body("error", equalTo("recipient_unsubscribed"));
    }
}
