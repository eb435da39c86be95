package io.switchboard.channel.messenger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.channel.JsonBodies;
import io.switchboard.channel.PlatformHttp;
import io.switchboard.channel.SendFailures;
import io.switchboard.inbox.OutboundSender;
import io.switchboard.inbox.OutgoingContent;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.net.http.HttpRequest;

/**
 * Messenger Send API, and the same Graph send for Instagram: {@code POST /{version}/me/messages} with
 * the page access token, {@code messaging_type: RESPONSE}. Messenger messages carry our id in
 * {@code metadata}, which comes back on the echo so the webhook can tell our sends from replies written
 * elsewhere. No idempotency key: retried only on 429.
 */
public final class MessengerSender implements OutboundSender {

    private final PlatformHttp http;
    private final ObjectMapper json;
    private final String graphUrl;
    private final String version;
    private final String pageAccessToken;
    private final boolean instagram;

    public MessengerSender(PlatformHttp http, ObjectMapper json, String graphUrl, String version,
            String pageAccessToken, boolean instagram) {
        this.http = http;
        this.json = json;
        this.graphUrl = graphUrl;
        this.version = version;
        this.pageAccessToken = pageAccessToken;
        this.instagram = instagram;
    }

    /** Meta's standard messaging window: without a message tag, only within 24 hours of the contact's last message. */
    @Override
    public Optional<Duration> replyWindow() {
        return Optional.of(Duration.ofHours(24));
    }

    @Override
    public Sent send(String recipientId, String text, String messageId) {
        return post(message(recipientId, text, messageId));
    }

    /** Up to 13 options of at most 20 characters as quick replies; otherwise the text with the options listed. */
    @Override
    public Sent send(String recipientId, String text, Choices choices, String messageId) {
        if (choices.options().size() > MAX_QUICK_REPLIES
                || choices.options().stream().anyMatch(o -> o.length() > MAX_QUICK_REPLY_TITLE)) {
            return send(recipientId, text, messageId);
        }
        ObjectNode body = message(recipientId, choices.question(), messageId);
        var replies = ((ObjectNode) body.get("message")).putArray("quick_replies");
        for (int i = 0; i < choices.options().size(); i++) {
            replies.addObject().put("content_type", "text").put("title", choices.options().get(i))
                    .put("payload", "option-" + (i + 1));
        }
        return post(body);
    }

    /**
     * Media as an attachment the platform fetches from its URL ({@code image}, {@code video},
     * {@code audio}, {@code file}; Instagram has no file attachment, so a file goes as its link). An
     * attachment has no caption: the caption follows as a text. A tagged message goes with
     * {@code messaging_type: MESSAGE_TAG} and its tag, which Meta accepts outside the 24-hour window.
     */
    @Override
    public Sent send(String recipientId, OutgoingContent content, String messageId) {
        String tag = null;
        OutgoingContent message = content;
        if (content instanceof OutgoingContent.Tagged tagged) {
            tag = tagged.tag();
            message = tagged.message();
        }
        if (message instanceof OutgoingContent.Media media
                && !(instagram && media.kind() == OutgoingContent.MediaKind.FILE)) {
            ObjectNode body = envelope(recipientId, tag);
            ObjectNode attachment = attach(body, messageId).putObject("attachment").put("type", media.kind().wireName());
            attachment.putObject("payload").put("url", media.url()).put("is_reusable", true);
            Sent sent = post(body);
            if (media.hasCaption()) {
                post(text(recipientId, tag, media.caption(), messageId + "#caption"));
            }
            return sent;
        }
        if (message instanceof OutgoingContent.Template) {
            return OutboundSender.super.send(recipientId, message, messageId);
        }
        String text = message instanceof OutgoingContent.Media media ? media.asText() : message.recorded();
        return post(text(recipientId, tag, text, messageId));
    }

    private ObjectNode envelope(String recipientId, String tag) {
        ObjectNode body = json.createObjectNode();
        body.putObject("recipient").put("id", recipientId);
        if (tag == null) {
            body.put("messaging_type", "RESPONSE");
        } else {
            body.put("messaging_type", "MESSAGE_TAG").put("tag", tag);
        }
        return body;
    }

    private ObjectNode attach(ObjectNode body, String messageId) {
        ObjectNode message = body.putObject("message");
        if (!instagram) {
            message.put("metadata", MessengerWebhook.METADATA_PREFIX + messageId);
        }
        return message;
    }

    private ObjectNode text(String recipientId, String tag, String text, String messageId) {
        ObjectNode body = envelope(recipientId, tag);
        attach(body, messageId).put("text", text);
        return body;
    }

    static final int MAX_QUICK_REPLIES = 13;
    static final int MAX_QUICK_REPLY_TITLE = 20;

    private ObjectNode message(String recipientId, String text, String messageId) {
        ObjectNode body = json.createObjectNode();
        body.putObject("recipient").put("id", recipientId);
        body.put("messaging_type", "RESPONSE");
        ObjectNode message = body.putObject("message").put("text", text);
        if (!instagram) {
            message.put("metadata", MessengerWebhook.METADATA_PREFIX + messageId);
        }
        return body;
    }

    private Sent post(ObjectNode body) {
        PlatformHttp.Reply reply = http.exchange(platform(), HttpRequest.newBuilder(
                        URI.create(graphUrl + "/" + version + "/me/messages"))
                .header("Authorization", "Bearer " + pageAccessToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())), false);
        JsonNode answer;
        try {
            answer = json.readTree(reply.body() == null || reply.body().isEmpty() ? "{}" : reply.body());
        } catch (Exception e) {
            answer = json.createObjectNode();
        }
        if (reply.ok()) {
            return new Sent(JsonBodies.text(answer, "message_id"));
        }
        throw failure(platform(), reply.status(), answer.path("error"));
    }

    private String platform() {
        return instagram ? "Instagram" : "Messenger";
    }

    static SendFailed failure(String platform, int status, JsonNode error) {
        int code = error.path("code").asInt(-1);
        int subcode = error.path("error_subcode").asInt(-1);
        String detail = platform + " error " + code + (subcode > 0 ? "/" + subcode : "") + ": "
                + error.path("message").asText("HTTP " + status);
        if (code == 10 && (subcode == 2018278 || subcode < 0) || subcode == 2534022) {
            return SendFailures.outsideWindow(platform, detail);
        }
        if (code == 551 || subcode == 1545041) {
            return SendFailures.blocked(platform, detail);
        }
        if (code == 100 && subcode == 2018001) {
            return SendFailures.invalidRecipient(platform, detail);
        }
        if (code == 190 || status == 401) {
            return SendFailures.credentials(platform, detail);
        }
        if (code == 4 || code == 32 || code == 613 || status == 429) {
            return SendFailures.rateLimited(platform, detail);
        }
        return status >= 500 ? SendFailures.unavailable(platform, detail) : SendFailures.rejected(platform, detail);
    }
}
