package io.switchboard.channel.line;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.channel.JsonBodies;
import io.switchboard.channel.PlatformHttp;
import io.switchboard.channel.SendFailures;
import io.switchboard.inbox.OutboundSender;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * LINE push message {@code POST /v2/bot/message/push}. LINE deduplicates pushes by
 * {@code X-Line-Retry-Key} (a UUID, here derived from our message id), so this is the one send that is
 * also retried on 5xx and timeouts; a 409 on a retry means LINE already accepted the first attempt.
 */
public final class LineSender implements OutboundSender {

    private static final String PLATFORM = "LINE";

    private final PlatformHttp http;
    private final ObjectMapper json;
    private final String apiUrl;
    private final String channelAccessToken;

    public LineSender(PlatformHttp http, ObjectMapper json, String apiUrl, String channelAccessToken) {
        this.http = http;
        this.json = json;
        this.apiUrl = apiUrl;
        this.channelAccessToken = channelAccessToken;
    }

    public static String retryKey(String messageId) {
        return UUID.nameUUIDFromBytes(("line-push|" + messageId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    @Override
    public Sent send(String recipientId, String text, String messageId) {
        ObjectNode body = json.createObjectNode().put("to", recipientId);
        body.putArray("messages").addObject().put("type", "text").put("text", text);
        PlatformHttp.Reply reply = http.exchange(PLATFORM, HttpRequest.newBuilder(
                        URI.create(apiUrl + "/v2/bot/message/push"))
                .header("Authorization", "Bearer " + channelAccessToken)
                .header("Content-Type", "application/json")
                .header("X-Line-Retry-Key", retryKey(messageId))
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())), true);
        JsonNode answer;
        try {
            answer = json.readTree(reply.body() == null || reply.body().isEmpty() ? "{}" : reply.body());
        } catch (Exception e) {
            answer = json.createObjectNode();
        }
        if (reply.ok()) {
            return new Sent(JsonBodies.text(answer.path("sentMessages").path(0), "id"));
        }
        if (reply.status() == 409) {
            return new Sent(JsonBodies.text(answer.path("sentMessages").path(0), "id"));
        }
        String detail = "LINE HTTP " + reply.status() + ": " + answer.path("message").asText("");
        throw switch (reply.status()) {
            case 401, 403 -> SendFailures.credentials(PLATFORM, detail);
            case 429 -> SendFailures.rateLimited(PLATFORM, detail);
            case 400 -> SendFailures.rejected(PLATFORM, detail);
            default -> reply.status() >= 500 ? SendFailures.unavailable(PLATFORM, detail)
                    : SendFailures.rejected(PLATFORM, detail);
        };
    }
}
