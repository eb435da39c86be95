package io.switchboard.channel.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.channel.JsonBodies;
import io.switchboard.channel.PlatformHttp;
import io.switchboard.channel.SendFailures;
import io.switchboard.inbox.OutboundSender;
import io.switchboard.inbox.OutgoingContent;
import java.net.URI;
import java.net.http.HttpRequest;

/**
 * Telegram Bot API {@code sendMessage} to the contact's chat. The bot token is part of the path, as
 * Telegram requires, so URLs of this client are never logged. No idempotency key: retried only on 429.
 */
public final class TelegramSender implements OutboundSender {

    private static final String PLATFORM = "Telegram";

    private final PlatformHttp http;
    private final ObjectMapper json;
    private final String apiUrl;
    private final String botToken;

    public TelegramSender(PlatformHttp http, ObjectMapper json, String apiUrl, String botToken) {
        this.http = http;
        this.json = json;
        this.apiUrl = apiUrl;
        this.botToken = botToken;
    }

    @Override
    public Sent send(String recipientId, String text, String messageId) {
        return post(json.createObjectNode().put("chat_id", recipientId).put("text", text).toString());
    }

    /** The options as a one-time reply keyboard, one per row; a tap sends the option's text. */
    @Override
    public Sent send(String recipientId, String text, Choices choices, String messageId) {
        var body = json.createObjectNode().put("chat_id", recipientId).put("text", choices.question());
        var markup = body.putObject("reply_markup").put("one_time_keyboard", true).put("resize_keyboard", true);
        var keyboard = markup.putArray("keyboard");
        choices.options().forEach(option -> keyboard.addArray().addObject().put("text", option));
        return post(body.toString());
    }

    /**
     * Media through the Bot API method for its kind ({@code sendPhoto}, {@code sendVideo},
     * {@code sendAudio}, {@code sendDocument}), the URL as the file Telegram downloads and the caption
     * as {@code caption}.
     */
    @Override
    public Sent send(String recipientId, OutgoingContent content, String messageId) {
        OutgoingContent message = content instanceof OutgoingContent.Tagged tagged ? tagged.message() : content;
        if (!(message instanceof OutgoingContent.Media media)) {
            return OutboundSender.super.send(recipientId, message, messageId);
        }
        String[] method = switch (media.kind()) {
            case IMAGE -> new String[] {"sendPhoto", "photo"};
            case VIDEO -> new String[] {"sendVideo", "video"};
            case AUDIO -> new String[] {"sendAudio", "audio"};
            case FILE -> new String[] {"sendDocument", "document"};
        };
        var body = json.createObjectNode().put("chat_id", recipientId).put(method[1], media.url());
        if (media.hasCaption()) {
            body.put("caption", media.caption());
        }
        return post(method[0], body.toString());
    }

    private Sent post(String body) {
        return post("sendMessage", body);
    }

    private Sent post(String method, String body) {
        PlatformHttp.Reply reply = http.exchange(PLATFORM, HttpRequest.newBuilder(
                        URI.create(apiUrl + "/bot" + botToken + "/" + method))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), false);
        JsonNode answer;
        try {
            answer = json.readTree(reply.body() == null || reply.body().isEmpty() ? "{}" : reply.body());
        } catch (Exception e) {
            answer = json.createObjectNode();
        }
        if (reply.ok() && answer.path("ok").asBoolean(false)) {
            return new Sent(JsonBodies.text(answer, "result", "message_id"));
        }
        String detail = "Telegram error " + answer.path("error_code").asInt(reply.status()) + ": "
                + answer.path("description").asText("HTTP " + reply.status());
        throw switch (reply.status()) {
            case 403 -> SendFailures.blocked(PLATFORM, detail);
            case 401, 404 -> SendFailures.credentials(PLATFORM, detail);
            case 429 -> SendFailures.rateLimited(PLATFORM, detail);
            case 400 -> detail.contains("chat not found") ? SendFailures.invalidRecipient(PLATFORM, detail)
                    : SendFailures.rejected(PLATFORM, detail);
            default -> reply.status() >= 500 ? SendFailures.unavailable(PLATFORM, detail)
                    : SendFailures.rejected(PLATFORM, detail);
        };
    }
}
