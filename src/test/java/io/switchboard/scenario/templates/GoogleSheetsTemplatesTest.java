package io.switchboard.scenario.templates;

import static io.switchboard.scenario.templates.Installs.install;
import static io.switchboard.scenario.templates.Installs.sentTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.support.DynamoDbLocalResource;
import io.switchboard.support.FakeGoogle;
import io.switchboard.support.MutableClock;
import io.switchboard.support.ServiceAccount;
import io.switchboard.support.Workspace;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Templates that add rows to a Google spreadsheet, against a local server speaking Google's token and Sheets APIs. */
@QuarkusTest
@QuarkusTestResource(DynamoDbLocalResource.class)
@QuarkusTestResource(FakeGoogle.class)
class GoogleSheetsTemplatesTest {

    static final String CLIENT_EMAIL = "csat@acme-support.iam.gserviceaccount.com";
    static final String SPREADSHEET = "1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgvE2upms";
    static final ServiceAccount serviceAccount = ServiceAccount.create(CLIENT_EMAIL);

    @Inject
    MutableClock clock;

    Workspace ws;
    FakeGoogle.Api google;

    /** A workspace with Google Sheets connected by the service account's JSON key, and Alice closing conversations. */
    @BeforeEach
    void workspace() {
        ws = Workspace.create().user("alice", true);
        google = serviceAccount.google();
        ws.api().body(Map.of("serviceAccountKey", serviceAccount.keyFile())).put("/api/v1/integrations/google-sheets").then().statusCode(200);
    }

    void agentClosesAfterChatting(String contactId) {
        ws.contactSays(contactId, "m-1", "Thanks for the help").then().statusCode(200);
        ws.api().body(Map.of("userId", "alice")).put("/api/v1/contacts/" + contactId + "/assignee").then().statusCode(200);
        ws.close(contactId);
    }

    List<List<String>> rows() {
        return google.appends.stream().map(a -> {
            assertEquals("/v4/spreadsheets/" + SPREADSHEET + "/values/%27CSAT%20Responses%27:append", a.rawPath());
            @SuppressWarnings("unchecked")
            List<List<String>> values = new ObjectMapper().convertValue(a.body().path("values"), List.class);
            return values.get(0);
        }).toList();
    }

    @Test
    void theRatingAndCommentArriveAsARowWithDateContactAndAgentAndTheContactIsThanked() {
        install(ws, "csat-to-google-sheets", Map.of("spreadsheetId", SPREADSHEET, "sheet", "CSAT Responses"));
        String today = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC).format(clock.instant());

        agentClosesAfterChatting("ada");
        ws.contactSays("ada", "m-2", "5").then().statusCode(200);
        ws.contactSays("ada", "m-3", "Quick and friendly, thank you").then().statusCode(200);

        assertEquals(List.of(List.of(today, "ada", "Ada", "Alice", "5", "Quick and friendly, thank you")), rows());
        assertEquals(List.of("Thanks for talking to us, Ada! How would you rate our service from 1 (poor) to 5 (excellent)?",
                "Thank you! Is there anything you would like to tell us about it?", "Thank you for your feedback!"),
                sentTo(ws, "ada"));
        assertEquals("closed", ws.conversation("ada").getString("status"));
    }

    @Test
    void aContactWhoRatesButLeavesNoCommentGetsARowWithAnEmptyComment() {
        install(ws, "csat-to-google-sheets", Map.of("spreadsheetId", SPREADSHEET, "sheet", "CSAT Responses",
                "commentWithin", "PT30M"));

        agentClosesAfterChatting("ben");
        ws.contactSays("ben", "m-2", "two").then().statusCode(200);
        ws.contactSays("ben", "m-3", "2").then().statusCode(200);
        clock.advance(Duration.ofMinutes(31));
        Workspace.sweep();

        assertEquals(1, rows().size());
        assertEquals(List.of("ben", "Ben", "Alice", "2", ""), rows().get(0).subList(1, 6));
        assertEquals("Please reply with a number from 1 to 5.", sentTo(ws, "ben").get(1).lines().findFirst().orElseThrow());
        assertEquals("closed", ws.conversation("ben").getString("status"));
    }

    @Test
    void aSpreadsheetNotSharedWithTheServiceAccountLeavesTheAnswersInANoteForTheTeam() {
        install(ws, "csat-to-google-sheets", Map.of("spreadsheetId", SPREADSHEET, "sheet", "CSAT Responses"));
        google.answerNextAppend(403, """
                {"error": {"code": 403, "message": "The caller does not have permission", "status": "PERMISSION_DENIED"}}""");

        agentClosesAfterChatting("cy");
        ws.contactSays("cy", "m-2", "4").then().statusCode(200);
        ws.contactSays("cy", "m-3", "Fine").then().statusCode(200);

        assertEquals(List.of("CSAT rating 4 (\"Fine\") could not be added to Google Sheets"),
                ws.conversation("cy").getList("comments.text"));
        assertEquals("closed", ws.conversation("cy").getString("status"));
    }

    @Test
    void aSpreadsheetIdGivenAsAUrlIsRefusedByItsParameter() {
        ws.api().body(Map.of("parameters", Map.of("spreadsheetId", "https://docs.google.com/spreadsheets/d/" + SPREADSHEET + "/edit")))
                .post("/api/v1/templates/csat-to-google-sheets/install").then().statusCode(400)
                .body("problems.path", org.hamcrest.Matchers.hasItem("$.parameters.spreadsheetId"));
    }
}
