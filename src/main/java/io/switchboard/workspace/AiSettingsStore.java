package io.switchboard.workspace;

import java.util.Optional;

/** The workspace's chat model for AI Agent steps; the API key arrives sealed. */
public interface AiSettingsStore {

    /** An OpenAI-compatible endpoint ({@code baseUrl} ends before {@code /chat/completions}). */
    record AiSettings(String baseUrl, String model, String sealedApiKey) {
    }

    void save(String workspaceId, AiSettings settings);

    Optional<AiSettings> find(String workspaceId);

    void remove(String workspaceId);
}
