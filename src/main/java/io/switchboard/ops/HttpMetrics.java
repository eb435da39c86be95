package io.switchboard.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.switchboard.channel.ChannelType;
import io.switchboard.function.http.HttpRequest;
import io.switchboard.function.http.HttpResponse;
import io.switchboard.function.http.Routes;
import java.time.Duration;

/**
 * Meters every request the route table answers, on every transport (Vert.x and Lambda alike):
 * tagged by the route's template, never by a path that holds ids. Webhook deliveries get their own
 * meter by channel, because they are what a platform retries when we are slow or fail.
 */
public final class HttpMetrics implements Routes.Listener {

    static final String INCOMING_WEBHOOK = "incoming_webhook";

    private final MeterRegistry registry;

    public HttpMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void handled(String template, HttpRequest request, HttpResponse response, Duration took) {
        String route = template == null ? "unmatched" : template;
        Timer.builder("switchboard.http.requests").description("HTTP requests answered, by route and status")
                .tag("method", template == null ? "other" : request.method()).tag("route", route)
                .tag("status", Integer.toString(response.status()))
                .register(registry).record(took);
        if (template != null && template.startsWith("/webhooks/") && "POST".equals(request.method())) {
            Timer.builder("switchboard.webhooks").description("Webhook deliveries, by channel and outcome")
                    .tag("channel", channel(template, request)).tag("outcome", outcome(response.status()))
                    .register(registry).record(took);
        }
    }

    /** The channel type of the delivery; a path naming no known platform is "unknown", so tags stay few. */
    private static String channel(String template, HttpRequest request) {
        if (template.startsWith("/webhooks/workflows/")) {
            return INCOMING_WEBHOOK;
        }
        String named = request.param("platform");
        if (named == null) {
            named = template.substring("/webhooks/".length(), template.indexOf('/', "/webhooks/".length()));
        }
        return ChannelType.of(named).map(ChannelType::wireName).orElse("unknown");
    }

    private static String outcome(int status) {
        return status < 300 ? "accepted" : status < 500 ? "rejected" : "failed";
    }
}
