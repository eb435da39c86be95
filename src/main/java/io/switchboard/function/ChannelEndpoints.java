package io.switchboard.function;

import java.util.Optional;

import io.switchboard.config.SwitchboardConfig;

import io.switchboard.channel.CredentialCipher;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.channel.ChannelType;
import io.switchboard.channel.WebhookRejected;
import io.switchboard.channel.custom.CustomChannelWebhook;
import io.switchboard.config.PlatformChannels;
import io.switchboard.config.Stores;
import io.switchboard.document.Problem;
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
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Connecting channels and reading them back, and the custom channel's webhook. Platform credentials
 * are sealed before they are stored and shown back only as their last four characters.
 */
@Singleton
public class ChannelEndpoints {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Api api;
    private final Stores stores;
    private final InboxActions inbox;
    private final CustomChannelWebhook custom;
    private final PlatformChannels platforms;
    private final Clock clock;
    private final Optional<CredentialCipher> cipher;

    public ChannelEndpoints(Api api, Stores stores, InboxActions inbox, PlatformChannels platforms, Clock clock,
            SwitchboardConfig config) {
        this.cipher = config.secretsKey().map(CredentialCipher::new);
        this.api = api;
        this.stores = stores;
        this.inbox = inbox;
        this.custom = new CustomChannelWebhook(api.json());
        this.platforms = platforms;
        this.clock = clock;
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
        if (channelType != ChannelType.CUSTOM) {
            return connectPlatform(ws, channelType, name, body);
        }
        String id = "ch_" + random(9);
        String secret = random(32);
        // the signing secret is a credential like a platform's: stored sealed, shown once, here
        String sealed = cipher.orElseThrow(() -> new ApiException(503, "not_configured",
                "switchboard.secrets-key is not set: channels cannot be connected")).seal(id, secret);
        stores.workspaces().addChannel(new Channel(id, ws, type, name, sealed));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("type", type);
        out.put("name", name);
        out.put("secret", secret);
        out.put("webhookPath", "/webhooks/custom/" + id);
        return api.ok(201, out);
    }

    private HttpResponse connectPlatform(String ws, ChannelType type, String name, JsonNode body) {
        JsonNode settings = body.get("settings");
        if (settings == null || !settings.isObject()) {
            throw new ApiException(400, "invalid_request", "$.settings is required: an object with the "
                    + type.wireName() + " channel's " + String.join(", ", type.settings().stream()
                    .filter(ChannelType.Setting::required).map(ChannelType.Setting::name).toList()),
                    List.of(new Problem("$.settings", "required object")));
        }
        Map<String, String> open = new TreeMap<>();
        Map<String, String> secret = new TreeMap<>();
        List<Problem> problems = new ArrayList<>();
        for (ChannelType.Setting s : type.settings()) {
            String path = "$.settings." + s.name();
            JsonNode v = settings.get(s.name());
            if (v == null || v.isNull()) {
                if (s.required()) {
                    problems.add(new Problem(path, "required: " + s.description()));
                }
            } else if (!v.isTextual() || !s.pattern().matcher(v.asText()).matches()) {
                problems.add(new Problem(path, "must be " + s.description()));
            } else {
                (s.secret() ? secret : open).put(s.name(), v.asText());
            }
        }
        for (Iterator<String> it = settings.fieldNames(); it.hasNext();) {
            String field = it.next();
            if (type.settings().stream().noneMatch(s -> s.name().equals(field))) {
                problems.add(new Problem("$.settings." + field, "unknown setting for a " + type.wireName()
                        + " channel; known: " + String.join(", ", type.settings().stream().map(ChannelType.Setting::name)
                        .toList())));
            }
        }
        if (!problems.isEmpty()) {
            throw new ApiException(400, "invalid_request", problems.get(0).path() + " " + problems.get(0).message(),
                    problems);
        }
        String id = "ch_" + random(9);
        String sealed;
        try {
            sealed = platforms.seal(id, secret);
        } catch (IllegalStateException noKey) {
            throw new ApiException(503, "channel_unavailable", noKey.getMessage());
        }
        Channel channel = new Channel(id, ws, type.wireName(), name, null, open, sealed, clock.instant());
        stores.workspaces().addChannel(channel);
        Map<String, Object> out = view(channel);
        out.put("settings", masked(type, open, secret));
        return api.ok(201, out);
    }

    HttpResponse list(HttpRequest request) {
        String ws = api.workspace(request);
        return api.ok(200, Map.of("channels", stores.workspaces().channels(ws).stream().map(this::fullView).toList()));
    }

    HttpResponse read(HttpRequest request) {
        String ws = api.workspace(request);
        String channelId = request.param("channelId");
        Channel channel = stores.workspaces().channel(channelId).filter(c -> c.workspaceId().equals(ws))
                .orElseThrow(() -> ApiException.notFound("no channel " + channelId));
        return api.ok(200, fullView(channel));
    }

    private Map<String, Object> fullView(Channel channel) {
        Map<String, Object> out = view(channel);
        ChannelType type = ChannelType.of(channel.type()).orElse(ChannelType.CUSTOM);
        if (type == ChannelType.CUSTOM) {
            // what is stored is the sealed secret: its last characters are ciphertext, not the secret's,
            // so nothing of it is shown (the secret itself is shown once, when the channel is created)
            out.put("secret", "****");
            return out;
        }
        try {
            Map<String, String> all = platforms.open(channel).map(PlatformChannels.OpenChannel::settings).orElse(Map.of());
            Map<String, String> secret = new TreeMap<>(all);
            secret.keySet().removeAll(channel.settings().keySet());
            out.put("settings", masked(type, channel.settings(), secret));
        } catch (IllegalStateException unreadable) {
            out.put("settings", channel.settings());
            out.put("problem", unreadable.getMessage());
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

    private static Map<String, String> masked(ChannelType type, Map<String, String> open, Map<String, String> secret) {
        Map<String, String> out = new LinkedHashMap<>();
        for (ChannelType.Setting s : type.settings()) {
            if (open.containsKey(s.name())) {
                out.put(s.name(), open.get(s.name()));
            } else if (secret.containsKey(s.name())) {
                out.put(s.name(), mask(secret.get(s.name())));
            }
        }
        return out;
    }

    /** At most the last four characters, and none of a short secret. */
    static String mask(String secret) {
        if (secret == null) {
            return null;
        }
        return secret.length() < 12 ? "****" : "****" + secret.substring(secret.length() - 4);
    }

    private String signingSecret(Channel channel) {
        if (!CredentialCipher.isSealed(channel.secret())) {
            return channel.secret();
        }
        return cipher.orElseThrow(() -> new ApiException(503, "not_configured",
                "switchboard.secrets-key is not set: this channel's secret cannot be read")).open(channel.id(), channel.secret());
    }

    HttpResponse customWebhook(HttpRequest request) {
        String channelId = request.param("channelId");
        Channel channel = stores.workspaces().channel(channelId)
                .filter(c -> "custom".equals(c.type()))
                .orElseThrow(() -> ApiException.notFound("no custom channel " + channelId));
        IncomingMessage message;
        try {
            custom.verify(signingSecret(channel), request.body(),
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
