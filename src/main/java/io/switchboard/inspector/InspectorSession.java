package io.switchboard.inspector;

import io.switchboard.config.Stores;
import io.switchboard.function.http.HttpRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Who is looking: the workspace of the API key the support lead signed in with. The key travels in a
 * form body once and then in an HttpOnly, SameSite=Strict cookie scoped to the inspector, never in a
 * URL (URLs end up in browser history, proxy logs and Referer headers).
 */
final class InspectorSession {

    static final String COOKIE = "switchboard_inspector";

    private final Stores stores;

    InspectorSession(Stores stores) {
        this.stores = stores;
    }

    /** The workspace of the signed-in key; empty when not signed in or the key is no longer valid. */
    Optional<String> workspace(HttpRequest request) {
        return apiKey(request).flatMap(key -> stores.workspaces().workspaceOfApiKey(key));
    }

    Optional<String> workspaceOfKey(String apiKey) {
        return apiKey == null || apiKey.isBlank() ? Optional.empty() : stores.workspaces().workspaceOfApiKey(apiKey.trim());
    }

    static String signInCookie(String apiKey, HttpRequest request) {
        return COOKIE + "=" + apiKey.trim() + "; Path=/inspector; HttpOnly; SameSite=Strict" + secure(request);
    }

    static String signOutCookie(HttpRequest request) {
        return COOKIE + "=; Path=/inspector; Max-Age=0; HttpOnly; SameSite=Strict" + secure(request);
    }

    /** Behind TLS (a load balancer says so) the cookie is never sent over plain HTTP. */
    private static String secure(HttpRequest request) {
        return request.header("x-forwarded-proto").filter("https"::equalsIgnoreCase).isPresent() ? "; Secure" : "";
    }

    private static Optional<String> apiKey(HttpRequest request) {
        return request.header("cookie").flatMap(header -> {
            for (String part : header.split(";")) {
                String[] kv = part.trim().split("=", 2);
                if (kv.length == 2 && kv[0].equals(COOKIE) && !kv[1].isBlank()) {
                    return Optional.of(kv[1]);
                }
            }
            return Optional.empty();
        });
    }

    /** The fields of an application/x-www-form-urlencoded body. */
    static Map<String, String> form(HttpRequest request) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : request.bodyText().split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String[] kv = pair.split("=", 2);
            fields.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return fields;
    }
}
