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
import io.switchboard.support.PlatformRequests;
import io.switchboard.support.Workspace;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Ask a Question on a real platform: the questions go out through the WhatsApp Cloud API, and a
 * shared location and a row of stars are answers, as a person on WhatsApp gives them.
 */
@QuarkusTest
@QuarkusTestResource(DynamoDbLocalResource.class)
@QuarkusTestResource(FakePlatforms.class)
class AskQuestionOnWhatsAppTest {

    static final String APP_SECRET = "whatsapp-app-secret-1234";
    static final String PHONE_NUMBER_ID = "106540352242933";
    static final String CONTACT = "15550003333";

    @Test
    void aSharedLocationAndStarsAreSavedAsTheAnswers() {
        Workspace ws = Workspace.create();
        PlatformChannel channel = PlatformChannel.connect(ws, "whatsapp", Map.of("phoneNumberId", PHONE_NUMBER_ID,
                "accessToken", "EAAG-whatsapp-access-token-5678", "appSecret", APP_SECRET, "verifyToken", "verify-me"));
        PlatformRequests.reset();
        ws.publish("""
            {"name": "Delivery and rating", "trigger": {"type": "conversation_opened"},
             "steps": [
               {"type": "ask_question", "question": "Where should we deliver, $contact.firstname?",
                "answerType": "location", "saveTo": "contact_field", "saveAs": "delivery_location"},
               {"type": "ask_question", "question": "How would you rate us?", "answerType": "rating",
                "saveTo": "contact_field", "saveAs": "csat"}]}
            """);

        deliver(channel, fixture("whatsapp/text-message.json", Map.of("PHONE_NUMBER_ID", PHONE_NUMBER_ID,
                "WA_ID", CONTACT, "NAME", "Ada Lovelace", "WAMID", "wamid.hi", "TEXT", "Hi")));
        deliver(channel, fixture("whatsapp/location-message.json", Map.of("PHONE_NUMBER_ID", PHONE_NUMBER_ID,
                "WA_ID", CONTACT, "NAME", "Ada Lovelace", "WAMID", "wamid.where")));
        deliver(channel, fixture("whatsapp/text-message.json", Map.of("PHONE_NUMBER_ID", PHONE_NUMBER_ID,
                "WA_ID", CONTACT, "NAME", "Ada Lovelace", "WAMID", "wamid.stars", "TEXT", "\u2B50\u2B50\u2B50\u2B50")));

        JsonPath contact = ws.api().get("/api/v1/contacts/+" + CONTACT).then().statusCode(200).extract().jsonPath();
        assertEquals("52.1,4.3", contact.getString("fields.delivery_location"));
        assertEquals("4", contact.getString("fields.csat"));
        List<String> asked = PlatformRequests.recorded().stream()
                .map(r -> JsonPath.from((String) r.get("body")).getString("text.body")).toList();
        assertEquals(List.of("Where should we deliver, Ada?", "How would you rate us?"), asked);
    }

    static void deliver(PlatformChannel channel, String body) {
        channel.post(body, "application/json", Map.of("X-Hub-Signature-256", metaSignature(APP_SECRET, body)))
                .then().statusCode(200);
    }
}
