package io.switchboard.channel.twilio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.channel.JsonBodies;
import io.switchboard.channel.PlatformHttp;
import io.switchboard.channel.SendFailures;
import io.switchboard.inbox.OutboundSender;
import io.switchboard.inbox.OutgoingContent;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Twilio Programmable Messaging {@code POST /2010-04-01/Accounts/{AccountSid}/Messages.json}: basic
 * auth with the account SID and auth token, a form body. No idempotency key: retried only on 429.
 */
public final class TwilioSender implements OutboundSender {

    private static final String PLATFORM = "Twilio";

    private final PlatformHttp http;
    private final ObjectMapper json;
    private final String apiUrl;
    private final String accountSid;
    private final String authToken;
    private final String from;

    public TwilioSender(PlatformHttp http, ObjectMapper json, String apiUrl, String accountSid, String authToken,
            String from) {
        this.http = http;
        this.json = json;
        this.apiUrl = apiUrl;
        this.accountSid = accountSid;
        this.authToken = authToken;
        this.from = from;
    }

    @Override
    public Sent send(String recipientId, String text, String messageId) {
        return post("To=" + encode(recipientId) + "&From=" + encode(from) + "&Body=" + encode(text));
    }

    /**
     * Media as an MMS: the URL as {@code MediaUrl}, the caption as {@code Body}. Twilio sends MMS in the US
     * and Canada and, where the account's MMS Converter is on, turns it into an SMS with a link elsewhere.
     */
    @Override
    public Sent send(String recipientId, OutgoingContent content, String messageId) {
        OutgoingContent message = content instanceof OutgoingContent.Tagged tagged ? tagged.message() : content;
        if (!(message instanceof OutgoingContent.Media media)) {
            return OutboundSender.super.send(recipientId, message, messageId);
        }
        return post("To=" + encode(recipientId) + "&From=" + encode(from)
                + (media.hasCaption() ? "&Body=" + encode(media.caption()) : "") + "&MediaUrl=" + encode(media.url()));
    }

    private Sent post(String form) {
        String basic = Base64.getEncoder().encodeToString((accountSid + ":" + authToken).getBytes(StandardCharsets.UTF_8));
        PlatformHttp.Reply reply = http.exchange(PLATFORM, HttpRequest.newBuilder(
                        URI.create(apiUrl + "/2010-04-01/Accounts/" + accountSid + "/Messages.json"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)), false);
        JsonNode answer;
        try {
            answer = json.readTree(reply.body() == null || reply.body().isEmpty() ? "{}" : reply.body());
        } catch (Exception e) {
            answer = json.createObjectNode();
        }
        if (reply.ok()) {
            return new Sent(JsonBodies.text(answer, "sid"));
        }
        int code = answer.path("code").asInt(-1);
        String detail = "Twilio error " + code + ": " + answer.path("message").asText("HTTP " + reply.status());
        throw switch (code) {
            case 21610 -> SendFailures.unsubscribed(PLATFORM, detail);
            case 21211, 21614, 21408, 21612 -> SendFailures.invalidRecipient(PLATFORM, detail);
            case 63016 -> SendFailures.outsideWindow(PLATFORM, detail);
            case 20003 -> SendFailures.credentials(PLATFORM, detail);
            case 20429 -> SendFailures.rateLimited(PLATFORM, detail);
            default -> reply.status() == 429 ? SendFailures.rateLimited(PLATFORM, detail)
                    : reply.status() == 401 ? SendFailures.credentials(PLATFORM, detail)
                    : reply.status() >= 500 ? SendFailures.unavailable(PLATFORM, detail)
                    : SendFailures.rejected(PLATFORM, detail);
        };
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
