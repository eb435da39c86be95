package io.switchboard.channel.viber;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.channel.ContactIds;
import io.switchboard.channel.JsonBodies;
import io.switchboard.channel.PlatformHttp;
import io.switchboard.channel.SendFailures;
import io.switchboard.inbox.OutboundSender;
import java.net.URI;
import java.net.http.HttpRequest;

/**
 * Viber REST bot API {@code POST /pa/send_message} with {@code X-Viber-Auth-Token}. Viber answers 200
 * with a {@code status} code in the body; 0 is success. No idempotency key: retried only on 429.
 */
public final class ViberSender implements OutboundSender {

    private static final String PLATFORM = "Viber";

    private final PlatformHttp http;
    private final ObjectMapper json;
    private final String apiUrl;
    private final String authToken;
    private final String senderName;

    public ViberSender(PlatformHttp http, ObjectMapper json, String apiUrl, String authToken, String senderName) {
        this.http = http;
        this.json = json;
        this.apiUrl = apiUrl;
        this.authToken = authToken;
        this.senderName = senderName;
    }

    @Override
    public Sent send(String recipientId, String text, String messageId) {
        ObjectNode body = json.createObjectNode().put("receiver", ContactIds.toViber(recipientId))
                .put("min_api_version", 1);
        body.putObject("sender").put("name", senderName);
        body.put("tracking_data", messageId).put("type", "text").put("text", text);
        PlatformHttp.Reply reply = http.exchange(PLATFORM, HttpRequest.newBuilder(URI.create(apiUrl + "/pa/send_message"))
                .header("X-Viber-Auth-Token", authToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())), false);
        JsonNode answer;
        try {
            answer = json.readTree(reply.body() == null || reply.body().isEmpty() ? "{}" : reply.body());
        } catch (Exception e) {
            answer = json.createObjectNode();
        }
        int status = answer.path("status").asInt(-1);
        if (reply.ok() && status == 0) {
            return new Sent(JsonBodies.text(answer, "message_token"));
        }
        String detail = "Viber status " + status + ": " + answer.path("status_message").asText("HTTP " + reply.status());
        throw switch (status) {
            case 2 -> SendFailures.credentials(PLATFORM, detail);
            case 5, 6 -> SendFailures.unsubscribed(PLATFORM, detail);
            case 7 -> SendFailures.blocked(PLATFORM, detail);
            case 12 -> SendFailures.rateLimited(PLATFORM, detail);
            default -> reply.status() == 429 ? SendFailures.rateLimited(PLATFORM, detail)
                    : reply.status() >= 500 ? SendFailures.unavailable(PLATFORM, detail)
                    : SendFailures.rejected(PLATFORM, detail);
        };
    }
}
