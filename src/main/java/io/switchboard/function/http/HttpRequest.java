package io.switchboard.function.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * A request as every transport delivers it (Vert.x locally and on Kubernetes, a function URL or API
 * Gateway event on Lambda): the raw body is kept byte for byte, because webhook signatures are
 * computed over it. Header names are lower case.
 */
public record HttpRequest(String method, String path, Map<String, String> headers, Map<String, String> query,
        byte[] body, Map<String, String> pathParams) {

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase()));
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public String param(String name) {
        return pathParams.get(name);
    }

    public HttpRequest withPathParams(Map<String, String> params) {
        return new HttpRequest(method, path, headers, query, body, params);
    }
}
