package io.switchboard.support;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;

/** What the fake platforms received, and answers to queue for the next requests. */
public final class PlatformRequests {

    private PlatformRequests() {
    }

    public static void reset() {
        given().baseUri(FakePlatforms.baseUrl()).post("/__control/reset").then().statusCode(204);
    }

    /** Every recorded request: method, path, query, headers (lower-case names), body. */
    public static List<Map<String, Object>> recorded() {
        return JsonPath.from(given().baseUri(FakePlatforms.baseUrl()).get("/__control/recorded").asString()).getList("$");
    }

    public static Map<String, Object> only() {
        List<Map<String, Object>> all = recorded();
        if (all.size() != 1) {
            throw new AssertionError("expected exactly one platform request, got " + all.size() + ": " + all);
        }
        return all.get(0);
    }

    /** The next platform request is answered with this status, body and headers. */
    public static void answerNext(int status, String body, Map<String, String> headers) {
        given().baseUri(FakePlatforms.baseUrl()).contentType("application/json")
                .body(Map.of("status", status, "body", body, "headers", headers))
                .post("/__control/queue").then().statusCode(204);
    }

    @SuppressWarnings("unchecked")
    public static String header(Map<String, Object> request, String name) {
        return ((Map<String, String>) request.get("headers")).get(name);
    }
}
