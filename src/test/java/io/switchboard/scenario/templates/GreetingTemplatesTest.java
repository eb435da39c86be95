package io.switchboard.scenario.templates;

import static io.switchboard.scenario.templates.Installs.install;
import static io.switchboard.scenario.templates.Installs.moveTo;
import static io.switchboard.scenario.templates.Installs.sentTo;
import static io.switchboard.support.PlatformChannel.fixture;
import static io.switchboard.support.PlatformChannel.metaSignature;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Templates that greet contacts and hand out new conversations, played as their recipes tell them. */
@QuarkusTest
@QuarkusTestResource(DynamoDbLocalResource.class)
@QuarkusTestResource(FakePlatforms.class)
class GreetingTemplatesTest {

    static final String APP_SECRET = "whatsapp-app-secret-1234";
    static final String PHONE_NUMBER_ID = "106540352242933";

    @Inject
    MutableClock clock;

    static String sentText(Map<String, Object> request) {
        return JsonPath.from((String) request.get("body")).getString("text.body");
    }

    @Test
    void aContactWritingInBusinessHoursIsWelcomedAndOneWritingOnSundayGetsTheAwayMessage() {
        Workspace ws = Workspace.create();
        PlatformChannel whatsapp = PlatformChannel.connect(ws, "whatsapp", Map.of("phoneNumberId", PHONE_NUMBER_ID,
                "accessToken", "EAAG-whatsapp-access-token-5678", "appSecret", APP_SECRET, "verifyToken", "verify-me"));
        install(ws, "welcome-away-messages", Map.of("timeZone", "Europe/Lisbon",
                "businessHours", Map.of("monday", List.of(Map.of("from", "09:00", "to", "18:00")),
                        "friday", List.of(Map.of("from", "09:00", "to", "18:00"))),
                "welcomeMessage", "Hello $contact.name, welcome to Acme!"));
        PlatformRequests.reset();

        moveTo(clock, ZoneId.of("Europe/Lisbon"), DayOfWeek.MONDAY, 10);
        writes(whatsapp, "15550001111", "Ada Lovelace", "wamid.monday");
        moveTo(clock, ZoneId.of("Europe/Lisbon"), DayOfWeek.SUNDAY, 10);
        writes(whatsapp, "15550002222", "Ben Okri", "wamid.sunday");

        List<Map<String, Object>> sent = PlatformRequests.recorded();
        assertEquals(2, sent.size(), sent.toString());
        assertEquals("Hello Ada Lovelace, welcome to Acme!", sentText(sent.get(0)));
        assertEquals("15550001111", JsonPath.from((String) sent.get(0).get("body")).getString("to"));
        assertEquals("Hi Ben, we are away right now. We will reply as soon as we are back.", sentText(sent.get(1)),
                "the away message is the template's default");
        assertEquals(List.of("Hi Ben, we are away right now. We will reply as soon as we are back."),
                sentTo(ws, "+15550002222"), "no welcome on Sunday");
    }

    @Test
    void aWhatsAppTemplateGivenAsAParameterIsSentOnWhatsAppInsteadOfTheWelcomeText() {
        Workspace ws = Workspace.create();
        PlatformChannel whatsapp = PlatformChannel.connect(ws, "whatsapp", Map.of("phoneNumberId", PHONE_NUMBER_ID,
                "accessToken", "EAAG-whatsapp-access-token-5678", "appSecret", APP_SECRET, "verifyToken", "verify-me"));
        install(ws, "welcome-away-messages", Map.of("timeZone", "Europe/Lisbon",
                "businessHours", Map.of("monday", List.of(Map.of("from", "09:00", "to", "18:00"))),
                "welcomeWhatsAppTemplate", Map.of("name", "welcome", "language", "en", "body", List.of("$contact.name"))));
        PlatformRequests.reset();

        moveTo(clock, ZoneId.of("Europe/Lisbon"), DayOfWeek.MONDAY, 11);
        writes(whatsapp, "15550003333", "Cy Twombly", "wamid.template-welcome");

        JsonPath sent = JsonPath.from((String) PlatformRequests.only().get("body"));
        assertEquals("template", sent.getString("type"));
        assertEquals("welcome", sent.getString("template.name"));
        assertEquals("en", sent.getString("template.language.code"));
        assertEquals(List.of("Cy Twombly"), sent.getList("template.components[0].parameters.text"));
    }

    @Test
    void aWhatsAppTemplateParameterThatIsNotOneIsRefusedByItsPath() {
        Workspace ws = Workspace.create();
        ws.api().body(Map.of("parameters", Map.of("timeZone", "Europe/Lisbon",
                        "businessHours", Map.of("monday", List.of(Map.of("from", "09:00", "to", "18:00"))),
                        "awayWhatsAppTemplate", Map.of("name", "away_notice"))))
                .post("/api/v1/templates/welcome-away-messages/install").then().statusCode(400)
                .body("problems[0].path", org.hamcrest.Matchers.equalTo("$.parameters.awayWhatsAppTemplate"));
    }

    static void writes(PlatformChannel channel, String waId, String name, String wamid) {
        String body = fixture("whatsapp/text-message.json", Map.of("PHONE_NUMBER_ID", PHONE_NUMBER_ID, "WA_ID", waId,
                "NAME", name, "WAMID", wamid, "TEXT", "Hi"));
        channel.post(body, "application/json", Map.of("X-Hub-Signature-256", metaSignature(APP_SECRET, body)))
                .then().statusCode(200);
    }

    @Test
    void aNewContactIsWelcomedAndTaggedOnceAndNotOnTheirNextConversation() {
        Workspace ws = Workspace.create();
        install(ws, "onboarding-welcome", Map.of("welcomeMessage", "Welcome aboard, $contact.name!"));

        ws.contactSays("ada", "m-1", "Hi").then().statusCode(200);
        ws.close("ada");
        ws.contactSays("ada", "m-2", "Me again").then().statusCode(200);

        assertEquals(List.of("Welcome aboard, Ada!"), Installs.sentTo(ws, "ada"));
        assertEquals(List.of("new-customer"), Installs.tags(ws, "ada"));
    }

    @Test
    void roundRobinOnlineWelcomesThenTakesTurnsAmongOnlineAgentsAndQueuesWhenNobodyIsOnline() {
        Workspace ws = Workspace.create().user("alice", true).user("bob", true).user("carol", false)
                .team("support", "alice", "bob", "carol");
        install(ws, "assignment-round-robin-online", Map.of("teamId", "support"));

        for (String contact : List.of("c1", "c2", "c3", "c4")) {
            ws.contactSays(contact, "m-1", "Hi").then().statusCode(200);
        }
        List<String> assignees = List.of("c1", "c2", "c3", "c4").stream().map(ws::assignee).toList();
        assertEquals(2, assignees.stream().filter("alice"::equals).count(), assignees.toString());
        assertEquals(2, assignees.stream().filter("bob"::equals).count(), "in turn, never offline Carol");
        assertEquals(List.of("Hi C1, thanks for your message. An agent will be with you shortly."), sentTo(ws, "c1"));

        ws.online("alice", false).online("bob", false);
        ws.contactSays("late", "m-1", "Anyone there?").then().statusCode(200);
        assertNull(ws.assignee("late"), "nobody online: the contact waits in the queue");
        ws.online("carol", true);
        clock.advance(Duration.ofMinutes(2));
        Workspace.sweep();
        assertEquals("carol", ws.assignee("late"));
    }

    @Test
    void leastOpenContactsSharesEvenlyUpToTheCapThenQueuesUntilAConversationCloses() {
        Workspace ws = Workspace.create().user("alice", true).user("bob", true).team("support", "alice", "bob");
        install(ws, "assignment-least-open-contacts", Map.of("teamId", "support", "maxOpenContacts", 2,
                "welcomeMessage", "Thanks $contact.name, you are in the queue."));

        for (String contact : List.of("c1", "c2", "c3", "c4", "c5")) {
            ws.contactSays(contact, "m-1", "Hi").then().statusCode(200);
        }
        List<String> first4 = List.of("c1", "c2", "c3", "c4").stream().map(ws::assignee).toList();
        assertEquals(2, first4.stream().filter("alice"::equals).count(), first4.toString());
        assertEquals(2, first4.stream().filter("bob"::equals).count(), first4.toString());
        assertNull(ws.assignee("c5"), "both agents have 2 open contacts, the cap");
        assertEquals(List.of("Thanks C5, you are in the queue."), sentTo(ws, "c5"));

        String freed = ws.assignee("c1");
        ws.close("c1");
        clock.advance(Duration.ofMinutes(2));
        Workspace.sweep();
        assertEquals(freed, ws.assignee("c5"), "the agent whose conversation closed takes the queued contact");
        assertTrue(Set.of("alice", "bob").contains(freed));
    }
}
