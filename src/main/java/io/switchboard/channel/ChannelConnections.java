package io.switchboard.channel;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.document.Problem;
import io.switchboard.workspace.Channel;
import io.switchboard.workspace.WorkspaceStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Connecting a workspace's channels: each platform's settings checked by name, credentials and the
 * custom channel's signing secret generated or sealed before they are stored, and shown back masked.
 */
public final class ChannelConnections {

    /** The request names the problem and where ({@code $.settings.appSecret}). */
    public static final class InvalidChannel extends RuntimeException {
        private final List<Problem> problems;

        InvalidChannel(String message, List<Problem> problems) {
            super(message);
            this.problems = problems;
        }

        public List<Problem> problems() {
            return problems;
        }
    }

    /** Secrets cannot be sealed or opened: {@code switchboard.secrets-key} is missing or wrong. */
    public static final class SecretsUnavailable extends RuntimeException {
        private final boolean platform;

        SecretsUnavailable(String message, boolean platform) {
            super(message);
            this.platform = platform;
        }

        /** True for a platform's credentials, false for the custom channel's signing secret. */
        public boolean platform() {
            return platform;
        }
    }

    /** A channel as it is shown: public settings in clear, secret ones masked; {@code problem} when unreadable. */
    public record ChannelView(Channel channel, Map<String, String> settings, String maskedSecret, String problem) {
    }

    /** A new channel; {@code signingSecret} is the custom channel's, shown this once. */
    public record Connected(ChannelView view, String signingSecret) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final WorkspaceStore workspaces;
    private final ChannelCredentials credentials;
    private final Optional<CredentialCipher> cipher;
    private final Clock clock;

    /** How platform credentials are sealed and opened (the platform adapters read them the same way). */
    public interface ChannelCredentials {
        /** @throws IllegalStateException when no secrets key is configured */
        String seal(String channelId, Map<String, String> credentials);

        /** Every setting of the channel, credentials opened. @throws IllegalStateException when unreadable */
        Map<String, String> settings(Channel channel);
    }

    public ChannelConnections(WorkspaceStore workspaces, ChannelCredentials credentials,
            Optional<CredentialCipher> cipher, Clock clock) {
        this.workspaces = workspaces;
        this.credentials = credentials;
        this.cipher = cipher;
        this.clock = clock;
    }

    public Connected connect(String ws, ChannelType type, String name, JsonNode settings) {
        if (type == ChannelType.CUSTOM) {
            String id = "ch_" + random(9);
            String secret = random(32);
            // the signing secret is a credential like a platform's: stored sealed, shown once, here
            String sealed = cipher.orElseThrow(() -> new SecretsUnavailable(
                    "switchboard.secrets-key is not set: channels cannot be connected", false)).seal(id, secret);
            Channel channel = new Channel(id, ws, type.wireName(), name, sealed);
            workspaces.addChannel(channel);
            return new Connected(new ChannelView(channel, null, null, null), secret);
        }
        if (settings == null || !settings.isObject()) {
            throw new InvalidChannel("$.settings is required: an object with the " + type.wireName()
                    + " channel's " + String.join(", ", type.settings().stream()
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
            throw new InvalidChannel(problems.get(0).path() + " " + problems.get(0).message(), problems);
        }
        String id = "ch_" + random(9);
        String sealed;
        try {
            sealed = credentials.seal(id, secret);
        } catch (IllegalStateException noKey) {
            throw new SecretsUnavailable(noKey.getMessage(), true);
        }
        Channel channel = new Channel(id, ws, type.wireName(), name, null, open, sealed, clock.instant());
        workspaces.addChannel(channel);
        return new Connected(new ChannelView(channel, masked(type, open, secret), null, null), null);
    }

    public List<ChannelView> list(String ws) {
        return workspaces.channels(ws).stream().map(this::view).toList();
    }

    /** The workspace's channel; empty for another workspace's. */
    public Optional<ChannelView> read(String ws, String channelId) {
        return workspaces.channel(channelId).filter(c -> c.workspaceId().equals(ws)).map(this::view);
    }

    /** The custom channel's signing secret, opened. */
    public String signingSecret(Channel channel) {
        if (!CredentialCipher.isSealed(channel.secret())) {
            return channel.secret();
        }
        return cipher.orElseThrow(() -> new SecretsUnavailable(
                "switchboard.secrets-key is not set: this channel's secret cannot be read", false))
                .open(channel.id(), channel.secret());
    }

    private ChannelView view(Channel channel) {
        ChannelType type = ChannelType.of(channel.type()).orElse(ChannelType.CUSTOM);
        if (type == ChannelType.CUSTOM) {
            // what is stored is the sealed secret: its last characters are ciphertext, not the secret's,
            // so nothing of it is shown (the secret itself is shown once, when the channel is created)
            return new ChannelView(channel, null, "****", null);
        }
        try {
            Map<String, String> secret = new TreeMap<>(credentials.settings(channel));
            secret.keySet().removeAll(channel.settings().keySet());
            return new ChannelView(channel, masked(type, channel.settings(), secret), null, null);
        } catch (IllegalStateException unreadable) {
            return new ChannelView(channel, channel.settings(), null, unreadable.getMessage());
        }
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

    public static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b).replace('-', 'x').replace('_', 'y');
    }
}
