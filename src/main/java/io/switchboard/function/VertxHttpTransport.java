package io.switchboard.function;

import io.switchboard.function.http.Api;
import io.switchboard.function.http.HttpRequest;
import io.switchboard.function.http.HttpResponse;
import io.switchboard.function.http.Routes;
import io.switchboard.inspector.InspectorPages;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;

/**
 * Serves the route table over the Quarkus HTTP server (local runs and Kubernetes). Handlers run on
 * worker threads: they make blocking DynamoDB calls.
 */
@Singleton
public class VertxHttpTransport {

    private static final long MAX_BODY_BYTES = 1024 * 1024;

    void register(@Observes Router router, Routes routes, Api api, InspectorPages inspector) {
        router.routeWithRegex("^/(api|webhooks|admin)/.*")
                .handler(BodyHandler.create().setBodyLimit(MAX_BODY_BYTES))
                .blockingHandler(ctx -> respond(ctx, routes.dispatch(toRequest(ctx), api)), false);
        // the run inspector's pages: a route table of their own, kept out of the API's OpenAPI document
        router.routeWithRegex("^/inspector(/.*)?$")
                .handler(BodyHandler.create().setBodyLimit(16 * 1024))
                .blockingHandler(ctx -> respond(ctx, inspector.routes().dispatch(toRequest(ctx), api)), false);
    }

    private static HttpRequest toRequest(RoutingContext ctx) {
        Map<String, String> headers = new HashMap<>();
        ctx.request().headers().forEach(h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
        Map<String, String> query = new HashMap<>();
        ctx.queryParams().forEach(q -> query.put(q.getKey(), q.getValue()));
        byte[] body = ctx.body() == null || ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
        return new HttpRequest(ctx.request().method().name(), ctx.request().path(), headers, query, body, Map.of());
    }

    private static void respond(RoutingContext ctx, HttpResponse response) {
        var out = ctx.response().setStatusCode(response.status());
        response.headers().forEach(out::putHeader);
        out.end(io.vertx.core.buffer.Buffer.buffer(response.body()));
    }
}
