package io.switchboard.support;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** A fresh workspace, driven only through the public HTTP API, as a user would. */
public final class Workspace {

    public static final String ADMIN_TOKEN = "test-admin-token";
    /** What the scheduler presents to the internal functions (switchboard.internal-token in the test profile). */
    public static final String INTERNAL_TOKEN = "test-internal-token";

    public final String id;
    public final String apiKey;
    private String channelId;
    private String channelSecret;

    private Workspace(String id, String apiKey) {
        this.id = id;
        this.apiKey = apiKey;
    }

    public static Workspace create() {
        String id = "ws-" + UUID.randomUUID().toString().substring(0, 8);
        JsonPath created = given().header("X-Admin-Token", ADMIN_TOKEN).contentType("application/json")
                .body(Map.of("id", id, "name", "Test " + id))
                .post("/admin/workspaces").then().statusCode(201).extract().jsonPath();
        Workspace ws = attach(id, created.getString("apiKey"));
        ws.connectChannel();
        return ws;
    }

    /** A workspace that already exists, reached with its API key. */
    public static Workspace attach(String id, String apiKey) {
        return new Workspace(id, apiKey);
    }

    /** Connects a custom channel, as an integrator does before sending webhooks. */
    public Workspace connectChannel() {
        JsonPath channel = api().body(Map.of("type", "custom", "name", "Web chat"))
                .post("/api/v1/channels").then().statusCode(201).extract().jsonPath();
        channelId = channel.getString("id");
        channelSecret = channel.getString("secret");
        return this;
    }

    /**
     * Lets HTTP Request steps and the AI integration reach private addresses: the fixture servers they
     * call run on this machine, as a real workspace's systems would on its own network.
     */
    public Workspace allowPrivateHttpTargets() {
        api().body(Map.of("allowPrivateHttpTargets", true)).put("/api/v1/workspace/settings").then().statusCode(200);
        return this;
    }

    public RequestSpecification api() {
        return given().header("Authorization", "Bearer " + apiKey).contentType("application/json");
    }

    public String channelId() {
        return channelId;
    }

    public Workspace user(String id, boolean online) {
        api().body(Map.of("id", id, "name", capitalized(id), "email", id + "@example.com", "online", online))
                .post("/api/v1/users").then().statusCode(201);
        return this;
    }

    public Workspace online(String userId, boolean online) {
        api().body(Map.of("online", online)).put("/api/v1/users/" + userId + "/status").then().statusCode(200);
        return this;
    }

    public Workspace team(String id, String... members) {
        api().body(Map.of("id", id, "name", capitalized(id), "members", List.of(members)))
                .post("/api/v1/teams").then().statusCode(201);
        return this;
    }

    /** Saves and publishes a workflow document; returns its id. */
    public String publish(String document) {
        String id = api().body(document).post("/api/v1/workflows").then().statusCode(201)
                .extract().jsonPath().getString("id");
        api().post("/api/v1/workflows/" + id + "/publish").then().statusCode(200);
        return id;
    }

    public static String customMessage(String contactId, String name, String messageId, String text) {
        return "{\"contact\":{\"id\":\"" + contactId + "\",\"name\":\"" + name + "\"},"
                + "\"message\":{\"id\":\"" + messageId + "\",\"text\":\"" + text + "\",\"time\":\"2026-11-24T10:00:00Z\"}}";
    }

    /** Delivers a signed custom-channel webhook exactly as an integrator would. */
    public Response deliver(String rawBody) {
        return given().header("X-Switchboard-Signature", "sha256=" + sign(channelSecret, rawBody))
                .contentType("application/json").body(rawBody.getBytes(StandardCharsets.UTF_8))
                .post("/webhooks/custom/" + channelId);
    }

    public Response contactSays(String contactId, String messageId, String text) {
        return deliver(customMessage(contactId, capitalized(contactId), messageId, text));
    }

    public void agentReplies(String contactId, String userId, String text) {
        api().body(Map.of("userId", userId, "text", text)).post("/api/v1/contacts/" + contactId + "/messages")
                .then().statusCode(201);
    }

    public void close(String contactId) {
        api().post("/api/v1/contacts/" + contactId + "/conversation/close").then().statusCode(200);
    }

    public JsonPath conversation(String contactId) {
        return api().get("/api/v1/contacts/" + contactId + "/conversation").then().statusCode(200).extract().jsonPath();
    }

    public String assignee(String contactId) {
        return conversation(contactId).getString("assignee.id");
    }

    public JsonPath runs(String contactId) {
        return api().get("/api/v1/contacts/" + contactId + "/runs").then().statusCode(200).extract().jsonPath();
    }

    public JsonPath messages(String contactId) {
        return api().get("/api/v1/contacts/" + contactId + "/messages").then().statusCode(200).extract().jsonPath();
    }

    /** Runs the sweep function, as the periodic trigger does in the cloud. */
    public static JsonPath sweep() {
        return internal().post("/sweep").then().statusCode(200).extract().jsonPath();
    }

    /** Delivers a wake-up as EventBridge Scheduler does; returns what the engine did with it. */
    public String wakeUp(String contactId, String runId, String token) {
        return internal()
                .body(Map.of("workspaceId", id, "contactId", contactId, "runId", runId, "token", token))
                .post("/wakeUp").then().statusCode(200).extract().jsonPath().getString("result");
    }

    /** A call to the internal functions as the scheduler makes it, with the internal token. */
    public static RequestSpecification internal() {
        return given().header("Authorization", "Bearer " + INTERNAL_TOKEN).contentType("application/json");
    }

    /** The signature this workspace's channel expects for the body. */
    public String sign(String body) {
        return sign(channelSecret, body);
    }

    public static String sign(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String capitalized(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
