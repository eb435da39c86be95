package io.switchboard.function;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.config.SwitchboardConfig;
import io.switchboard.document.Problem;
import io.switchboard.function.WakeUpFunctions.WakeUpRequest;
import io.switchboard.function.http.Api;
import io.switchboard.function.http.ApiException;
import io.switchboard.function.http.HttpRequest;
import io.switchboard.function.http.HttpResponse;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The scheduler-facing functions over HTTP: {@code POST /wakeUp} and {@code POST /sweep}. They share
 * the server's port with the public API, so they answer only a caller that presents the internal
 * token ({@code Authorization: Bearer <switchboard.internal-token>}); without the setting they are
 * closed altogether. On Lambda they are separate functions with no URL, invoked by the scheduler only.
 * Bodies are checked here and every answer is JSON; the functions themselves live in
 * {@link WakeUpFunctions}.
 */
@Singleton
public class InternalFunctionsRoute {

    static final int MAX_BODY_BYTES = 16 * 1024;
    private static final int MAX_FIELD_CHARS = 256;

    private final WakeUpFunctions functions;
    private final Api api;
    private final Optional<String> token;

    public InternalFunctionsRoute(WakeUpFunctions functions, Api api, SwitchboardConfig config) {
        this.functions = functions;
        this.api = api;
        this.token = config.internalToken().filter(t -> !t.isBlank());
    }

    void register(@Observes Router router) {
        // ahead of the Funqy HTTP binding of the same functions, which would answer anyone
        for (String path : List.of("/wakeUp", "/sweep")) {
            // the token is checked before the body is read
            router.route(path).order(Integer.MIN_VALUE + 1).handler(this::authorized);
            router.route(path).order(Integer.MIN_VALUE + 2).handler(BodyHandler.create().setBodyLimit(MAX_BODY_BYTES))
                    .blockingHandler(ctx -> respond(ctx, serve(path, ctx)), false);
        }
    }

    private void authorized(RoutingContext ctx) {
        String header = ctx.request().getHeader("authorization");
        String presented = header != null && header.startsWith("Bearer ") ? header.substring(7).trim() : null;
        if (token.isEmpty() || presented == null || !MessageDigest.isEqual(
                token.get().getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8))) {
            // the same answer as any unknown path: the public port does not tell that the functions exist
            respond(ctx, api.render(ApiException.notFound("no endpoint at " + ctx.request().path())));
            return;
        }
        ctx.next();
    }

    private HttpResponse serve(String path, RoutingContext ctx) {
        try {
            if (!"POST".equals(ctx.request().method().name())) {
                throw new ApiException(405, "method_not_allowed", path + " takes POST");
            }
            byte[] body = ctx.body() == null || ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
            return path.equals("/sweep") ? api.ok(200, sweep(body)) : api.ok(200, wakeUp(body));
        } catch (ApiException e) {
            return api.render(e);
        } catch (RuntimeException e) {
            return api.unexpected(new HttpRequest("POST", path, Map.of(), Map.of(), new byte[0], Map.of()), e);
        }
    }

    /** The README's {@code {}}, or no body at all; the sweep takes no input. */
    private Object sweep(byte[] body) {
        if (body.length > 0) {
            api.body(new HttpRequest("POST", "/sweep", Map.of(), Map.of(), body, Map.of()));
        }
        return functions.sweep();
    }

    private Object wakeUp(byte[] body) {
        JsonNode node = api.body(new HttpRequest("POST", "/wakeUp", Map.of(), Map.of(), body, Map.of()));
        List<Problem> problems = new ArrayList<>();
        String[] values = new String[4];
        String[] fields = {"workspaceId", "contactId", "runId", "token"};
        for (int i = 0; i < fields.length; i++) {
            JsonNode v = node.get(fields[i]);
            if (v == null || !v.isTextual() || v.asText().isBlank() || v.asText().length() > MAX_FIELD_CHARS) {
                problems.add(new Problem("$." + fields[i], "required string of 1-" + MAX_FIELD_CHARS + " characters"));
            } else {
                values[i] = v.asText();
            }
        }
        if (!problems.isEmpty()) {
            throw new ApiException(400, "invalid_request", "a wake-up needs workspaceId, contactId, runId and token",
                    problems);
        }
        return functions.wakeUp(new WakeUpRequest(values[0], values[1], values[2], values[3]));
    }

    private static void respond(RoutingContext ctx, HttpResponse response) {
        var out = ctx.response().setStatusCode(response.status());
        response.headers().forEach(out::putHeader);
        out.end(Buffer.buffer(response.body()));
    }
}
