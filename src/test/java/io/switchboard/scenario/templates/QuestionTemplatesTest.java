package io.switchboard.scenario.templates;

import static io.switchboard.scenario.templates.Installs.fieldsOf;
import static io.switchboard.scenario.templates.Installs.install;
import static io.switchboard.scenario.templates.Installs.sentTo;
import static io.switchboard.scenario.templates.Installs.tags;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.support.DynamoDbLocalResource;
import io.switchboard.support.MutableClock;
import io.switchboard.support.Workspace;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Templates that ask the contact (Ask a Question): consent, chat menus, collecting email and phone. */
@QuarkusTest
@QuarkusTestResource(DynamoDbLocalResource.class)
class QuestionTemplatesTest {

    @Inject
    MutableClock clock;

    @Test
    void aContactWhoAgreesIsThankedAndTaggedOneWhoDeclinesIsToldAndNeitherIsAskedAgain() {
        Workspace ws = Workspace.create();
        install(ws, "consent-personal-data", Map.of("question", "May we keep your details, $contact.name?"));

        ws.contactSays("ada", "m-1", "Hi").then().statusCode(200);
        ws.contactSays("ada", "m-2", "1").then().statusCode(200);
        ws.contactSays("ben", "m-1", "Hi").then().statusCode(200);
        ws.contactSays("ben", "m-2", "no").then().statusCode(200);

        assertEquals(List.of("May we keep your details, Ada?\n1. Yes, I agree\n2. No",
                "Thank you, Ada. How can we help?"), sentTo(ws, "ada"));
        assertEquals("Yes, I agree", fieldsOf(ws, "ada").get("data_consent"));
        assertEquals(List.of("consent-given"), tags(ws, "ada"));
        assertEquals("No", fieldsOf(ws, "ben").get("data_consent"));
        assertEquals(List.of(), tags(ws, "ben"));
        assertEquals("Understood. We will not store your details; an agent can still answer general questions here.",
                sentTo(ws, "ben").get(1));

        ws.close("ada");
        ws.contactSays("ada", "m-3", "Back with a question").then().statusCode(200);
        assertEquals(2, sentTo(ws, "ada").size(), "Ada answered before: not asked again");
    }

    @Test
    void theMenuChoiceRoutesToItsTeamAndAContactWhoDoesNotChooseGoesToTheGeneralTeam() {
        Workspace ws = Workspace.create().user("alice", true).user("bob", true).user("carol", true)
                .team("sales", "alice").team("billing", "bob").team("support", "carol");
        install(ws, "chat-menu", Map.of("firstOption", "Buy", "firstTeamId", "sales", "secondOption", "Support",
                "secondTeamId", "support", "thirdOption", "Billing", "thirdTeamId", "billing",
                "generalTeamId", "support", "answerWithin", "PT10M"));

        ws.contactSays("ada", "m-1", "Hi").then().statusCode(200);
        ws.contactSays("ada", "m-2", "3").then().statusCode(200);
        ws.contactSays("ben", "m-1", "Hi").then().statusCode(200);
        ws.contactSays("ben", "m-2", "buy").then().statusCode(200);
        ws.contactSays("cat", "m-1", "Hi").then().statusCode(200);
        clock.advance(Duration.ofMinutes(11));
        Workspace.sweep();

        assertEquals("Hi Ada, how can we help you today?\n1. Buy\n2. Support\n3. Billing", sentTo(ws, "ada").get(0));
        assertEquals("bob", ws.assignee("ada"));
        assertEquals("Billing", fieldsOf(ws, "ada").get("inquiry"));
        assertEquals("alice", ws.assignee("ben"));
        assertEquals("carol", ws.assignee("cat"), "no choice within 10 minutes");
    }

    @Test
    void onlyTheMissingDetailsAreAskedForSavedNormalisedAndThanked() {
        Workspace ws = Workspace.create();
        install(ws, "collect-email-phone", Map.of());

        ws.contactSays("ada", "m-1", "Hi").then().statusCode(200);
        ws.contactSays("ada", "m-2", "Ada@Example.com").then().statusCode(200);
        ws.contactSays("ada", "m-3", "+351 912 345 678").then().statusCode(200);

        assertEquals(List.of("Hi Ada, what is your email address?", "And what is your phone number, with the country code?",
                "Thank you, Ada! An agent will be with you shortly."), sentTo(ws, "ada"));
        assertEquals("ada@example.com", fieldsOf(ws, "ada").get("email"));
        assertEquals("+351912345678", fieldsOf(ws, "ada").get("phone"));

        ws.close("ada");
        ws.contactSays("ada", "m-4", "Hello again").then().statusCode(200);
        assertEquals(3, sentTo(ws, "ada").size(), "both known: nothing asked");

        ws.contactSays("ben", "m-1", "Hi").then().statusCode(200);
        ws.contactSays("ben", "m-2", "ben@example.com").then().statusCode(200);
        clock.advance(Duration.ofMinutes(61));
        Workspace.sweep();
        assertEquals(List.of("Ben gave no phone number"), ws.conversation("ben").getList("comments.text"));
        ws.close("ben");
        ws.contactSays("ben", "m-3", "Hi again").then().statusCode(200);
        assertEquals("And what is your phone number, with the country code?", sentTo(ws, "ben").get(2),
                "only the phone number is asked for");
    }
}
