package io.switchboard.scenario.templates;

import static io.switchboard.scenario.templates.Installs.fields;
import static io.switchboard.scenario.templates.Installs.install;
import static io.switchboard.scenario.templates.Installs.moveTo;
import static io.switchboard.scenario.templates.Installs.sentTo;
import static io.switchboard.scenario.templates.Installs.tags;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.support.DynamoDbLocalResource;
import io.switchboard.support.MutableClock;
import io.switchboard.support.Workspace;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Routing templates: each new conversation reaches the right team. Contacts already known (a field or a
 * tag set on an earlier visit) are shown by a first conversation, a change to their profile, and a second.
 */
@QuarkusTest
@QuarkusTestResource(DynamoDbLocalResource.class)
class RoutingTemplatesTest {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Inject
    MutableClock clock;

    @Test
    void eachShiftsTeamTakesTheConversationsOfItsHoursAndNobodyOnShiftGetsTheOutOfHoursMessage() {
        Workspace ws = Workspace.create().user("alice", true).user("bob", true).team("early", "alice").team("late", "bob");
        Map<String, Object> early = Map.of("monday", List.of(Map.of("from", "06:00", "to", "14:00")));
        Map<String, Object> late = Map.of("monday", List.of(Map.of("from", "14:00", "to", "22:00")));
        install(ws, "route-by-shift", Map.of("timeZone", "America/New_York", "firstShiftHours", early,
                "firstShiftTeamId", "early", "secondShiftHours", late, "secondShiftTeamId", "late"));

        moveTo(clock, NEW_YORK, DayOfWeek.MONDAY, 8);
        ws.contactSays("ada", "m-1", "Morning!").then().statusCode(200);
        clock.advance(java.time.Duration.ofHours(7));
        ws.contactSays("ben", "m-1", "Afternoon!").then().statusCode(200);
        moveTo(clock, NEW_YORK, DayOfWeek.SUNDAY, 10);
        ws.contactSays("cat", "m-1", "Sunday!").then().statusCode(200);

        assertEquals("alice", ws.assignee("ada"));
        assertEquals(List.of(), sentTo(ws, "ada"));
        assertEquals("bob", ws.assignee("ben"));
        assertNull(ws.assignee("cat"));
        assertEquals(List.of("Hi Cat, nobody is on shift right now. We will reply when the next shift starts."),
                sentTo(ws, "cat"));
    }

    @Test
    void contactsReachTheTeamForTheFunctionTheirFieldNamesAndTheGeneralTeamOtherwise() {
        Workspace ws = Workspace.create().user("alice", true).user("bob", true).user("carol", true)
                .team("sales", "alice").team("billing", "bob").team("support", "carol");
        install(ws, "route-by-team-function", Map.of("firstFunction", "sales", "firstTeamId", "sales",
                "secondFunction", "billing", "secondTeamId", "billing", "generalTeamId", "support"));

        ws.contactSays("ada", "m-1", "Hello").then().statusCode(200);
        assertEquals("carol", ws.assignee("ada"), "nothing known yet: the general team");
        ws.close("ada");
        fields(ws, "ada", Map.of("inquiry", "billing"));
        ws.contactSays("ada", "m-2", "About my invoice").then().statusCode(200);

        assertEquals("bob", ws.assignee("ada"));
    }

    @Test
    void aFirstTimeContactGoesToTheNewContactsTeamAndComesBackToTheReturningTeamWithANote() {
        Workspace ws = Workspace.create().user("alice", true).user("bob", true).team("sales", "alice").team("support", "bob");
        install(ws, "route-new-returning", Map.of("newTeamId", "sales", "returningTeamId", "support"));

        ws.contactSays("ada", "m-1", "First time here").then().statusCode(200);
        assertEquals("alice", ws.assignee("ada"));
        assertEquals(List.of("returning"), tags(ws, "ada"));
        assertEquals(List.of(), ws.conversation("ada").getList("comments"));
        ws.close("ada");
        ws.contactSays("ada", "m-2", "Back again").then().statusCode(200);

        assertEquals("bob", ws.assignee("ada"));
        assertEquals(List.of("Ada is a returning contact"), ws.conversation("ada").getList("comments.text"));
    }

    @Test
    void aVipGoesToTheOnlineVipAgentWithANoteWhileOthersGoToTheGeneralTeam() {
        Workspace ws = Workspace.create().user("alice", true).user("bob", false).user("carol", true)
                .team("vip", "bob", "alice").team("support", "carol");
        install(ws, "route-vip", Map.of("vipTeamId", "vip", "generalTeamId", "support"));

        ws.contactSays("ada", "m-1", "Hello").then().statusCode(200);
        ws.contactSays("ben", "m-1", "Hello").then().statusCode(200);
        ws.close("ada");
        ws.api().body(Map.of("add", List.of("vip"))).put("/api/v1/contacts/ada/tags").then().statusCode(200);
        ws.contactSays("ada", "m-2", "Hello again").then().statusCode(200);

        assertEquals("alice", ws.assignee("ada"), "Bob is offline");
        assertEquals(List.of("VIP contact: please give Ada priority"), ws.conversation("ada").getList("comments.text"));
        assertEquals("carol", ws.assignee("ben"));
        assertEquals(List.of(), ws.conversation("ben").getList("comments"));
    }

    @Test
    void aContactIsRoutedToTheTeamThatSpeaksTheirLanguageAndUnknownLanguagesToTheDefault() {
        Workspace ws = Workspace.create().user("alice", true).user("bob", true).user("carol", true)
                .team("spanish", "alice").team("portuguese", "bob").team("support", "carol");
        install(ws, "route-by-language", Map.of("firstLanguage", "es", "firstLanguageTeamId", "spanish",
                "secondLanguage", "pt", "secondLanguageTeamId", "portuguese", "defaultTeamId", "support"));

        ws.contactSays("ana", "m-1", "Hola").then().statusCode(200);
        ws.contactSays("joao", "m-1", "Ola").then().statusCode(200);
        assertEquals("carol", ws.assignee("ana"));
        ws.close("ana");
        ws.close("joao");
        fields(ws, "ana", Map.of("language", "es"));
        fields(ws, "joao", Map.of("language", "pt"));
        ws.contactSays("ana", "m-2", "Hola otra vez").then().statusCode(200);
        ws.contactSays("joao", "m-2", "Ola de novo").then().statusCode(200);

        assertEquals("alice", ws.assignee("ana"));
        assertEquals("bob", ws.assignee("joao"));
    }

    @Test
    void aContactStaysWithTheirDedicatedAgentWhileOnlineAndGoesToTheTeamWhenTheyAreOffline() {
        Workspace ws = Workspace.create().user("bob", true).user("carol", true).team("support", "bob", "carol");
        install(ws, "auto-assign-dedicated-agent", Map.of("teamId", "support"));

        ws.contactSays("ada", "m-1", "Hello").then().statusCode(200);
        String dedicated = ws.assignee("ada");
        assertTrue(Set.of("bob", "carol").contains(dedicated));
        ws.close("ada");
        ws.contactSays("ada", "m-2", "Hello again").then().statusCode(200);
        assertEquals(dedicated, ws.assignee("ada"));
        String name = dedicated.equals("bob") ? "Bob" : "Carol";
        assertEquals(List.of("Ada is back; kept with their dedicated agent " + name),
                ws.conversation("ada").getList("comments.text"));

        ws.close("ada");
        ws.online(dedicated, false);
        ws.contactSays("ada", "m-3", "Anyone?").then().statusCode(200);
        assertNotEquals(dedicated, ws.assignee("ada"));
        assertEquals(List.of(), ws.conversation("ada").getList("comments"));
    }
}
