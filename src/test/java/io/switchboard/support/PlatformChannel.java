package io.switchboard.support;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A platform channel connected to a test workspace, and the platform's side of it: fixtures taken
 * from the platform's documentation, signed as the platform signs them.
 */
public final class PlatformChannel {

    public final Workspace ws;
    public final String type;
    public final String id;

    private PlatformChannel(Workspace ws, String type, String id) {
        this.ws = ws;
        this.type = type;
        this.id = id;
    }

    public static PlatformChannel connect(Workspace ws, String type, Map<String, Object> settings) {
        String id = ws.api().body(Map.of("type", type, "name", type + " channel", "settings", settings))
                .post("/api/v1/channels").then().statusCode(201).extract().jsonPath().getString("id");
        return new PlatformChannel(ws, type, id);
    }

    public String path() {
        return "/webhooks/" + type + "/" + id;
    }

    /** A fixture under channels/<platform>/ with ${NAME} placeholders replaced. */
    public static String fixture(String name, Map<String, String> values) {
        try (InputStream in = PlatformChannel.class.getResourceAsStream("/channels/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture channels/" + name);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (var e : values.entrySet()) {
                text = text.replace("${" + e.getKey() + "}", e.getValue());
            }
            return text;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Posts the body with one header, as the platform would. */
    public Response post(String body, String contentType, Map<String, String> headers) {
        // rest-assured encodes a form body itself only from a String
        var request = contentType.startsWith("application/x-www-form-urlencoded")
                ? given().contentType(contentType + "; charset=UTF-8").body(body)
                : given().contentType(contentType).body(body.getBytes(StandardCharsets.UTF_8));
        headers.forEach(request::header);
        return request.post(path());
    }

    public static byte[] hmac(String algorithm, String key, String data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String hexSha256(String key, String body) {
        return HexFormat.of().formatHex(hmac("HmacSHA256", key, body));
    }

    public static String base64Sha256(String key, String body) {
        return Base64.getEncoder().encodeToString(hmac("HmacSHA256", key, body));
    }

    public static String base64Sha1(String key, String data) {
        return Base64.getEncoder().encodeToString(hmac("HmacSHA1", key, data));
    }

    /** Meta's X-Hub-Signature-256 value. */
    public static String metaSignature(String appSecret, String body) {
        return "sha256=" + hexSha256(appSecret, body);
    }
}
