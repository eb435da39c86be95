package io.switchboard.function;

import io.switchboard.function.http.Api;
import io.switchboard.function.http.ApiException;
import io.switchboard.function.http.HttpLimits;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * The edge of the Vert.x HTTP server: request-line, header and body sizes are refused here with a
 * JSON error before any route runs, a body that outgrows its limit while streaming is refused the
 * same way, and a path nothing serves answers a JSON 404. The server's own codec limits
 * ({@code quarkus.http.limits.*}) are set above these, so a request within them always reaches this
 * check and gets a readable answer.
 */
@Singleton
public class HttpBoundary {

    private final Api api;

    public HttpBoundary(Api api) {
        this.api = api;
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::checkSizes);
        // BodyHandler fails the route with 413 when a chunked body outgrows its limit; any other
        // failure that reaches the transport gets a JSON answer too, never an empty body
        router.route().order(Integer.MIN_VALUE).failureHandler(this::failed);
        router.route().last().handler(ctx -> send(ctx, ApiException.notFound("no endpoint at " + ctx.request().path())));
    }

    private void checkSizes(RoutingContext ctx) {
        String uri = ctx.request().uri();
        if (uri.length() > HttpLimits.MAX_URI_CHARS) {
            send(ctx, HttpLimits.uriTooLong(uri.length()));
            return;
        }
        long headerBytes = 0;
        for (Map.Entry<String, String> h : ctx.request().headers()) {
            headerBytes += h.getKey().length() + h.getValue().length() + 4;
        }
        if (headerBytes > HttpLimits.MAX_HEADER_BYTES) {
            send(ctx, HttpLimits.headersTooLarge(headerBytes));
            return;
        }
        String length = ctx.request().getHeader("content-length");
        if (length != null) {
            long declared;
            try {
                declared = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                send(ctx, ApiException.badRequest("Content-Length header must be a number of bytes, not " + length));
                return;
            }
            if (declared > HttpLimits.MAX_BODY_BYTES) {
                send(ctx, HttpLimits.bodyTooLarge(declared));
                return;
            }
        }
        ctx.next();
    }

    private void failed(RoutingContext ctx) {
        if (ctx.response().headWritten()) {
            ctx.response().reset();
            return;
        }
        int status = ctx.statusCode();
        ApiException error = switch (status) {
            case 413 -> HttpLimits.bodyTooLarge(-1);
            case 400 -> ApiException.badRequest("the request could not be read: "
                    + (ctx.failure() == null ? "malformed request" : ctx.failure().getMessage()));
            default -> status >= 400 && status < 500
                    ? new ApiException(status, "bad_request", "the request was refused (" + status + ")")
                    : null;
        };
        if (error == null) {
            error = new ApiException(500, "internal_error", "the request could not be completed");
            org.jboss.logging.Logger.getLogger(HttpBoundary.class).errorf(ctx.failure(), "failure on %s %s",
                    ctx.request().method(), ctx.request().path());
        }
        send(ctx, error);
    }

    private void send(RoutingContext ctx, ApiException error) {
        var response = api.render(error);
        var out = ctx.response().setStatusCode(response.status());
        response.headers().forEach(out::putHeader);
        out.end(Buffer.buffer(response.body()));
    }
}
