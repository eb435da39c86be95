package io.switchboard.channel.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.channel.ChannelEvent;
import io.switchboard.channel.ContactIds;
import io.switchboard.channel.Content;
import io.switchboard.channel.JsonBodies;
import io.switchboard.channel.MetaWebhooks;
import io.switchboard.channel.PlatformWebhook;
import io.switchboard.inbox.InboxActions.IncomingMessage;
import io.switchboard.inbox.InboxActions.OutgoingEcho;
import io.switchboard.inbox.InboxActions.StatusReport;
import io.switchboard.inbox.DeliveryStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * WhatsApp Cloud API webhooks ({@code object: whatsapp_business_account}). A delivery batches entries
 * and changes: {@code messages} changes carry contact messages and status reports for messages the
 * business sent; {@code smb_message_echoes} carries messages sent from the WhatsApp Business app on
 * the same number (coexistence), which count as replies. An app's webhook receives every phone number
 * of the app, so changes for another phone number id are dropped.
 */
public final class WhatsAppWebhook implements PlatformWebhook {

    private final ObjectMapper json;
    private final String appSecret;
    private final String phoneNumberId;

    public WhatsAppWebhook(ObjectMapper json, String appSecret, String phoneNumberId) {
        this.json = json;
        this.appSecret = appSecret;
        this.phoneNumberId = phoneNumberId;
    }

    @Override
    public List<ChannelEvent> receive(Delivery delivery) {
        MetaWebhooks.verify(delivery, appSecret);
        JsonNode root = JsonBodies.read(json, delivery.body());
        List<ChannelEvent> events = new ArrayList<>();
        if (!"whatsapp_business_account".equals(JsonBodies.text(root, "object"))) {
            events.add(new ChannelEvent.Ignored("object " + JsonBodies.text(root, "object")));
            return events;
        }
        for (JsonNode entry : root.path("entry")) {
            for (JsonNode change : entry.path("changes")) {
                String field = JsonBodies.text(change, "field");
                JsonNode value = change.path("value");
                String number = JsonBodies.text(value, "metadata", "phone_number_id");
                if (number != null && !number.equals(phoneNumberId)) {
                    events.add(new ChannelEvent.Ignored("phone number " + number));
                } else if ("messages".equals(field)) {
                    messages(delivery, value, events);
                } else if ("smb_message_echoes".equals(field)) {
                    for (JsonNode echo : value.path("message_echoes")) {
                        if (JsonBodies.text(echo, "to") == null || JsonBodies.text(echo, "id") == null) {
                            events.add(new ChannelEvent.Ignored("echo without to or id"));
                            continue;
                        }
                        Content content = content(echo);
                        events.add(new ChannelEvent.Echo(new OutgoingEcho(delivery.channelId(),
                                JsonBodies.text(echo, "id"), ContactIds.phone(JsonBodies.text(echo, "to")),
                                content.text(), JsonBodies.epochSeconds(echo.get("timestamp"), delivery.receivedAt()),
                                content.attachment())));
                    }
                } else {
                    events.add(new ChannelEvent.Ignored("field " + field));
                }
            }
        }
        return events;
    }

    private void messages(Delivery delivery, JsonNode value, List<ChannelEvent> events) {
        Map<String, String> names = new HashMap<>();
        for (JsonNode contact : value.path("contacts")) {
            names.put(JsonBodies.text(contact, "wa_id"), JsonBodies.text(contact, "profile", "name"));
        }
        for (JsonNode m : value.path("messages")) {
            String from = JsonBodies.text(m, "from");
            String id = JsonBodies.text(m, "id");
            if (from == null || id == null) {
                events.add(new ChannelEvent.Ignored("message without from or id"));
                continue;
            }
            String type = JsonBodies.text(m, "type");
            if ("edit".equals(type)) {
                // Meta: "edit" names the original message and carries the edited one; it is not a new message
                String original = JsonBodies.text(m, "edit", "original_message_id");
                events.add(original == null ? new ChannelEvent.Ignored("edit without original_message_id")
                        : new ChannelEvent.Edit(delivery.channelId(), ContactIds.phone(from), original,
                                content(m.path("edit").path("message")).text(),
                                JsonBodies.epochSeconds(m.get("timestamp"), delivery.receivedAt())));
                continue;
            }
            if ("system".equals(type) || "revoke".equals(type)
                    || "reaction".equals(type) && JsonBodies.text(m, "reaction", "emoji") == null) {
                // a number change, a deleted message or a removed reaction: nothing the contact wrote, so it
                // neither opens a conversation nor answers a question
                events.add(new ChannelEvent.Ignored("reaction".equals(type) ? "reaction removed" : type));
                continue;
            }
            if ("unsupported".equals(type)) {
                // the contact sent something the Cloud API cannot deliver: shown in an open conversation only
                Content content = content(m);
                events.add(new ChannelEvent.Notice(new IncomingMessage(delivery.channelId(), id, ContactIds.phone(from),
                        names.get(from), content.text(), JsonBodies.epochSeconds(m.get("timestamp"), delivery.receivedAt()),
                        content.attachment())));
                continue;
            }
            List<Content> contents = "contacts".equals(type) ? sharedContacts(m) : List.of(content(m));
            for (int i = 0; i < contents.size(); i++) {
                // every shared contact is kept: the first under the message's id, the others as its parts
                Content content = contents.get(i);
                events.add(new ChannelEvent.Incoming(new IncomingMessage(delivery.channelId(), Content.partId(id, i),
                        ContactIds.phone(from), names.get(from), content.text(),
                        JsonBodies.epochSeconds(m.get("timestamp"), delivery.receivedAt()), content.attachment())));
            }
        }
        for (JsonNode s : value.path("statuses")) {
            DeliveryStatus status = status(JsonBodies.text(s, "status"));
            String recipient = JsonBodies.text(s, "recipient_id");
            if (status == null || recipient == null) {
                events.add(new ChannelEvent.Ignored("status " + JsonBodies.text(s, "status")));
                continue;
            }
            JsonNode error = s.path("errors").path(0);
            String errorText = error.isMissingNode() ? null
                    : JsonBodies.text(error, "code") + " " + JsonBodies.text(error, "title");
            events.add(new ChannelEvent.Status(new StatusReport(delivery.channelId(), ContactIds.phone(recipient),
                    JsonBodies.text(s, "id"), status, JsonBodies.epochSeconds(s.get("timestamp"), delivery.receivedAt()),
                    errorText)));
        }
    }

    private static DeliveryStatus status(String status) {
        if (status == null) {
            return null;
        }
        return switch (status) {
            case "sent" -> DeliveryStatus.SENT;
            case "delivered" -> DeliveryStatus.DELIVERED;
            case "read" -> DeliveryStatus.READ;
            case "failed" -> DeliveryStatus.FAILED;
            default -> null;
        };
    }

    private static List<Content> sharedContacts(JsonNode m) {
        List<Content> out = new ArrayList<>();
        for (JsonNode c : m.path("contacts")) {
            out.add(Content.contact(JsonBodies.text(c, "name", "formatted_name"),
                    JsonBodies.text(c.path("phones").path(0), "phone"), null));
        }
        return out.isEmpty() ? List.of(content(m)) : out;
    }

    static Content content(JsonNode m) {
        String type = JsonBodies.text(m, "type");
        if (type == null) {
            return Content.unsupported(null);
        }
        JsonNode body = m.path(type);
        return switch (type) {
            case "text" -> Content.text(JsonBodies.text(body, "body"));
            case "image", "video", "audio", "sticker", "document" -> Content.media(
                    "document".equals(type) ? "file" : type, JsonBodies.text(body, "id"),
                    JsonBodies.text(body, "mime_type"), JsonBodies.text(body, "caption"),
                    JsonBodies.text(body, "filename"));
            case "location" -> Content.location(body.path("latitude").asDouble(), body.path("longitude").asDouble(),
                    JsonBodies.text(body, "name"));
            case "contacts" -> {
                JsonNode c = m.path("contacts").path(0);
                yield Content.contact(JsonBodies.text(c, "name", "formatted_name"),
                        JsonBodies.text(c.path("phones").path(0), "phone"), null);
            }
            case "interactive" -> {
                JsonNode reply = body.has("button_reply") ? body.get("button_reply") : body.path("list_reply");
                yield Content.text(JsonBodies.text(reply, "title"));
            }
            case "button" -> Content.text(JsonBodies.text(body, "text"));
            case "reaction" -> Content.text("[reaction " + (JsonBodies.text(body, "emoji") == null ? ""
                    : JsonBodies.text(body, "emoji")) + "]");
            default -> Content.unsupported(type);
        };
    }
}
