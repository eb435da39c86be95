package io.switchboard.channel.line;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.channel.JsonBodies;
import io.switchboard.channel.PlatformHttp;
import io.switchboard.channel.SendFailures;
import io.switchboard.inbox.OutboundSender;
import io.switchboard.inbox.OutgoingContent;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
        ArrayNode messages = json.createArrayNode();
        messages.addObject().put("type", "text").put("text", text);
        return push(recipientId, messages, messageId);
    }

    /**
     * Up to 13 options of at most 20 characters as quick-reply buttons under the question (a tap sends
     * the option's text); more, or longer ones, go as the text with the options listed.
     */
    @Override
    public Sent send(String recipientId, String text, Choices choices, String messageId) {
        List<String> options = choices.options();
        if (options.size() > MAX_QUICK_REPLIES || options.stream().anyMatch(o -> o.length() > MAX_LABEL)) {
            return send(recipientId, text, messageId);
        }
        ArrayNode messages = json.createArrayNode();
        ArrayNode items = messages.addObject().put("type", "text").put("text", choices.question())
                .putObject("quickReply").putArray("items");
        options.forEach(option -> items.addObject().put("type", "action").putObject("action")
                .put("type", "message").put("label", option).put("text", option));
        return push(recipientId, messages, messageId);
    }

    static final int MAX_QUICK_REPLIES = 13;
    static final int MAX_LABEL = 20;

    /**
     * Media as LINE's image, video and audio messages, with the caption as a text message in the same
     * push (one request, so both or neither arrive). LINE requires a preview image for a video and the
     * length of an audio, and has no file message: without those facts, and for files, the caption and
     * link go as text.
     */
    @Override
    public Sent send(String recipientId, OutgoingContent content, String messageId) {
        OutgoingContent message = content instanceof OutgoingContent.Tagged tagged ? tagged.message() : content;
        if (!(message instanceof OutgoingContent.Media media)) {
            return OutboundSender.super.send(recipientId, message, messageId);
        }
        ArrayNode messages = json.createArrayNode();
        switch (media.kind()) {
            case IMAGE -> messages.addObject().put("type", "image").put("originalContentUrl", media.url())
                    .put("previewImageUrl", media.previewUrl() != null ? media.previewUrl() : media.url());
            case VIDEO -> {
                if (media.previewUrl() != null) {
                    messages.addObject().put("type", "video").put("originalContentUrl", media.url())
                            .put("previewImageUrl", media.previewUrl());
                }
            }
            case AUDIO -> {
                if (media.durationSeconds() != null) {
                    messages.addObject().put("type", "audio").put("originalContentUrl", media.url())
                            .put("duration", media.durationSeconds() * 1000L);
                }
            }
            case FILE -> { }
        }
        if (messages.isEmpty()) {
            return send(recipientId, media.asText(), messageId);
        }
        if (media.hasCaption()) {
            messages.addObject().put("type", "text").put("text", media.caption());
        }
        return push(recipientId, messages, messageId);
    }

    private Sent push(String recipientId, ArrayNode messages, String messageId) {
        ObjectNode body = json.createObjectNode().put("to", recipientId);
        body.set("messages", messages);
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
