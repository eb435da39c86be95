package io.switchboard.engine.step.aiagent;

import java.util.List;
import java.util.Map;

/**
 * A chat model the AI Agent step talks to: the workspace's OpenAI-compatible chat-completions endpoint.
 * The engine builds the conversation and the tools the model may call; the adapter speaks the wire format.
 */
public interface AiModel {

    /** The model's next message; throws {@link Unavailable} when there is no answer to use. */
    Completion complete(String workspaceId, Prompt prompt);

    /** {@code model} overrides the workspace's model for one step; null uses the workspace's. */
    record Prompt(String model, List<Turn> messages, List<Tool> tools) {
    }

    /** One message: role {@code system}, {@code user}, {@code assistant} (maybe calling tools) or {@code tool}. */
    record Turn(String role, String content, List<ToolCall> toolCalls, String toolCallId) {

        public static Turn of(String role, String content) {
            return new Turn(role, content, List.of(), null);
        }
    }

    /** A function the model may call; every parameter is a required string, described for the model. */
    record Tool(String name, String description, Map<String, String> parameters, Map<String, List<String>> allowed) {
    }

    record ToolCall(String id, String name, Map<String, String> arguments) {
    }

    record Completion(String content, List<ToolCall> toolCalls) {
    }

    /** No usable answer: not configured, refused, timed out, or not understood. The message says which. */
    final class Unavailable extends RuntimeException {
        public Unavailable(String message) {
            super(message);
        }
    }
}
