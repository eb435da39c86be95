package io.switchboard.scenario.templates;

import static io.restassured.RestAssured.given;
import static io.switchboard.scenario.templates.Installs.fieldsOf;
import static io.switchboard.scenario.templates.Installs.install;
import static io.switchboard.scenario.templates.Installs.tags;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.switchboard.support.DynamoDbLocalResource;
import io.switchboard.support.Workspace;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Templates started by an outside system posting to the workflow's Incoming Webhook URL. */
@QuarkusTest
@QuarkusTestResource(DynamoDbLocalResource.class)
class WebhookTemplatesTest {

    /** Posts the body as the website does, signed with the workflow's secret. */
    static Response post(Workspace ws, String workflow, String secret, String body) {
        return given().header("X-Switchboard-Signature", "sha256=" + Workspace.sign(secret, body))
                .contentType("application/json").body(body.getBytes(StandardCharsets.UTF_8))
                .post("/webhooks/workflows/" + ws.id + "/" + workflow);
    }

    @Test
    void eachWebsiteSavesItsNameAndPageOnTheContactAndTagsThemForThatWebsite() {
        Workspace ws = Workspace.create();
        String workflow = install(ws, "track-website-source", Map.of("firstWebsite", "acme-shop", "firstWebsiteTag", "from-shop",
                "secondWebsite", "acme-blog", "secondWebsiteTag", "from-blog"));
        String secret = ws.api().get("/api/v1/workflows/" + workflow + "/webhook").then().statusCode(200)
                .extract().jsonPath().getString("secret");
        ws.contactSays("ada", "m-1", "Hi, a question about the pricing").then().statusCode(200);

        post(ws, workflow, secret, "{\"contact\": {\"id\": \"ada\"}, \"website\": \"acme-shop\", \"page\": \"/pricing\"}")
                .then().statusCode(201).body("contactId", equalTo("ada"));
        post(ws, workflow, secret,
                "{\"contact\": {\"id\": \"zoe\", \"name\": \"Zoe Quinn\"}, \"website\": \"acme-blog\", \"page\": \"/posts/spring-sale\"}")
                .then().statusCode(201);
        post(ws, workflow, secret, "{\"contact\": {\"id\": \"max\"}, \"website\": \"partner-site\", \"page\": \"/acme\"}")
                .then().statusCode(201);

        assertEquals(Map.of("source_website", "acme-shop", "source_page", "/pricing"), fieldsOf(ws, "ada"));
        assertEquals(List.of("from-shop"), tags(ws, "ada"));
        assertEquals("Zoe Quinn", ws.api().get("/api/v1/contacts/zoe").then().statusCode(200).extract().jsonPath().getString("name"));
        assertEquals(Map.of("source_website", "acme-blog", "source_page", "/posts/spring-sale"), fieldsOf(ws, "zoe"));
        assertEquals(List.of("from-blog"), tags(ws, "zoe"));
        assertEquals(List.of("from-other-website"), tags(ws, "max"));

        // a delivery not signed with the workflow's secret changes nothing
        post(ws, workflow, "a-guessed-secret", "{\"contact\": {\"id\": \"ada\"}, \"website\": \"acme-blog\", \"page\": \"/\"}")
                .then().statusCode(401);
        assertEquals("acme-shop", fieldsOf(ws, "ada").get("source_website"));
        assertEquals(List.of("from-shop"), tags(ws, "ada"));
    }
}
