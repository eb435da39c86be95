package io.switchboard.channel.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.channel.ChannelEvent;
import io.switchboard.channel.Content;
import io.switchboard.channel.HmacSignature;
import io.switchboard.channel.JsonBodies;
import io.switchboard.channel.PlatformWebhook;
import io.switchboard.channel.WebhookRejected;
import io.switchboard.inbox.InboxActions.IncomingMessage;
import java.util.List;

/**
 * Telegram Bot API updates. Telegram does not sign the body: it sends back, in
 * {@code X-Telegram-Bot-Api-Secret-Token}, the secret token the bot passed to {@code setWebhook}. The
 * contact is the chat (a private chat's id is the user's id), which is where a reply goes; Telegram's
 * message ids are unique within a chat. Only {@code message} updates are read: edits, channel posts,
 * button callbacks and membership changes are acknowledged and dropped.
 */
public final class TelegramWebhook implements PlatformWebhook {

    public static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

    private final ObjectMapper json;
    private final String secretToken;

    public TelegramWebhook(ObjectMapper json, String secretToken) {
        this.json = json;
        this.secretToken = secretToken;
    }

    @Override
    public List<ChannelEvent> receive(Delivery delivery) {
        String given = delivery.header(SECRET_HEADER).orElse(null);
        if (given == null) {
            throw new WebhookRejected(401, "missing " + SECRET_HEADER + " header; pass secret_token to setWebhook");
        }
        if (!HmacSignature.sameSecret(secretToken, given)) {
            throw new WebhookRejected(401, SECRET_HEADER + " does not match this channel's secretToken");
        }
        JsonNode update = JsonBodies.read(json, delivery.body());
        JsonNode m = update.get("message");
        if (m == null) {
            String kind = update.fieldNames().hasNext() ? "update" : "empty update";
            for (var it = update.fieldNames(); it.hasNext();) {
                String f = it.next();
                if (!"update_id".equals(f)) {
                    kind = f;
                }
            }
            return List.of(new ChannelEvent.Ignored(kind));
        }
        String chatId = JsonBodies.text(m, "chat", "id");
        String messageId = JsonBodies.text(m, "message_id");
        if (chatId == null || messageId == null) {
            return List.of(new ChannelEvent.Ignored("message without chat or message_id"));
        }
        Content content = content(m);
        return List.of(new ChannelEvent.Incoming(new IncomingMessage(delivery.channelId(), messageId, chatId,
                name(m), content.text(), JsonBodies.epochSeconds(m.get("date"), delivery.receivedAt()),
                content.attachment())));
    }

    private static String name(JsonNode m) {
        String first = JsonBodies.text(m, "from", "first_name");
        String last = JsonBodies.text(m, "from", "last_name");
        if (first == null) {
            return JsonBodies.text(m, "chat", "title");
        }
        return last == null ? first : first + " " + last;
    }

    static Content content(JsonNode m) {
        String caption = JsonBodies.text(m, "caption");
        if (m.has("text")) {
            return Content.text(JsonBodies.text(m, "text"));
        }
        if (m.has("photo") && m.get("photo").isArray() && !m.get("photo").isEmpty()) {
            JsonNode largest = m.get("photo").get(m.get("photo").size() - 1);
            return Content.media("image", JsonBodies.text(largest, "file_id"), "image/jpeg", caption, null);
        }
        for (String[] kind : new String[][] {{"document", "file"}, {"video", "video"}, {"animation", "video"},
                {"video_note", "video"}, {"audio", "audio"}, {"voice", "audio"}, {"sticker", "sticker"}}) {
            JsonNode media = m.get(kind[0]);
            if (media != null) {
                return Content.media(kind[1], JsonBodies.text(media, "file_id"), JsonBodies.text(media, "mime_type"),
                        caption, JsonBodies.text(media, "file_name"));
            }
        }
        if (m.has("venue")) {
            JsonNode v = m.get("venue");
            return Content.location(v.path("location").path("latitude").asDouble(),
                    v.path("location").path("longitude").asDouble(), JsonBodies.text(v, "title"));
        }
        if (m.has("location")) {
            JsonNode l = m.get("location");
            return Content.location(l.path("latitude").asDouble(), l.path("longitude").asDouble(), null);
        }
        if (m.has("contact")) {
            JsonNode c = m.get("contact");
            String name = JsonBodies.text(c, "first_name");
            if (JsonBodies.text(c, "last_name") != null) {
                name = name + " " + JsonBodies.text(c, "last_name");
            }
            return Content.contact(name, JsonBodies.text(c, "phone_number"), JsonBodies.text(c, "vcard"));
        }
        return Content.unsupported(null);
    }
}
