package io.switchboard.function;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.channel.ChannelConnections;
import io.switchboard.channel.ChannelConnections.ChannelView;
import io.switchboard.channel.ChannelType;
import io.switchboard.channel.WebhookRejected;
import io.switchboard.channel.custom.CustomChannelWebhook;
import io.switchboard.config.Stores;
import io.switchboard.document.Problem;
import io.switchboard.function.http.Api;
import io.switchboard.function.http.ApiException;
import io.switchboard.function.http.HttpRequest;
import io.switchboard.function.http.HttpResponse;
import io.switchboard.function.http.Routes;
import io.switchboard.inbox.InboxActions;
import io.switchboard.inbox.InboxActions.IncomingMessage;
import io.switchboard.inbox.InboxActions.Received;
import io.switchboard.workspace.Channel;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Connecting channels and reading them back (the rules are {@link ChannelConnections}'), and the custom
 * channel's webhook.
 */
@Singleton
public class ChannelEndpoints {

    private final Api api;
    private final Stores stores;
    private final InboxActions inbox;
    private final CustomChannelWebhook custom;
    private final ChannelConnections connections;

    public ChannelEndpoints(Api api, Stores stores, InboxActions inbox, ChannelConnections connections) {
        this.api = api;
        this.stores = stores;
        this.inbox = inbox;
        this.custom = new CustomChannelWebhook(api.json());
        this.connections = connections;
    }

    public void register(Routes routes) {
        routes.add("POST", "/api/v1/channels", this::connect);
        routes.add("GET", "/api/v1/channels", this::list);
        routes.add("GET", "/api/v1/channels/{channelId}", this::read);
        routes.add("POST", "/webhooks/custom/{channelId}", this::customWebhook);
    }

    HttpResponse connect(HttpRequest request) {
        String ws = api.workspace(request);
        JsonNode body = api.body(request);
        String type = Api.text(body, "type", "$");
        ChannelType channelType = ChannelType.of(type).orElseThrow(() -> new ApiException(400, "invalid_request",
                "$.type must be one of " + ChannelType.wireNames() + ", not \"" + type + "\"",
                List.of(new Problem("$.type", "one of " + ChannelType.wireNames()))));
        String name = Api.text(body, "name", "$");
        ChannelConnections.Connected connected;
        try {
            connected = connections.connect(ws, channelType, name, body.get("settings"));
        } catch (ChannelConnections.InvalidChannel e) {
            throw new ApiException(400, "invalid_request", e.getMessage(), e.problems());
        } catch (ChannelConnections.SecretsUnavailable e) {
            throw unavailable(e);
        }
        Map<String, Object> out = view(connected.view().channel());
        if (connected.signingSecret() != null) {
            out.put("secret", connected.signingSecret());
        } else {
            out.put("settings", connected.view().settings());
        }
        return api.ok(201, out);
    }

    HttpResponse list(HttpRequest request) {
        String ws = api.workspace(request);
        return api.ok(200, Map.of("channels", connections.list(ws).stream().map(ChannelEndpoints::fullView).toList()));
    }

    HttpResponse read(HttpRequest request) {
        String ws = api.workspace(request);
        String channelId = request.param("channelId");
        return api.ok(200, fullView(connections.read(ws, channelId)
                .orElseThrow(() -> ApiException.notFound("no channel " + channelId))));
    }

    HttpResponse customWebhook(HttpRequest request) {
        String channelId = request.param("channelId");
        Channel channel = stores.workspaces().channel(channelId)
                .filter(c -> "custom".equals(c.type()))
                .orElseThrow(() -> ApiException.notFound("no custom channel " + channelId));
        IncomingMessage message;
        try {
            custom.verify(connections.signingSecret(channel), request.body(),
                    request.header(CustomChannelWebhook.SIGNATURE_HEADER).orElse(null));
            message = custom.parse(channelId, request.body());
        } catch (WebhookRejected e) {
            throw new ApiException(e.status(), e.status() == 401 ? "unauthorized" : "invalid_webhook", e.getMessage());
        } catch (ChannelConnections.SecretsUnavailable e) {
            throw unavailable(e);
        }
        Received received = inbox.receive(channel.workspaceId(), message);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", received.duplicate() ? "duplicate" : "accepted");
        out.put("contactId", message.contactId());
        if (received.contact() != null && received.contact().conversation() != null) {
            out.put("conversationId", received.contact().conversation().id());
        }
        return api.ok(200, out);
    }

    private static ApiException unavailable(ChannelConnections.SecretsUnavailable e) {
        return new ApiException(503, e.platform() ? "channel_unavailable" : "not_configured", e.getMessage());
    }

    private static Map<String, Object> fullView(ChannelView view) {
        Map<String, Object> out = view(view.channel());
        if (view.maskedSecret() != null) {
            out.put("secret", view.maskedSecret());
        }
        if (view.settings() != null) {
            out.put("settings", view.settings());
        }
        if (view.problem() != null) {
            out.put("problem", view.problem());
        }
        return out;
    }

    private static Map<String, Object> view(Channel channel) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", channel.id());
        out.put("type", channel.type());
        out.put("name", channel.name());
        out.put("webhookPath", "/webhooks/" + channel.type() + "/" + channel.id());
        if (channel.createdAt() != null) {
            out.put("createdAt", channel.createdAt().toString());
        }
        return out;
    }
}
