package io.switchboard.function.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;

public record HttpResponse(int status, Map<String, String> headers, byte[] body) {

    public static HttpResponse json(int status, String json) {
        return new HttpResponse(status, Map.of("content-type", "application/json"), json.getBytes(StandardCharsets.UTF_8));
    }

    public static HttpResponse text(int status, String text) {
        return new HttpResponse(status, Map.of("content-type", "text/plain"), text.getBytes(StandardCharsets.UTF_8));
    }

    public static HttpResponse empty(int status) {
        return new HttpResponse(status, Map.of(), new byte[0]);
    }
}
