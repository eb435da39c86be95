package io.switchboard.outbound;

import io.switchboard.channel.CredentialCipher;
import io.switchboard.document.Problem;
import io.switchboard.workspace.AiSettingsStore;
import io.switchboard.workspace.AiSettingsStore.AiSettings;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The workspace's OpenAI-compatible model for AI Agent steps: the endpoint must be an http(s) URL, and
 * the API key is sealed before it is stored and never shown again.
 */
public final class AiModelSettings {

    /** Each problem names its field ({@code $.baseUrl}). */
    public static final class Invalid extends RuntimeException {
        private final List<Problem> problems;

        Invalid(List<Problem> problems) {
            super(problems.get(0).path() + ": " + problems.get(0).message());
            this.problems = problems;
        }

        public List<Problem> problems() {
            return problems;
        }
    }

    /** {@code switchboard.secrets-key} is not set. */
    public static final class SecretsUnavailable extends RuntimeException {
        SecretsUnavailable() {
            super("switchboard.secrets-key is not set, so the API key cannot be stored");
        }
    }

    public static final int MAX_URL = 2000;
    public static final int MAX_MODEL = 200;
    public static final int MAX_KEY = 2000;

    private final AiSettingsStore settings;
    private final Optional<CredentialCipher> cipher;

    public AiModelSettings(AiSettingsStore settings, Optional<CredentialCipher> cipher) {
        this.settings = settings;
        this.cipher = cipher;
    }

    /** Values are null when the request had none or not a text. */
    public AiSettings configure(String ws, String baseUrl, String model, String apiKey) {
        List<Problem> problems = new ArrayList<>();
        String url = text("baseUrl", baseUrl, MAX_URL, problems);
        String name = text("model", model, MAX_MODEL, problems);
        String key = text("apiKey", apiKey, MAX_KEY, problems);
        if (url != null && !isHttpUrl(url)) {
            problems.add(new Problem("$.baseUrl", "an http or https URL such as https://api.openai.com/v1"));
        }
        if (!problems.isEmpty()) {
            throw new Invalid(problems);
        }
        CredentialCipher sealer = cipher.orElseThrow(SecretsUnavailable::new);
        AiSettings saved = new AiSettings(url, name, sealer.seal(ChatCompletionsModel.sealingName(ws), key));
        settings.save(ws, saved);
        return saved;
    }

    public Optional<AiSettings> find(String ws) {
        return settings.find(ws);
    }

    public void remove(String ws) {
        settings.remove(ws);
    }

    private static String text(String name, String value, int max, List<Problem> problems) {
        if (value == null || value.isBlank() || value.length() > max) {
            problems.add(new Problem("$." + name, "a text of 1 to " + max + " characters"));
            return null;
        }
        return value.strip();
    }

    private static boolean isHttpUrl(String text) {
        try {
            URI uri = URI.create(text);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
