package io.switchboard.channel.messenger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.channel.ChannelEvent;
import io.switchboard.channel.Content;
import io.switchboard.channel.JsonBodies;
import io.switchboard.channel.MetaWebhooks;
import io.switchboard.channel.PlatformWebhook;
import io.switchboard.inbox.InboxActions.IncomingMessage;
import io.switchboard.inbox.InboxActions.OutgoingEcho;
import io.switchboard.inbox.InboxActions.StatusReport;
import io.switchboard.inbox.DeliveryStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * Messenger Platform webhooks ({@code object: page}) and their Instagram variant ({@code object:
 * instagram}), which share Meta's {@code entry[].messaging[]} format. Messages the page sends come
 * back with {@code is_echo}: those sent by Switchboard carry our metadata (or the configured app id)
 * and are dropped; any other echo is a reply someone wrote in Meta's own inbox, recorded as outgoing.
 */
public final class MessengerWebhook implements PlatformWebhook {

    /** Put in {@code message.metadata} of every send, so the echo of our own send is recognised. */
    public static final String METADATA_PREFIX = "switchboard:";

    private final ObjectMapper json;
    private final String appSecret;
    private final String object;
    private final String appId;

    /**
     * @param instagram true for the Instagram variant
     * @param appId our Meta app id, when known: echoes of its sends are ours (nullable)
     */
    public MessengerWebhook(ObjectMapper json, String appSecret, boolean instagram, String appId) {
        this.json = json;
        this.appSecret = appSecret;
        this.object = instagram ? "instagram" : "page";
        this.appId = appId;
    }

    @Override
    public List<ChannelEvent> receive(Delivery delivery) {
        MetaWebhooks.verify(delivery, appSecret);
        JsonNode root = JsonBodies.read(json, delivery.body());
        List<ChannelEvent> events = new ArrayList<>();
        if (!object.equals(JsonBodies.text(root, "object"))) {
            events.add(new ChannelEvent.Ignored("object " + JsonBodies.text(root, "object")));
            return events;
        }
        for (JsonNode entry : root.path("entry")) {
            for (JsonNode event : entry.path("messaging")) {
                if (event.has("delivery")) {
                    deliveries(delivery, event, events);
                } else if (event.path("message").path("attachments").size() > 1
                        && !event.path("message").path("is_echo").asBoolean(false)) {
                    parts(delivery, event, events);
                } else {
                    events.add(event(delivery, event));
                }
            }
            if (entry.has("changes")) {
                events.add(new ChannelEvent.Ignored("changes"));
            }
        }
        return events;
    }

    private ChannelEvent event(Delivery delivery, JsonNode event) {
        String sender = JsonBodies.text(event, "sender", "id");
        String recipient = JsonBodies.text(event, "recipient", "id");
        var at = JsonBodies.epochMillis(event.get("timestamp"), delivery.receivedAt());
        JsonNode message = event.get("message");
        if (message != null) {
            String mid = JsonBodies.text(message, "mid");
            if (mid == null || sender == null || recipient == null) {
                return new ChannelEvent.Ignored("message without mid");
            }
            if (message.path("is_deleted").asBoolean(false)) {
                return new ChannelEvent.Ignored("deleted message");
            }
            Content content = content(message);
            if (message.path("is_echo").asBoolean(false)) {
                String metadata = JsonBodies.text(message, "metadata");
                if (metadata != null && metadata.startsWith(METADATA_PREFIX)
                        || appId != null && appId.equals(JsonBodies.text(message, "app_id"))) {
                    return new ChannelEvent.Ignored("echo of a message sent through Switchboard");
                }
                return new ChannelEvent.Echo(new OutgoingEcho(delivery.channelId(), mid, recipient, content.text(), at,
                        content.attachment()));
            }
            return new ChannelEvent.Incoming(new IncomingMessage(delivery.channelId(), mid, sender, null,
                    content.text(), at, content.attachment()));
        }
        if (event.has("postback") && JsonBodies.text(event, "postback", "mid") != null && sender != null) {
            return new ChannelEvent.Incoming(new IncomingMessage(delivery.channelId(),
                    JsonBodies.text(event, "postback", "mid"), sender, null,
                    String.valueOf(JsonBodies.text(event, "postback", "title")), at, null));
        }
        if (event.has("read") && sender != null) {
            // Instagram names the message read; Messenger sends only a watermark time
            String mid = JsonBodies.text(event, "read", "mid");
            return mid == null ? new ChannelEvent.Ignored("read watermark")
                    : status(delivery, sender, mid, DeliveryStatus.READ, at);
        }
        return new ChannelEvent.Ignored(event.fieldNames().hasNext() ? kind(event) : "empty event");
    }

    /**
     * Several images (or files) in one message: each is kept as a part of its own (Content.partId), the
     * text with the first.
     */
    private void parts(Delivery delivery, JsonNode event, List<ChannelEvent> events) {
        JsonNode attachments = event.path("message").path("attachments");
        for (int i = 0; i < attachments.size(); i++) {
            com.fasterxml.jackson.databind.node.ObjectNode part = event.deepCopy();
            com.fasterxml.jackson.databind.node.ObjectNode message = (com.fasterxml.jackson.databind.node.ObjectNode) part.get("message");
            message.set("attachments", message.arrayNode().add(attachments.get(i)));
            if (i > 0) {
                message.remove("text");
            }
            String mid = JsonBodies.text(message, "mid");
            if (mid != null) {
                message.put("mid", io.switchboard.channel.Content.partId(mid, i));
            }
            events.add(event(delivery, part));
        }
    }

    /** One delivery event names every message it delivered, or only a watermark time. */
    private static void deliveries(Delivery delivery, JsonNode event, List<ChannelEvent> events) {
        String sender = JsonBodies.text(event, "sender", "id");
        JsonNode mids = event.path("delivery").path("mids");
        if (sender == null || mids.isEmpty()) {
            events.add(new ChannelEvent.Ignored("delivery watermark"));
            return;
        }
        var at = JsonBodies.epochMillis(event.path("delivery").get("watermark"), delivery.receivedAt());
        for (JsonNode mid : mids) {
            events.add(status(delivery, sender, mid.asText(), DeliveryStatus.DELIVERED, at));
        }
    }

    private static ChannelEvent status(Delivery delivery, String contact, String mid, DeliveryStatus status,
            java.time.Instant at) {
        return new ChannelEvent.Status(new StatusReport(delivery.channelId(), contact, mid, status, at, null));
    }

    private static String kind(JsonNode event) {
        List<String> names = new ArrayList<>();
        event.fieldNames().forEachRemaining(names::add);
        names.removeAll(List.of("sender", "recipient", "timestamp"));
        return names.isEmpty() ? "event" : names.get(0);
    }

    static Content content(JsonNode message) {
        String text = JsonBodies.text(message, "text");
        JsonNode attachment = message.path("attachments").path(0);
        if (attachment.isMissingNode()) {
            return Content.text(text);
        }
        String type = JsonBodies.text(attachment, "type");
        JsonNode payload = attachment.path("payload");
        if ("location".equals(type)) {
            JsonNode c = payload.path("coordinates");
            return Content.location(c.path("lat").asDouble(), c.path("long").asDouble(), JsonBodies.text(attachment, "title"));
        }
        String url = JsonBodies.text(payload, "url");
        return switch (type == null ? "" : type) {
            case "image", "video", "audio", "file" -> Content.media(type, url, null, text, null);
            case "share", "story_mention", "ig_reel", "reel", "fallback", "template" ->
                    Content.media(type, url, null, text, null);
            default -> Content.unsupported(type);
        };
    }
}
