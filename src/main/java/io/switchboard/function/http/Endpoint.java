package io.switchboard.function.http;

@FunctionalInterface
public interface Endpoint {
    HttpResponse handle(HttpRequest request) throws Exception;
}
