package io.switchboard.scenario;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.switchboard.support.DynamoDbLocalResource;
import io.switchboard.support.Workspace;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Incoming Webhook: an outside system posts signed JSON to a workflow's URL and the body drives the run. */
@QuarkusTest
@QuarkusTestResource(DynamoDbLocalResource.class)
class IncomingWebhookTest {

    static final String ORDER_PAID = """
        {"name": "Order paid", "trigger": {"type": "incoming_webhook", "contactIdPath": "$.customer.id"},
         "steps": [
           {"id": "note", "type": "add_comment", "text": "Order $trigger.order.id paid: $trigger.order.total EUR, first item $trigger.order.items.0.sku"},
           {"id": "remember", "type": "update_contact_field", "field": "last_order", "value": "$trigger.order.id"},
           {"id": "size", "type": "branch",
            "branches": [{"name": "Big", "conditions": [
              {"category": "variable", "name": "trigger.order.total", "operator": "is_greater_than", "value": "100"}],
              "steps": [{"type": "add_comment", "text": "Big order from $contact.name, missing $trigger.order.coupon stays"}]}],
            "else": [{"type": "add_comment", "text": "Small order"}]}]}
        """;

    static final String PAID_BODY = """
        {"customer": {"id": "ada"}, "order": {"id": "A-1001", "total": 142.5, "items": [{"sku": "TEA-1"}], "coupon": null}}""";

    @Test
    void aSignedDeliveryStartsARunWhoseStepsReadTheBody() {
        Workspace ws = Workspace.create();
        String workflow = ws.publish(ORDER_PAID);
        ws.contactSays("ada", "m-1", "Hi").then().statusCode(200);
        String secret = webhook(ws, workflow).getString("secret");

        deliver(ws, workflow, secret, PAID_BODY, null).then().statusCode(201)
                .body("started", equalTo(true), "contactId", equalTo("ada"), "status", equalTo("completed"));

        assertEquals(List.of("Order A-1001 paid: 142.5 EUR, first item TEA-1",
                "Big order from Ada, missing $trigger.order.coupon stays"), ws.conversation("ada").getList("comments.text"));
        JsonPath runs = ws.runs("ada");
        assertEquals("A-1001", runs.getString("runs.find { it.workflowId == '" + workflow + "' }.history[1].details.value"));
        assertEquals("A-1001", runs.getString("runs.find { it.workflowId == '" + workflow + "' }.trigger['order.id']"));
        assertEquals(List.of(new java.util.LinkedHashMap<>(java.util.Map.of("condition",
                        "variable.trigger.order.total is_greater_than 100", "observed", "142.5", "result", true))),
                runs.getList("runs.find { it.workflowId == '" + workflow + "' }.history[2].observations"));
    }

    @Test
    void unsignedAndForgedDeliveriesAreRefusedAndNothingIsStored() {
        Workspace ws = Workspace.create();
        String workflow = ws.publish(ORDER_PAID.replace("\"$.customer.id\"", "\"$.customer.id\", \"createContact\": true"));
        String secret = webhook(ws, workflow).getString("secret");

        given().contentType("application/json").body(PAID_BODY).post(path(ws, workflow)).then().statusCode(401)
                .body("error", equalTo("unauthorized"), "problems.path", hasItem("X-Switchboard-Signature"));
        deliver(ws, workflow, "not-the-secret", PAID_BODY, null).then().statusCode(401)
                .body("message", containsString("does not match"));
        // signed, then altered on the way: the signature no longer matches
        given().header("X-Switchboard-Signature", "sha256=" + Workspace.sign(secret, PAID_BODY))
                .contentType("application/json").body(PAID_BODY.replace("142.5", "1.5"))
                .post(path(ws, workflow)).then().statusCode(401);

        ws.api().get("/api/v1/contacts/ada/conversation").then().statusCode(404);
        // no contact was created, so it has no runs to list (issue 11: an unknown contact's runs are a 404)
        ws.api().get("/api/v1/contacts/ada/runs").then().statusCode(404);
    }

    @Test
    void theSameDeliveryTwiceStartsOneRun() {
        Workspace ws = Workspace.create();
        String workflow = ws.publish(ORDER_PAID);
        ws.contactSays("ada", "m-1", "Hi").then().statusCode(200);
        String secret = webhook(ws, workflow).getString("secret");

        String first = deliver(ws, workflow, secret, PAID_BODY, null).then().statusCode(201)
                .extract().jsonPath().getString("runId");
        // a retry without a key: the same body is the same delivery
        deliver(ws, workflow, secret, PAID_BODY, null).then().statusCode(200)
                .body("started", equalTo(false), "duplicate", equalTo(true), "runId", equalTo(first));
        // with an Idempotency-Key, a retry is recognised even when the sender re-serialised the body
        String keyed = deliver(ws, workflow, secret, PAID_BODY.replace("A-1001", "A-1002"), "order-A-1002")
                .then().statusCode(201).extract().jsonPath().getString("runId");
        deliver(ws, workflow, secret, PAID_BODY.replace("A-1001", "A-1002").replace(" ", ""), "order-A-1002")
                .then().statusCode(200).body("duplicate", equalTo(true), "runId", equalTo(keyed));

        assertNotEquals(first, keyed);
        assertEquals(2, ws.runs("ada").getList("runs.findAll { it.workflowId == '" + workflow + "' }").size());
        assertEquals(4, ws.conversation("ada").getList("comments").size());
    }

    @Test
    void malformedBodiesAndMissingContactsAreRefusedSayingWhatAndWhere() {
        Workspace ws = Workspace.create();
        String workflow = ws.publish(ORDER_PAID);
        ws.contactSays("ada", "m-1", "Hi").then().statusCode(200);
        String secret = webhook(ws, workflow).getString("secret");

        deliver(ws, workflow, secret, "{\"customer\": {\"id\": \"ada\",}", null).then().statusCode(400)
                .body("error", equalTo("malformed_json"), "message", containsString("line 1, column"));
        deliver(ws, workflow, secret, "[1, 2]", null).then().statusCode(400)
                .body("message", containsString("JSON object"));
        deliver(ws, workflow, secret, "{\"client\": {\"id\": \"ada\"}}", null).then().statusCode(422)
                .body("error", equalTo("missing_contact"), "problems.path", hasItem("$.customer.id"));
        deliver(ws, workflow, secret, "{\"customer\": {\"id\": \"no spaces please\"}}", null).then().statusCode(422)
                .body("error", equalTo("invalid_contact"));
        // the trigger does not create contacts: an unknown one is refused, not created
        deliver(ws, workflow, secret, PAID_BODY.replace("\"ada\"", "\"zoe\""), null).then().statusCode(422)
                .body("error", equalTo("unknown_contact"), "problems.path", hasItem("$.customer.id"));
        ws.api().get("/api/v1/contacts/zoe/conversation").then().statusCode(404);

        deliver(ws, "wf_unknown", secret, PAID_BODY, null).then().statusCode(404);
        String draft = ws.api().body(ORDER_PAID).post("/api/v1/workflows").then().statusCode(201)
                .extract().jsonPath().getString("id");
        String draftSecret = webhook(ws, draft).getString("secret");
        deliver(ws, draft, draftSecret, PAID_BODY, null).then().statusCode(404)
                .body("message", containsString("no published workflow"));

        assertEquals(List.of(), ws.runs("ada").getList("runs.findAll { it.workflowId == '" + workflow + "' }"));
    }

    @Test
    void anUnknownContactIsCreatedWithItsNameWhenTheTriggerSaysSo() {
        Workspace ws = Workspace.create();
        String workflow = ws.publish("""
            {"name": "Lead", "trigger": {"type": "incoming_webhook", "contactIdPath": "$.lead.email",
                                         "contactNamePath": "$.lead.name", "createContact": true},
             "steps": [{"type": "update_contact_field", "field": "campaign", "value": "$trigger.lead.campaign"}]}
            """);
        String secret = webhook(ws, workflow).getString("secret");

        deliver(ws, workflow, secret, "{\"lead\": {\"email\": \"zoe@example.com\", \"name\": \"Zoe Quinn\", \"campaign\": \"spring\"}}",
                null).then().statusCode(201).body("contactId", equalTo("zoe@example.com"));

        ws.api().get("/api/v1/contacts/zoe@example.com/conversation").then().statusCode(200)
                .body("contactName", equalTo("Zoe Quinn"));
        assertEquals("field campaign set to \"spring\"", ws.runs("zoe@example.com").getString("runs[0].history[0].outcome"));
    }

    @Test
    void theSecretIsReadableWithTheApiKeyAndRotatingItRetiresTheOldOne() {
        Workspace ws = Workspace.create();
        String workflow = ws.publish(ORDER_PAID);
        ws.contactSays("ada", "m-1", "Hi").then().statusCode(200);
        JsonPath first = webhook(ws, workflow);
        assertEquals("/webhooks/workflows/" + ws.id + "/" + workflow, first.getString("path"));
        assertEquals(first.getString("secret"), webhook(ws, workflow).getString("secret"));

        String rotated = ws.api().post("/api/v1/workflows/" + workflow + "/webhook/rotate").then().statusCode(201)
                .extract().jsonPath().getString("secret");

        assertNotEquals(first.getString("secret"), rotated);
        deliver(ws, workflow, first.getString("secret"), PAID_BODY, null).then().statusCode(401);
        deliver(ws, workflow, rotated, PAID_BODY, null).then().statusCode(201);
        given().get("/api/v1/workflows/" + workflow + "/webhook").then().statusCode(401);
        String manual = ws.publish("{\"name\": \"M\", \"trigger\": {\"type\": \"manual\"}, \"steps\": []}");
        ws.api().get("/api/v1/workflows/" + manual + "/webhook").then().statusCode(409).body("error", equalTo("not_webhook"));
    }

    private static JsonPath webhook(Workspace ws, String workflow) {
        return ws.api().get("/api/v1/workflows/" + workflow + "/webhook").then().statusCode(200).extract().jsonPath();
    }

    private static String path(Workspace ws, String workflow) {
        return "/webhooks/workflows/" + ws.id + "/" + workflow;
    }

    /** Posts the body as an outside system would, signed with the secret. */
    private static Response deliver(Workspace ws, String workflow, String secret, String body, String idempotencyKey) {
        var request = given().header("X-Switchboard-Signature", "sha256=" + Workspace.sign(secret, body))
                .contentType("application/json").body(body.getBytes(StandardCharsets.UTF_8));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.post(path(ws, workflow));
    }
}
