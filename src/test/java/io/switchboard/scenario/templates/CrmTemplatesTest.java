package io.switchboard.scenario.templates;

import static io.switchboard.scenario.templates.Installs.fieldsOf;
import static io.switchboard.scenario.templates.Installs.install;
import static io.switchboard.scenario.templates.Installs.sentTo;
import static io.switchboard.scenario.templates.Installs.tags;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.switchboard.support.CustomerApi;
import io.switchboard.support.DynamoDbLocalResource;
import io.switchboard.support.Workspace;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Templates that talk to a CRM over HTTP Request, against a local server speaking a CRM's JSON. */
@QuarkusTest
@QuarkusTestResource(DynamoDbLocalResource.class)
class CrmTemplatesTest {

    static final CustomerApi crm = new CustomerApi();

    @BeforeAll
    static void crmAnswers() {
        crm.answers("/api/search", request -> {
            boolean known = request.uri().endsWith("?email=ada@example.com");
            return new CustomerApi.Answer(known ? 200 : 404,
                    known ? "{\"customers\": [{\"id\": \"C-42\", \"name\": \"Ada\"}]}" : "{\"customers\": []}");
        });
        crm.answers("/api/customers/", request -> {
            boolean known = request.uri().endsWith("/ada");
            return new CustomerApi.Answer(known ? 200 : 404, known
                    ? "{\"customer\": {\"tier\": \"gold\", \"orders\": [{\"id\": \"o-17\"}, {\"id\": \"o-9\"}]}}"
                    : "{\"error\": \"not found\"}");
        });
        crm.answers("/api/csat", 201, "{\"ok\": true}");
    }

    static String crmUrl(String path) {
        return crm.url(path);
    }

    Workspace ws;

    /** The CRM runs on this machine, so the workspace must allow private HTTP targets. */
    @BeforeEach
    void workspace() {
        ws = Workspace.create().user("alice", true).allowPrivateHttpTargets();
        crm.reset();
    }

    @Test
    void aContactWhoseEmailTheCrmKnowsGetsTheCustomerIdAndAnUnknownOneIsTaggedForFollowUp() {
        install(ws, "crm-identify-contact", Map.of("lookupUrl", crmUrl("/api/search?email=$contact.email"),
                "authorization", "Bearer crm-secret", "customerIdPath", "$.customers[0].id"));
        ws.contactSays("ada", "m-1", "Hi").then().statusCode(200);
        ws.contactSays("ben", "m-1", "Hi").then().statusCode(200);

        Installs.fields(ws, "ada", Map.of("email", "ada@example.com"));
        Installs.fields(ws, "ben", Map.of("email", "ben@example.com"));

        assertEquals(List.of("GET /api/search?email=ada@example.com", "GET /api/search?email=ben@example.com"),
                crm.received().stream().map(r -> r.method() + " " + r.uri()).toList());
        assertEquals("Bearer crm-secret", crm.received().get(0).header("Authorization"));
        assertEquals("C-42", fieldsOf(ws, "ada").get("crm_id"));
        assertEquals(List.of("Identified in the CRM as customer C-42"), ws.conversation("ada").getList("comments.text"));
        assertNull(fieldsOf(ws, "ben").get("crm_id"));
        assertEquals(List.of("not-in-crm"), tags(ws, "ben"));
        assertEquals(List.of(), ws.conversation("ben").getList("comments"));
    }

    @Test
    void aKnownCustomersTierAndLastOrderAreSavedTopTierIsTaggedAndTheAgentGetsASummary() {
        install(ws, "crm-enrich-contact", Map.of("lookupUrl", crmUrl("/api/customers/$contact.id"),
                "authorization", "Bearer crm-secret", "tierPath", "$.customer.tier",
                "lastOrderPath", "$.customer.orders[0].id"));

        ws.contactSays("ada", "m-1", "Where is my order?").then().statusCode(200);
        ws.contactSays("ben", "m-1", "Hello").then().statusCode(200);

        assertEquals("gold", fieldsOf(ws, "ada").get("tier"));
        assertEquals("o-17", fieldsOf(ws, "ada").get("last_order"));
        assertEquals(List.of("vip"), tags(ws, "ada"));
        assertEquals(List.of("CRM: Ada is gold, last order o-17"), ws.conversation("ada").getList("comments.text"));
        assertEquals(List.of("CRM lookup failed for Ben; check the contact by hand"),
                ws.conversation("ben").getList("comments.text"));
        assertEquals(List.of(), tags(ws, "ben"));
    }

    @Test
    void closingAConversationAsksForARatingPostsItToTheCrmThanksAndClosesAgain() {
        install(ws, "csat-to-crm", Map.of("crmUrl", crmUrl("/api/csat"), "authorization", "Bearer crm-secret"));
        ws.contactSays("ada", "m-1", "Thanks for the help").then().statusCode(200);
        ws.api().body(Map.of("userId", "alice")).put("/api/v1/contacts/ada/assignee").then().statusCode(200);

        ws.close("ada");
        assertEquals("open", ws.conversation("ada").getString("status"), "reopened for the survey");
        ws.contactSays("ada", "m-2", "great").then().statusCode(200);
        ws.contactSays("ada", "m-3", "5").then().statusCode(200);

        assertEquals(List.of("Thanks for talking to us, Ada! How would you rate our service from 1 (poor) to 5 (excellent)?",
                "Please reply with a number from 1 to 5.\n\nThanks for talking to us, Ada! How would you rate our service"
                        + " from 1 (poor) to 5 (excellent)?",
                "Thank you for your feedback!"), sentTo(ws, "ada"));
        assertEquals(1, crm.received().size());
        JsonPath posted = JsonPath.from(crm.received().get(0).body());
        assertEquals("POST /api/csat", crm.received().get(0).method() + " " + crm.received().get(0).uri());
        assertEquals(Map.of("contact", "ada", "name", "Ada", "rating", "5", "agent", "Alice"),
                Map.of("contact", posted.getString("contact"), "name", posted.getString("name"),
                        "rating", posted.getString("rating"), "agent", posted.getString("agent")));
        assertEquals("closed", ws.conversation("ada").getString("status"));
    }
}
