package io.switchboard.function.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.switchboard.function.http.Api;
import io.switchboard.function.http.HttpRequest;
import io.switchboard.function.http.HttpResponse;
import io.switchboard.function.http.Routes;
import io.switchboard.inspector.InspectorPages;
import io.switchboard.ops.LambdaMetrics;
import jakarta.inject.Named;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * The HTTP surface on AWS Lambda, behind a function URL or an API Gateway HTTP API (payload format
 * 2.0, the same event shape for both). Translates the event to the route table and back. The body is
 * decoded byte for byte (base64 when the event says so), because webhook signatures cover it.
 */
@Named("http")
@jakarta.inject.Singleton
public class HttpLambdaHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final Routes routes;
    private final Api api;
    private final LambdaMetrics metrics;

    private final InspectorPages inspector;

    public HttpLambdaHandler(Routes routes, Api api, LambdaMetrics metrics, InspectorPages inspector) {
        this.inspector = inspector;
        this.routes = routes;
        this.api = api;
        this.metrics = metrics;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        HttpResponse response;
        try {
            HttpRequest request = toRequest(event);
            // the run inspector's pages have a route table of their own (see VertxHttpTransport)
            boolean page = request.path().equals("/inspector") || request.path().startsWith("/inspector/");
            response = (page ? inspector.routes() : routes).dispatch(request, api);
        } finally {
            metrics.invocationEnded();
        }
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(response.status())
                .withHeaders(response.headers())
                .withBody(Base64.getEncoder().encodeToString(response.body()))
                .withIsBase64Encoded(true)
                .build();
    }

    static HttpRequest toRequest(APIGatewayV2HTTPEvent event) {
        Map<String, String> headers = new HashMap<>();
        if (event.getHeaders() != null) {
            event.getHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v));
        }
        Map<String, String> query = event.getQueryStringParameters() == null ? Map.of()
                : event.getQueryStringParameters();
        String raw = event.getBody();
        byte[] body = raw == null ? new byte[0]
                : event.getIsBase64Encoded() ? Base64.getDecoder().decode(raw) : raw.getBytes(StandardCharsets.UTF_8);
        var http = event.getRequestContext().getHttp();
        return new HttpRequest(http.getMethod(), http.getPath(), headers, query, body, Map.of());
    }
}
