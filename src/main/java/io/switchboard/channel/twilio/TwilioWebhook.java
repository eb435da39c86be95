package io.switchboard.channel.twilio;

import io.switchboard.channel.ChannelEvent;
import io.switchboard.channel.ContactIds;
import io.switchboard.channel.Content;
import io.switchboard.channel.HmacSignature;
import io.switchboard.channel.PlatformWebhook;
import io.switchboard.channel.WebhookRejected;
import io.switchboard.inbox.InboxActions.IncomingMessage;
import io.switchboard.inbox.InboxActions.StatusReport;
import io.switchboard.inbox.DeliveryStatus;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Twilio Messaging webhooks: incoming SMS/MMS, and status callbacks for messages we sent, both as form
 * posts. {@code X-Twilio-Signature} is the base64 HMAC-SHA1, keyed with the account's auth token, of
 * the full URL Twilio called followed by every POST parameter sorted by name (name, then value): the
 * URL must therefore be the public URL configured in Twilio, exactly.
 */
public final class TwilioWebhook implements PlatformWebhook {

    public static final String SIGNATURE_HEADER = "X-Twilio-Signature";

    private final String authToken;
    private final String accountSid;

    public TwilioWebhook(String authToken, String accountSid) {
        this.authToken = authToken;
        this.accountSid = accountSid;
    }

    @Override
    public List<ChannelEvent> receive(Delivery delivery) {
        String signature = delivery.requiredHeader(SIGNATURE_HEADER);
        TwilioForm form = TwilioForm.parse(delivery.body());
        boolean signed = false;
        for (String url : TwilioSignedUrls.of(delivery.url())) {
            byte[] expected = HmacSignature.sha1(authToken, form.signedString(url).getBytes(StandardCharsets.UTF_8));
            signed |= HmacSignature.matchesBase64(expected, signature);
        }
        if (!signed) {
            throw new WebhookRejected(401, SIGNATURE_HEADER + " does not match; Twilio signs the exact public URL it "
                    + "called (" + delivery.url() + "): check the channel's publicUrl or switchboard.public-url");
        }
        if (accountSid != null && form.get("AccountSid") != null && !accountSid.equals(form.get("AccountSid"))) {
            return List.of(new ChannelEvent.Ignored("another account"));
        }
        String sid = form.get("MessageSid");
        if (sid == null) {
            return List.of(new ChannelEvent.Ignored("no MessageSid"));
        }
        String callbackStatus = form.get("MessageStatus");
        if (callbackStatus != null && !"received".equals(callbackStatus)) {
            return List.of(status(delivery, form, sid, callbackStatus));
        }
        String from = form.get("From");
        if (from == null) {
            return List.of(new ChannelEvent.Ignored("message without From"));
        }
        Content content = content(form);
        return List.of(new ChannelEvent.Incoming(new IncomingMessage(delivery.channelId(), sid, ContactIds.phone(from),
                form.get("ProfileName"), content.text(), delivery.receivedAt(), content.attachment())));
    }

    private static ChannelEvent status(Delivery delivery, TwilioForm form, String sid, String value) {
        DeliveryStatus status = switch (value) {
            case "sent" -> DeliveryStatus.SENT;
            case "delivered" -> DeliveryStatus.DELIVERED;
            case "read" -> DeliveryStatus.READ;
            case "undelivered", "failed" -> DeliveryStatus.FAILED;
            default -> null;
        };
        String to = form.get("To");
        if (status == null || to == null) {
            return new ChannelEvent.Ignored("status " + value);
        }
        String error = form.get("ErrorCode") == null ? null : "Twilio error " + form.get("ErrorCode");
        return new ChannelEvent.Status(new StatusReport(delivery.channelId(), ContactIds.phone(to), sid, status,
                delivery.receivedAt(), error));
    }

    static Content content(TwilioForm form) {
        String body = form.get("Body");
        int media = parseInt(form.get("NumMedia"));
        if (media > 0) {
            String type = form.get("MediaContentType0");
            String kind = type == null ? "file" : type.startsWith("image/") ? "image" : type.startsWith("video/") ? "video"
                    : type.startsWith("audio/") ? "audio" : type.startsWith("text/vcard") || type.startsWith("text/x-vcard")
                    ? "contact" : "file";
            return Content.media(kind, form.get("MediaUrl0"), type, body, null);
        }
        if (form.get("Latitude") != null && form.get("Longitude") != null) {
            try {
                return Content.location(Double.parseDouble(form.get("Latitude")), Double.parseDouble(form.get("Longitude")),
                        form.get("Label"));
            } catch (NumberFormatException ignored) {
                return Content.unsupported("location");
            }
        }
        return Content.text(body);
    }

    private static int parseInt(String s) {
        try {
            return s == null ? 0 : Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
