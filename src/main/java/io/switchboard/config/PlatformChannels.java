package io.switchboard.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.channel.ChannelConnections;
import io.switchboard.channel.ChannelType;
import io.switchboard.channel.CredentialCipher;
import io.switchboard.channel.PlatformHttp;
import io.switchboard.channel.InboundLimits;
import io.switchboard.channel.PlatformWebhook;
import io.switchboard.channel.line.LineSender;
import io.switchboard.channel.line.LineWebhook;
import io.switchboard.channel.messenger.MessengerSender;
import io.switchboard.channel.messenger.MessengerWebhook;
import io.switchboard.channel.telegram.TelegramSender;
import io.switchboard.channel.telegram.TelegramWebhook;
import io.switchboard.channel.twilio.TwilioSender;
import io.switchboard.channel.twilio.TwilioWebhook;
import io.switchboard.channel.viber.ViberSender;
import io.switchboard.channel.viber.ViberWebhook;
import io.switchboard.channel.whatsapp.WhatsAppSender;
import io.switchboard.channel.whatsapp.WhatsAppWebhook;
import io.switchboard.inbox.OutboundSender;
import io.switchboard.workspace.WorkspaceStore;
import io.switchboard.workspace.Channel;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a stored platform channel into its webhook and its sender: opens the sealed credentials and
 * picks the platform's classes. The one place that knows which class serves which channel type.
 */
public final class PlatformChannels implements OutboundSender.Channels, ChannelConnections.ChannelCredentials {

    /** A channel with every setting readable, credentials included. Never logged, never returned. */
    public record OpenChannel(Channel channel, ChannelType type, Map<String, String> settings) {
        public String setting(String name) {
            return settings.get(name);
        }
    }

    private final WorkspaceStore workspaces;
    private final Optional<CredentialCipher> cipher;
    private final ObjectMapper json;
    private final PlatformHttp http;
    private final SwitchboardConfig.Platforms urls;
    private final Optional<String> publicUrl;

    public PlatformChannels(WorkspaceStore workspaces, Optional<CredentialCipher> cipher, ObjectMapper json,
            PlatformHttp http, SwitchboardConfig.Platforms urls, Optional<String> publicUrl) {
        this.workspaces = workspaces;
        this.cipher = cipher;
        this.json = json;
        this.http = http;
        this.urls = urls;
        this.publicUrl = publicUrl;
    }

    /** Seals a channel's credentials for storage; fails when no secrets key is configured. */
    @Override
    public String seal(String channelId, Map<String, String> credentials) {
        try {
            return cipher().seal(channelId, json.writeValueAsString(credentials));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Map<String, String> settings(Channel channel) {
        return open(channel).map(OpenChannel::settings).orElse(Map.of());
    }

    public Optional<OpenChannel> open(String channelId) {
        return workspaces.channel(channelId).flatMap(this::open);
    }

    public Optional<OpenChannel> open(Channel channel) {
        Optional<ChannelType> type = ChannelType.of(channel.type());
        if (type.isEmpty() || type.get() == ChannelType.CUSTOM) {
            return Optional.empty();
        }
        Map<String, String> settings = new HashMap<>(channel.settings());
        if (channel.sealedCredentials() != null) {
            try {
                settings.putAll(json.readValue(cipher().open(channel.id(), channel.sealedCredentials()),
                        new TypeReference<Map<String, String>>() { }));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("channel " + channel.id() + ": sealed credentials are not readable");
            }
        }
        return Optional.of(new OpenChannel(channel, type.get(), Map.copyOf(settings)));
    }

    public PlatformWebhook webhook(OpenChannel c) {
        return InboundLimits.applied(platformWebhook(c));
    }

    private PlatformWebhook platformWebhook(OpenChannel c) {
        return switch (c.type()) {
            case WHATSAPP -> new WhatsAppWebhook(json, c.setting("appSecret"), c.setting("phoneNumberId"));
            case MESSENGER -> new MessengerWebhook(json, c.setting("appSecret"), false, c.setting("appId"));
            case INSTAGRAM -> new MessengerWebhook(json, c.setting("appSecret"), true, c.setting("appId"));
            case TELEGRAM -> new TelegramWebhook(json, c.setting("secretToken"));
            case LINE -> new LineWebhook(json, c.setting("channelSecret"));
            case VIBER -> new ViberWebhook(json, c.setting("authToken"));
            case TWILIO -> new TwilioWebhook(c.setting("authToken"), c.setting("accountSid"));
            case CUSTOM -> throw new IllegalArgumentException("the custom channel has its own webhook");
        };
    }

    /** The public URL a platform calls for this channel (Twilio signs it). */
    public String webhookUrl(OpenChannel c, String requestUrl) {
        String base = Optional.ofNullable(c.setting("publicUrl")).or(() -> publicUrl).orElse(null);
        return base == null ? requestUrl : stripSlash(base) + "/webhooks/" + c.type().wireName() + "/" + c.channel().id();
    }

    @Override
    public Optional<OutboundSender> forChannel(String workspaceId, String channelId) {
        return open(channelId).filter(c -> c.channel().workspaceId().equals(workspaceId)).map(this::sender);
    }

    @Override
    public Optional<String> typeOf(String workspaceId, String channelId) {
        return workspaces.channel(channelId).filter(c -> c.workspaceId().equals(workspaceId)).map(Channel::type);
    }

    OutboundSender sender(OpenChannel c) {
        String version = Optional.ofNullable(c.setting("apiVersion")).orElse(urls.graphVersion());
        return switch (c.type()) {
            case WHATSAPP -> new WhatsAppSender(http, json, urls.graphUrl(), version, c.setting("phoneNumberId"),
                    c.setting("accessToken"));
            case MESSENGER -> new MessengerSender(http, json, urls.graphUrl(), version, c.setting("pageAccessToken"), false);
            case INSTAGRAM -> new MessengerSender(http, json, urls.graphUrl(), version, c.setting("pageAccessToken"), true);
            case TELEGRAM -> new TelegramSender(http, json, urls.telegramUrl(), c.setting("botToken"));
            case LINE -> new LineSender(http, json, urls.lineUrl(), c.setting("channelAccessToken"));
            case VIBER -> new ViberSender(http, json, urls.viberUrl(), c.setting("authToken"), c.setting("senderName"));
            case TWILIO -> new TwilioSender(http, json, urls.twilioUrl(), c.setting("accountSid"), c.setting("authToken"),
                    c.setting("phoneNumber"));
            case CUSTOM -> throw new IllegalArgumentException("the custom channel does not send");
        };
    }

    private CredentialCipher cipher() {
        return cipher.orElseThrow(() -> new IllegalStateException(
                "switchboard.secrets-key is not configured: platform channels cannot be connected or used"));
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
