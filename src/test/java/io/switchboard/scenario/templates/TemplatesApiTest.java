package io.switchboard.scenario.templates;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.switchboard.support.DynamoDbLocalResource;
import io.switchboard.support.Workspace;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The template catalog through the API: listing, reading, installing, and the install's refusals. */
@QuarkusTest
@QuarkusTestResource(DynamoDbLocalResource.class)
class TemplatesApiTest {

    static List<String> shippedIds() throws IOException {
        try (InputStream in = TemplatesApiTest.class.getResourceAsStream("/templates/index.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        }
    }

    @Test
    void listsEveryShippedTemplateWithTheRecipeItImplements() throws IOException {
        JsonPath list = Workspace.create().api().get("/api/v1/templates").then().statusCode(200).extract().jsonPath();

        assertEquals(shippedIds(), list.getList("templates.id"));
        List<Map<String, Object>> templates = list.getList("templates");
        for (Map<String, Object> t : templates) {
            assertFalse(((String) t.get("recipe")).isBlank(), t.toString());
            assertFalse(((String) t.get("description")).isBlank(), t.toString());
        }
        Map<String, Object> transfer = templates.stream().filter(t -> t.get("id").equals("prompt-transfer")).findFirst()
                .orElseThrow();
        assertEquals("How to Promptly Transfer Conversation Between Agents", transfer.get("recipe"));
        assertEquals(List.of("firstAgentId", "teamId"), transfer.get("requiredParameters"));
    }

    /** Every template, installed with the examples its own parameters document, saves and publishes. */
    @Test
    void everyTemplateInstallsWithItsExampleParametersAndPublishes() throws IOException {
        Workspace ws = Workspace.create();
        Set<String> users = new HashSet<>();
        Set<String> teams = new HashSet<>();
        for (String id : shippedIds()) {
            JsonPath template = ws.api().get("/api/v1/templates/" + id).then().statusCode(200).extract().jsonPath();
            Map<String, Object> examples = new LinkedHashMap<>();
            for (Map<String, Object> p : template.<Map<String, Object>>getList("parameters")) {
                examples.put((String) p.get("name"), p.get("example"));
                String value = String.valueOf(p.get("example"));
                if (p.get("type").equals("user") && users.add(value)) {
                    ws.user(value, true);
                }
                if (p.get("type").equals("team") && teams.add(value)) {
                    ws.team(value);
                }
            }
            JsonPath installed = ws.api().body(Map.of("workflowId", "from-" + id, "parameters", examples, "publish", true))
                    .post("/api/v1/templates/" + id + "/install").then().statusCode(201).extract().jsonPath();

            assertEquals("published", installed.getString("status"), id);
            assertEquals(1, installed.getInt("version"), id);
            JsonPath stored = ws.api().get("/api/v1/workflows/from-" + id).then().statusCode(200).extract().jsonPath();
            assertEquals(1, stored.getInt("publishedVersion"), id);
            String document = ws.api().get("/api/v1/workflows/from-" + id).asString();
            assertFalse(document.contains("{{"), id + " left a placeholder unfilled: " + document);
        }
        assertEquals(shippedIds().size(), ws.api().get("/api/v1/workflows").jsonPath().getList("workflows").size());
    }

    @Test
    void missingUnknownAndMistypedParametersAreRefusedTogetherEachByItsPath() {
        Workspace ws = Workspace.create().user("alice", true).team("support", "alice");
        ws.api().body(Map.of("parameters", Map.of("teamId", 5, "waitFor", "15 minutes", "onlyOnline", "yes",
                "assignmentLogic", "random", "colour", "red"), "publish", true))
                .post("/api/v1/templates/prompt-transfer/install").then().statusCode(400)
                .body("error", equalTo("invalid_parameters"))
                .body("problems.path", hasItems("$.parameters.firstAgentId", "$.parameters.teamId",
                        "$.parameters.waitFor", "$.parameters.onlyOnline", "$.parameters.assignmentLogic",
                        "$.parameters.colour"))
                .body("problems.find { it.path == '$.parameters.assignmentLogic' }.message",
                        equalTo("must be one of round_robin, least_open_contacts"));

        assertEquals(List.of(), ws.api().get("/api/v1/workflows").jsonPath().getList("workflows"), "nothing is stored");
    }

    @Test
    void usersAndTeamsThatDoNotExistInTheWorkspaceAreRefused() {
        Workspace ws = Workspace.create().user("alice", true);
        ws.api().body(Map.of("parameters", Map.of("firstAgentId", "zoe", "teamId", "ghosts")))
                .post("/api/v1/templates/prompt-transfer/install").then().statusCode(400)
                .body("problems.path", equalTo(List.of("$.parameters.firstAgentId", "$.parameters.teamId")))
                .body("problems[0].message", containsString("no user zoe in this workspace"))
                .body("problems[1].message", containsString("no team ghosts in this workspace"));
    }

    @Test
    void problemsTheWorkflowFindsInAValueAreNamedByTheParameter() {
        Workspace ws = Workspace.create();
        ws.api().body(Map.of("parameters", Map.of("timeZone", "Mars/Olympus",
                "businessHours", Map.of("monday", List.of(Map.of("from", "18:00", "to", "09:00"))),
                "welcomeMessage", "x".repeat(2001))))
                .post("/api/v1/templates/welcome-away-messages/install").then().statusCode(400)
                .body("problems.path", equalTo(List.of("$.parameters.timeZone")));
        ws.api().body(Map.of("parameters", Map.of("timeZone", "Europe/Lisbon",
                "businessHours", Map.of("monday", List.of(Map.of("from", "18:00", "to", "09:00"))),
                "welcomeMessage", "x".repeat(2001))))
                .post("/api/v1/templates/welcome-away-messages/install").then().statusCode(400)
                .body("problems.path", equalTo(List.of("$.parameters.welcomeMessage")));
        ws.api().body(Map.of("parameters", Map.of("timeZone", "Europe/Lisbon",
                "businessHours", Map.of("monday", List.of(Map.of("from", "18:00", "to", "09:00"))))))
                .post("/api/v1/templates/welcome-away-messages/install").then().statusCode(400)
                .body("problems.path", equalTo(List.of("$.parameters.businessHours.monday[0]")))
                .body("problems[0].message", equalTo("opening hours end after they start"));
    }

    @Test
    void installingAgainUnderTheSameWorkflowIdChangesNothingAndAnotherDocumentConflicts() {
        Workspace ws = Workspace.create().user("alice", true).team("support", "alice");
        Map<String, Object> parameters = Map.of("firstAgentId", "alice", "teamId", "support");
        ws.api().body(Map.of("workflowId", "transfer", "parameters", parameters))
                .post("/api/v1/templates/prompt-transfer/install").then().statusCode(201)
                .body("status", equalTo("draft"), "version", equalTo(0));
        ws.api().body(Map.of("workflowId", "transfer", "parameters", parameters, "publish", true))
                .post("/api/v1/templates/prompt-transfer/install").then().statusCode(200)
                .body("status", equalTo("published"), "version", equalTo(1));
        ws.api().body(Map.of("workflowId", "transfer", "parameters", parameters, "publish", true))
                .post("/api/v1/templates/prompt-transfer/install").then().statusCode(200)
                .body("version", equalTo(1));

        ws.api().body(Map.of("workflowId", "transfer", "parameters", Map.of("firstAgentId", "alice", "teamId", "support",
                "waitFor", "PT5M"))).post("/api/v1/templates/prompt-transfer/install").then().statusCode(409)
                .body("message", containsString("PUT /api/v1/workflows/transfer"));
        JsonPath workflows = ws.api().get("/api/v1/workflows").jsonPath();
        assertEquals(List.of("transfer"), workflows.getList("workflows.id"));
        assertEquals("PT15M", workflows.getString("workflows[0].document.steps[1].duration"));
    }

    @Test
    void theInstalledWorkflowCarriesTheChosenNameAndTheTemplateReadsWithItsParameters() {
        Workspace ws = Workspace.create().team("support");
        JsonPath template = ws.api().get("/api/v1/templates/assignment-least-open-contacts").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of("teamId", "onlyOnline", "maxOpenContacts", "welcomeMessage"),
                template.getList("parameters.name"));
        assertEquals(20, template.getInt("parameters.find { it.name == 'maxOpenContacts' }.default"));
        assertEquals("{{teamId}}", template.getString("workflow.steps[1].teamId"));

        ws.api().body(Map.of("name", "Support queue", "parameters", Map.of("teamId", "support", "maxOpenContacts", 3)))
                .post("/api/v1/templates/assignment-least-open-contacts/install").then().statusCode(201)
                .body("document.name", equalTo("Support queue"))
                .body("document.steps[1].maxOpenContacts", equalTo(3))
                .body("document.steps[1].onlyOnline", equalTo(true));
        ws.api().body(Map.of("parameters", Map.of())).post("/api/v1/templates/no-such-thing/install")
                .then().statusCode(404);
        ws.api().body(Map.of("parameters", Map.of("teamId", "support"), "publsh", true))
                .post("/api/v1/templates/assignment-least-open-contacts/install").then().statusCode(400)
                .body("problems.path", equalTo(List.of("$.publsh")));
    }
}
