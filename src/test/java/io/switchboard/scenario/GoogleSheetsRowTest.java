package io.switchboard.scenario;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.switchboard.support.DynamoDbLocalResource;
import io.switchboard.support.FakeGoogle;
import io.switchboard.support.MutableClock;
import io.switchboard.support.ServiceAccount;
import io.switchboard.support.Workspace;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Add Google Sheets Row: a workflow writes a row to the team's spreadsheet with a service account. */
@QuarkusTest
@QuarkusTestResource(DynamoDbLocalResource.class)
@QuarkusTestResource(FakeGoogle.class)
class GoogleSheetsRowTest {

    static final String CLIENT_EMAIL = "csat-rows@acme-support.iam.gserviceaccount.com";
    static final ServiceAccount serviceAccount = ServiceAccount.create(CLIENT_EMAIL);

    @Inject
    MutableClock clock;

    Workspace ws;
    FakeGoogle.Api google;

    @BeforeEach
    void workspace() {
        ws = Workspace.create();
        google = serviceAccount.google();
    }

    static Map<String, Object> serviceAccountKey() {
        return serviceAccount.keyFile();
    }

    void connectGoogleSheets() {
        ws.api().body(Map.of("serviceAccountKey", serviceAccountKey())).put("/api/v1/integrations/google-sheets")
                .then().statusCode(200).body("clientEmail", equalTo(CLIENT_EMAIL));
    }

    static String csat(String spreadsheetId, String wait) {
        return """
            {"name": "CSAT to Sheets", "trigger": {"type": "conversation_opened"},
             "steps": [
               {"id": "rate", "type": "update_contact_field", "field": "rating", "value": "5"},%s
               {"id": "row", "type": "add_google_sheets_row", "spreadsheetId": "%s", "sheet": "CSAT Responses",
                "values": ["$contact.name", "$contact.id", "$system.current_datetime", "$contact.rating"],
                "onFailure": [{"id": "failed", "type": "add_comment", "text": "No CSAT row for $contact.name"}]},
               {"id": "done", "type": "add_comment", "text": "CSAT of $contact.name recorded"}]}
            """.formatted(wait == null ? "" : "{\"id\": \"wait\", \"type\": \"wait\", \"duration\": \"" + wait + "\"},",
                spreadsheetId);
    }

    Map<String, Object> rowRecord(String contactId) {
        List<Map<String, Object>> history = ws.runs(contactId).getList("runs[0].history");
        return history.stream().filter(h -> "add_google_sheets_row".equals(h.get("stepType"))).findFirst().orElseThrow();
    }

    @Test
    void theRowWithRenderedVariablesArrivesOnceAtTheNamedTab() {
        connectGoogleSheets();
        ws.publish(csat("1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgvE2upms", null));
        String now = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC).format(clock.instant());
        ws.contactSays("ada", "m-1", "Thanks!").then().statusCode(200);

        assertEquals(List.of(), google.refusedAssertions, "the JWT assertion is signed and addressed as Google expects");
        assertEquals(1, google.tokensIssued.size());
        assertEquals(1, google.appends.size());
        FakeGoogle.Append append = google.appends.get(0);
        assertEquals("/v4/spreadsheets/1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgvE2upms/values/%27CSAT%20Responses%27:append",
                append.rawPath());
        assertEquals("valueInputOption=USER_ENTERED&insertDataOption=INSERT_ROWS", append.query());
        assertEquals("Bearer " + google.tokensIssued.get(0), append.authorization());
        assertEquals(Map.of("majorDimension", "ROWS", "values", List.of(List.of("Ada", "ada", now, "5"))),
                new ObjectMapper().convertValue(append.body(), Map.class));

        assertEquals(List.of("CSAT of Ada recorded"), ws.conversation("ada").getList("comments.text"));
        assertEquals("row added at 'CSAT Responses'!A2:D2", rowRecord("ada").get("outcome"));
    }

    @Test
    void aFormulaInAContactsAnswerIsEnteredAsText() {
        connectGoogleSheets();
        ws.publish(csat("sheet-formulas", null));
        ws.deliver(Workspace.customMessage("eve", "=IMPORTXML(\\\"https://evil.example\\\", \\\"//a\\\")", "m-1", "Hi"))
                .then().statusCode(200);

        assertEquals("'=IMPORTXML(\"https://evil.example\", \"//a\")",
                google.appends.get(0).body().path("values").path(0).path(0).asText());
    }

    @Test
    void concurrentWakeUpsAndTheSweepAppendTheRowOnce() throws Exception {
        connectGoogleSheets();
        ws.publish(csat("sheet-after-wait", "PT1M"));
        ws.contactSays("ben", "m-1", "Hi").then().statusCode(200);
        JsonPath run = ws.runs("ben");
        String runId = run.getString("runs[0].id");
        String token = run.getString("runs[0].wakeToken");
        clock.advance(Duration.ofMinutes(2));

        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Thread t = new Thread(() -> ws.wakeUp("ben", runId, token));
            threads.add(t);
            t.start();
        }
        Workspace.sweep();
        for (Thread t : threads) {
            t.join();
        }
        Workspace.sweep();

        assertEquals(1, google.appends.size());
        assertEquals(List.of("CSAT of Ben recorded"), ws.conversation("ben").getList("comments.text"));
    }

    @Test
    void theAccessTokenIsReusedAcrossRunsUntilItExpires() {
        connectGoogleSheets();
        ws.publish(csat("sheet-two-runs", null));
        ws.contactSays("cy", "m-1", "Hi").then().statusCode(200);
        ws.contactSays("dee", "m-1", "Hi").then().statusCode(200);

        assertEquals(2, google.appends.size());
        assertEquals(1, google.tokensIssued.size(), "one token request for both rows");
        assertEquals(google.appends.get(0).authorization(), google.appends.get(1).authorization());
    }

    @Test
    void aSpreadsheetNotSharedWithTheServiceAccountTakesTheFailurePathAndNamesTheAccount() {
        connectGoogleSheets();
        ws.publish(csat("sheet-not-shared", null));
        google.answerNextAppend(403, """
                {"error": {"code": 403, "message": "The caller does not have permission", "status": "PERMISSION_DENIED"}}""");
        ws.contactSays("fay", "m-1", "Hi").then().statusCode(200);

        assertEquals(List.of("No CSAT row for Fay"), ws.conversation("fay").getList("comments.text"));
        String outcome = (String) rowRecord("fay").get("outcome");
        assertTrue(outcome.contains("share it with " + CLIENT_EMAIL + " as an editor"), outcome);
    }

    @Test
    void anUnknownSpreadsheetOrTabIsNamedInTheHistory() {
        connectGoogleSheets();
        ws.publish(csat("sheet-gone", null));
        google.answerNextAppend(404, """
                {"error": {"code": 404, "message": "Requested entity was not found.", "status": "NOT_FOUND"}}""");
        ws.contactSays("gus", "m-1", "Hi").then().statusCode(200);
        google.answerNextAppend(400, """
                {"error": {"code": 400, "message": "Unable to parse range: 'CSAT Responses'", "status": "INVALID_ARGUMENT"}}""");
        ws.contactSays("hal", "m-1", "Hi").then().statusCode(200);

        assertTrue(((String) rowRecord("gus").get("outcome")).contains("spreadsheet sheet-gone was not found"));
        assertTrue(((String) rowRecord("hal").get("outcome")).contains("no tab named \"CSAT Responses\""));
        assertEquals(List.of("No CSAT row for Hal"), ws.conversation("hal").getList("comments.text"));
    }

    @Test
    void aRateLimitedAppendIsRepeatedAndTheRowArrivesOnce() {
        connectGoogleSheets();
        ws.publish(csat("sheet-busy", null));
        google.answerNextAppend(429, """
                {"error": {"code": 429, "message": "Quota exceeded", "status": "RESOURCE_EXHAUSTED"}}""");
        ws.contactSays("ida", "m-1", "Hi").then().statusCode(200);

        assertEquals(1, google.appends.size());
        assertEquals(List.of("CSAT of Ida recorded"), ws.conversation("ida").getList("comments.text"));
    }

    @Test
    void withoutAConnectedServiceAccountTheFailurePathRuns() {
        ws.publish(csat("sheet-unconnected", null));
        ws.contactSays("jo", "m-1", "Hi").then().statusCode(200);

        assertEquals(List.of(), google.appends);
        assertEquals(List.of("No CSAT row for Jo"), ws.conversation("jo").getList("comments.text"));
        assertTrue(((String) rowRecord("jo").get("outcome")).contains("PUT /api/v1/integrations/google-sheets"));
    }

    @Test
    void thePrivateKeyIsNeverShownBack() {
        ws.api().get("/api/v1/integrations/google-sheets").then().statusCode(404);
        connectGoogleSheets();
        ws.publish(csat("sheet-secret", null));
        ws.contactSays("kim", "m-1", "Hi").then().statusCode(200);

        String read = ws.api().get("/api/v1/integrations/google-sheets").then().statusCode(200)
                .body("clientEmail", equalTo(CLIENT_EMAIL)).extract().asString();
        String keyMaterial = serviceAccount.privateKeyPem().split("\n")[3];
        for (String shown : List.of(read, ws.runs("kim").prettify())) {
            assertFalse(shown.contains("PRIVATE KEY") || shown.contains(keyMaterial), shown);
        }
    }

    @Test
    void keysThatAreNotServiceAccountKeysAreRefusedWithTheirPathsAndNothingIsStored() {
        Map<String, Object> userCredentials = new LinkedHashMap<>(serviceAccountKey());
        userCredentials.put("type", "authorized_user");
        userCredentials.remove("private_key");
        ws.api().body(Map.of("serviceAccountKey", userCredentials)).put("/api/v1/integrations/google-sheets")
                .then().statusCode(400)
                .body("problems.path", hasItem("$.serviceAccountKey.type"))
                .body("problems.path", hasItem("$.serviceAccountKey.private_key"));
        Map<String, Object> garbled = new LinkedHashMap<>(serviceAccountKey());
        garbled.put("private_key", "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n");
        ws.api().body(Map.of("serviceAccountKey", garbled)).put("/api/v1/integrations/google-sheets")
                .then().statusCode(400).body("problems.path", hasItem("$.serviceAccountKey.private_key"))
                .body("message", containsString("not a readable RSA private key"));
        ws.api().body(Map.of("key", "value")).put("/api/v1/integrations/google-sheets")
                .then().statusCode(400).body("problems.path", hasItem("$.serviceAccountKey"));

        ws.api().get("/api/v1/integrations/google-sheets").then().statusCode(404);
    }

    @Test
    void invalidStepsAreRefusedOnSaveWithTheirPaths() {
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i < 27; i++) {
            tooMany.add("\"$contact.name\"");
        }
        String doc = """
            {"name": "Bad rows", "trigger": {"type": "conversation_opened"},
             "steps": [{"type": "add_google_sheets_row", "sheet": "Responses", "values": ["$contact.name"]},
                       {"type": "add_google_sheets_row", "spreadsheetId": "abc", "sheet": "Responses", "values": [%s]},
                       {"type": "add_google_sheets_row", "spreadsheetId": "https://docs.google.com/spreadsheets/d/abc/edit",
                        "sheet": "Responses", "values": ["x"]}]}
            """.formatted(String.join(", ", tooMany));
        ws.api().body(doc).post("/api/v1/workflows").then().statusCode(422)
                .body("problems.path", hasItem("$.steps[0]"))
                .body("problems.message", hasItem(containsString("spreadsheetId")))
                .body("problems.path", hasItem("$.steps[1].values"))
                .body("problems.path", hasItem("$.steps[2].spreadsheetId"));
        ws.api().get("/api/v1/workflows").then().statusCode(200).body("workflows.size()", equalTo(0));
    }
}
