package io.switchboard.function;

import io.switchboard.channel.ChannelEvent;
import io.switchboard.channel.ChannelType;
import io.switchboard.channel.MetaWebhooks;
import io.switchboard.channel.PlatformWebhook;
import io.switchboard.channel.WebhookRejected;
import io.switchboard.config.PlatformChannels;
import io.switchboard.config.PlatformChannels.OpenChannel;
import io.switchboard.inbox.InboxActions;
import io.switchboard.function.http.Api;
import io.switchboard.function.http.ApiException;
import io.switchboard.function.http.HttpRequest;
import io.switchboard.function.http.HttpResponse;
import io.switchboard.function.http.Routes;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The webhooks messaging platforms call: {@code POST /webhooks/{platform}/{channelId}} with events,
 * {@code GET} for Meta's subscription handshake. The answer is sent once every event is recorded, and
 * nothing here calls a platform back, so the platform's timeout is never spent on our outbound calls.
 */
@Singleton
public class PlatformWebhookEndpoints {

    private static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>";

    private final Api api;
    private final PlatformChannels platforms;
    private final InboxActions inbox;
    private final Clock clock;

    public PlatformWebhookEndpoints(Api api, PlatformChannels platforms, InboxActions inbox, Clock clock) {
        this.api = api;
        this.platforms = platforms;
        this.inbox = inbox;
        this.clock = clock;
    }

    public void register(Routes routes) {
        routes.add("GET", "/webhooks/{platform}/{channelId}", this::handshake);
        routes.add("POST", "/webhooks/{platform}/{channelId}", this::deliver);
    }

    HttpResponse handshake(HttpRequest request) {
        OpenChannel channel = channel(request);
        if (!List.of(ChannelType.WHATSAPP, ChannelType.MESSENGER, ChannelType.INSTAGRAM).contains(channel.type())) {
            throw new ApiException(405, "method_not_allowed", channel.type().wireName() + " webhooks are POST only");
        }
        try {
            return HttpResponse.text(200, MetaWebhooks.handshake(request.query(), channel.setting("verifyToken")));
        } catch (WebhookRejected e) {
            throw rejected(e);
        }
    }

    HttpResponse deliver(HttpRequest request) {
        OpenChannel channel = channel(request);
        PlatformWebhook webhook = platforms.webhook(channel);
        String url = platforms.webhookUrl(channel, requestUrl(request));
        List<ChannelEvent> events;
        try {
            events = webhook.receive(new PlatformWebhook.Delivery(channel.channel().id(), url, request.headers(),
                    request.body(), clock.instant()));
        } catch (WebhookRejected e) {
            throw rejected(e);
        }
        String ws = channel.channel().workspaceId();
        int accepted = 0;
        int unchanged = 0;
        int ignored = 0;
        for (ChannelEvent event : events) {
            if (event instanceof ChannelEvent.Ignored) {
                ignored++;
                continue;
            }
            boolean changed;
            if (event instanceof ChannelEvent.Incoming incoming) {
                changed = !inbox.receive(ws, incoming.message()).duplicate();
            } else if (event instanceof ChannelEvent.Echo echo) {
                changed = inbox.recordEcho(ws, echo.echo());
            } else if (event instanceof ChannelEvent.Notice notice) {
                changed = inbox.recordNotice(ws, notice.message());
            } else if (event instanceof ChannelEvent.Edit edit) {
                changed = inbox.recordEdit(ws, edit.channelId(), edit.contactId(), edit.originalId(), edit.text(), edit.at());
            } else {
                changed = inbox.recordStatus(ws, ((ChannelEvent.Status) event).report());
            }
            if (changed) {
                accepted++;
            } else {
                unchanged++;
            }
        }
        if (channel.type() == ChannelType.TWILIO) {
            return new HttpResponse(200, Map.of("content-type", "text/xml"), EMPTY_TWIML.getBytes(StandardCharsets.UTF_8));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("accepted", accepted);
        out.put("unchanged", unchanged);
        out.put("ignored", ignored);
        return api.ok(200, out);
    }

    private OpenChannel channel(HttpRequest request) {
        String platform = request.param("platform");
        String channelId = request.param("channelId");
        ChannelType type = ChannelType.of(platform).filter(t -> t != ChannelType.CUSTOM)
                .orElseThrow(() -> ApiException.notFound("no webhook for platform " + platform));
        try {
            return platforms.open(channelId).filter(c -> c.type() == type)
                    .orElseThrow(() -> ApiException.notFound("no " + platform + " channel " + channelId));
        } catch (IllegalStateException unreadable) {
            throw new ApiException(503, "channel_unavailable", unreadable.getMessage());
        }
    }

    private static ApiException rejected(WebhookRejected e) {
        String code = switch (e.status()) {
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            default -> "invalid_webhook";
        };
        return new ApiException(e.status(), code, e.getMessage());
    }

    /** The URL as this server saw it, for when no public URL is configured (behind no proxy). */
    private static String requestUrl(HttpRequest request) {
        String proto = request.header("x-forwarded-proto").orElse("http");
        String host = request.header("x-forwarded-host").or(() -> request.header("host")).orElse("localhost");
        return proto + "://" + host + request.path();
    }
}
