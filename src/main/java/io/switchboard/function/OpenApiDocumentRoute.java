package io.switchboard.function;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Serves the OpenAPI document written beside the route table (META-INF/openapi.yaml) at
 * {@code GET /q/openapi}: YAML as written, JSON with {@code ?format=json} or {@code Accept:
 * application/json}; Swagger UI at /q/swagger-ui reads it from there. Served here rather than by
 * SmallRye OpenAPI, which rebuilt the same document into its model and wrote it out twice at every
 * start (15% of the start's processor time before the first webhook) to serve it unchanged.
 */
@Singleton
public class OpenApiDocumentRoute {

    static final String PATH = "/q/openapi";
    private static final String RESOURCE = "/META-INF/openapi.yaml";

    private volatile Buffer yaml;
    private volatile Buffer json;

    void register(@Observes Router router) {
        router.get(PATH).handler(this::serve);
    }

    private void serve(RoutingContext ctx) {
        String format = ctx.request().getParam("format");
        String accept = ctx.request().getHeader("accept");
        boolean asJson = format != null ? format.equalsIgnoreCase("json")
                : accept != null && accept.contains("application/json");
        ctx.response().putHeader("content-type", asJson ? "application/json;charset=UTF-8"
                : "application/yaml;charset=UTF-8").end(asJson ? json() : yaml());
    }

    // both read on first use: nothing of this is start-up work
    private Buffer yaml() {
        if (yaml == null) {
            try (InputStream in = OpenApiDocumentRoute.class.getResourceAsStream(RESOURCE)) {
                yaml = Buffer.buffer(in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return yaml;
    }

    private Buffer json() {
        if (json == null) {
            try {
                json = Buffer.buffer(new ObjectMapper().writeValueAsBytes(new YAMLMapper().readTree(yaml().getBytes())));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return json;
    }
}
