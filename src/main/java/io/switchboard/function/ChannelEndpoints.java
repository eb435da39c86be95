package io.switchboard.function;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.channel.WebhookRejected;
import io.switchboard.channel.custom.CustomChannelWebhook;
import io.switchboard.config.Stores;
import io.switchboard.engine.InboxActions;
import io.switchboard.engine.InboxActions.IncomingMessage;
import io.switchboard.engine.InboxActions.Received;
import io.switchboard.function.http.Api;
import io.switchboard.function.http.ApiException;
import io.switchboard.function.http.HttpRequest;
import io.switchboard.function.http.HttpResponse;
import io.switchboard.function.http.Routes;
import io.switchboard.store.DynamoWorkspaceStore.Channel;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** Connecting channels, and the webhooks channels deliver contact messages to. */
@Singleton
public class ChannelEndpoints {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Api api;
    private final Stores stores;
    private final InboxActions inbox;
    private final CustomChannelWebhook custom;

    public ChannelEndpoints(Api api, Stores stores, InboxActions inbox) {
        this.api = api;
        this.stores = stores;
        this.inbox = inbox;
        this.custom = new CustomChannelWebhook(api.json());
    }

    public void register(Routes routes) {
        routes.add("POST", "/api/v1/channels", this::connect);
        routes.add("POST", "/webhooks/custom/{channelId}", this::customWebhook);
    }

    HttpResponse connect(HttpRequest request) {
        String ws = api.workspace(request);
        JsonNode body = api.body(request);
        String type = Api.text(body, "type", "$");
        if (!"custom".equals(type)) {
            throw new ApiException(400, "invalid_request", "$.type: only \"custom\" channels can be connected here");
        }
        String name = Api.text(body, "name", "$");
        String id = "ch_" + random(9);
        String secret = random(32);
        stores.workspaces().addChannel(new Channel(id, ws, type, name, secret));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("type", type);
        out.put("name", name);
        out.put("secret", secret);
        out.put("webhookPath", "/webhooks/custom/" + id);
        return api.ok(201, out);
    }

    HttpResponse customWebhook(HttpRequest request) {
        String channelId = request.param("channelId");
        Channel channel = stores.workspaces().channel(channelId)
                .filter(c -> "custom".equals(c.type()))
                .orElseThrow(() -> ApiException.notFound("no custom channel " + channelId));
        IncomingMessage message;
        try {
            custom.verify(channel.secret(), request.body(),
                    request.header(CustomChannelWebhook.SIGNATURE_HEADER).orElse(null));
            message = custom.parse(channelId, request.body());
        } catch (WebhookRejected e) {
            throw new ApiException(e.status(), e.status() == 401 ? "unauthorized" : "invalid_webhook", e.getMessage());
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

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b).replace('-', 'x').replace('_', 'y');
    }
}
