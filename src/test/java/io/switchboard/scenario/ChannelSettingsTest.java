package io.switchboard.scenario;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.switchboard.support.DynamoDbLocalResource;
import io.switchboard.support.FakePlatforms;
import io.switchboard.support.PlatformChannel;
import io.switchboard.support.Workspace;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Connecting platform channels through the API: validated settings, credentials sealed and never shown. */
@QuarkusTest
@QuarkusTestResource(DynamoDbLocalResource.class)
@QuarkusTestResource(FakePlatforms.class)
class ChannelSettingsTest {

    @Inject
    DynamoDbClient db;

    @Test
    void credentialsAreStoredSealedAndReadBackMasked() {
        Workspace ws = Workspace.create();
        PlatformChannel channel = PlatformChannel.connect(ws, "whatsapp", Map.of("phoneNumberId", "106540352242922",
                "accessToken", "EAAG-a-very-secret-token-WXYZ", "appSecret", "app-secret-ABCD-1234",
                "verifyToken", "short"));

        JsonPath read = ws.api().get("/api/v1/channels/" + channel.id).then().statusCode(200).extract().jsonPath();
        assertEquals("whatsapp", read.getString("type"));
        assertEquals("/webhooks/whatsapp/" + channel.id, read.getString("webhookPath"));
        assertEquals(Map.of("phoneNumberId", "106540352242922", "accessToken", "****WXYZ", "appSecret", "****1234",
                "verifyToken", "****"), read.getMap("settings"));
        ws.api().get("/api/v1/channels").then().statusCode(200).body("channels.id", hasItem(channel.id));

        Map<String, AttributeValue> item = db.getItem(b -> b.tableName("switchboard")
                .key(Map.of("pk", AttributeValue.fromS("CHANNEL#" + channel.id), "sk", AttributeValue.fromS("CHANNEL"))))
                .item();
        String stored = item.toString();
        assertFalse(stored.contains("EAAG-a-very-secret-token-WXYZ") || stored.contains("app-secret-ABCD-1234"),
                "the table holds ciphertext only");
        assertTrue(item.get("sealedCredentials").s().startsWith("v1:"));
    }

    @Test
    void theCustomChannelsSigningSecretIsShownOnceAndStoredSealed() {
        JsonPath created = Workspace.create().api().body(Map.of("type", "custom", "name", "Web chat"))
                .post("/api/v1/channels").then().statusCode(201).extract().jsonPath();
        String secret = created.getString("secret");
        Map<String, AttributeValue> item = db.getItem(b -> b.tableName("switchboard")
                .key(Map.of("pk", AttributeValue.fromS("CHANNEL#" + created.getString("id")),
                        "sk", AttributeValue.fromS("CHANNEL")))).item();
        assertFalse(item.toString().contains(secret), "the table holds ciphertext only");
        assertTrue(item.get("secret").s().startsWith("v1:"));
    }

    @Test
    void settingsAreValidatedPerTypeWithTheirJsonPath() {
        Workspace ws = Workspace.create();
        ws.api().body(Map.of("type", "twilio", "name", "SMS", "settings", Map.of("accountSid", "nope",
                "phoneNumber", "+15017122661", "colour", "blue")))
                .post("/api/v1/channels").then().statusCode(400)
                .body("problems.path", hasItem("$.settings.accountSid"))
                .body("problems.path", hasItem("$.settings.authToken"))
                .body("problems.path", hasItem("$.settings.colour"));
        ws.api().body(Map.of("type", "pigeon", "name", "x")).post("/api/v1/channels").then().statusCode(400)
                .body("problems[0].path", equalTo("$.type"));
        ws.api().body(Map.of("type", "telegram", "name", "Bot")).post("/api/v1/channels").then().statusCode(400)
                .body("problems[0].path", equalTo("$.settings"));
    }

    @Test
    void anotherWorkspacesChannelIsNotFound() {
        Workspace mine = Workspace.create();
        Workspace theirs = Workspace.create();
        PlatformChannel channel = PlatformChannel.connect(theirs, "line", Map.of("channelSecret", "s3cr3t-line-secret",
                "channelAccessToken", "line-token-abcdefgh"));
        mine.api().get("/api/v1/channels/" + channel.id).then().statusCode(404);
    }
}
