package io.switchboard.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.path.json.JsonPath;
import io.switchboard.channel.line.LineSender;
import io.switchboard.channel.messenger.MessengerSender;
import io.switchboard.channel.telegram.TelegramSender;
import io.switchboard.channel.twilio.TwilioSender;
import io.switchboard.channel.viber.ViberSender;
import io.switchboard.channel.whatsapp.WhatsAppSender;
import io.switchboard.inbox.OutboundSender;
import io.switchboard.inbox.OutgoingContent;
import io.switchboard.inbox.OutgoingContent.Media;
import io.switchboard.inbox.OutgoingContent.MediaKind;
import io.switchboard.inbox.OutgoingContent.Tagged;
import io.switchboard.inbox.OutgoingContent.Template;
import io.switchboard.inbox.OutgoingContent.Text;
import io.switchboard.support.FakePlatforms;
import io.switchboard.support.PlatformRequests;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each platform's sender against the local server that answers as the platform's send API documents:
 * the exact request (path, authentication, body) for every kind of workflow message, and the documented
 * fallback where a platform lacks a kind. The expected bodies follow the platforms' published examples,
 * cited at each test.
 */
class WorkflowMessageSendersTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final PlatformHttp HTTP = new PlatformHttp(HttpClient.newHttpClient(), Duration.ofSeconds(5), 2,
            Duration.ofSeconds(1));
    static final String PARCEL = "https://cdn.example.com/parcels/4711.jpg";
    static final Media PHOTO = new Media(MediaKind.IMAGE, PARCEL, "Your order 4711 has shipped");

    String base;

    @BeforeEach
    void resetPlatforms() {
        base = FakePlatforms.baseUrl();
        PlatformRequests.reset();
    }

    static Map<String, Object> body(Map<String, Object> request) {
        return JsonPath.from((String) request.get("body")).getMap("$");
    }

    static List<Map<String, Object>> bodies() {
        return PlatformRequests.recorded().stream().map(WorkflowMessageSendersTest::body).toList();
    }

    // --- WhatsApp Cloud API: POST /{version}/{phone-number-id}/messages with the bearer token

    WhatsAppSender whatsApp() {
        return new WhatsAppSender(HTTP, JSON, base + "/graph", "v21.0", "106540352242933", "EAAG-token");
    }

    static Map<String, Object> whatsAppEnvelope(String type, Map<String, Object> payload) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("messaging_product", "whatsapp",
                "recipient_type", "individual", "to", "15550002222", "type", type));
        body.put(type, payload);
        return body;
    }

    /**
     * developers.facebook.com/documentation/business-messaging/whatsapp/messages/image-messages: "type":
     * "image", "image": {"link": MEDIA_URL, "caption": ...}; video-messages and document-messages alike
     * (a document also takes "filename"); audio-messages have no caption.
     */
    @Test
    void whatsAppSendsEachMediaKindAsItsOwnMessageByLink() {
        whatsApp().send("+15550002222", PHOTO, "m-1");
        whatsApp().send("+15550002222", new Media(MediaKind.VIDEO, "https://cdn.example.com/unboxing.mp4", null), "m-2");
        whatsApp().send("+15550002222", new Media(MediaKind.FILE, "https://cdn.example.com/invoices/4711.pdf?sig=x",
                "Your invoice"), "m-3");

        Map<String, Object> request = PlatformRequests.recorded().get(0);
        assertEquals("/graph/v21.0/106540352242933/messages", request.get("path"));
        assertEquals("Bearer EAAG-token", PlatformRequests.header(request, "authorization"));
        assertEquals(List.of(
                whatsAppEnvelope("image", Map.of("link", PARCEL, "caption", "Your order 4711 has shipped")),
                whatsAppEnvelope("video", Map.of("link", "https://cdn.example.com/unboxing.mp4")),
                whatsAppEnvelope("document", Map.of("link", "https://cdn.example.com/invoices/4711.pdf?sig=x",
                        "caption", "Your invoice", "filename", "4711.pdf"))), bodies());
    }

    @Test
    void whatsAppAudioHasNoCaptionSoTheCaptionFollowsAsText() {
        whatsApp().send("+15550002222", new Media(MediaKind.AUDIO, "https://cdn.example.com/hello.ogg", "Listen"), "m-1");

        assertEquals(List.of(whatsAppEnvelope("audio", Map.of("link", "https://cdn.example.com/hello.ogg")),
                whatsAppEnvelope("text", Map.of("preview_url", false, "body", "Listen"))), bodies());
    }

    /**
     * developers.facebook.com/docs/whatsapp/cloud-api/guides/send-message-templates: "type": "template",
     * "template": {"name", "language": {"code"}, "components": [{"type": "header"|"body", "parameters":
     * [{"type": "text", "text"}]}, {"type": "button", "sub_type": "quick_reply", "index": "0",
     * "parameters": [{"type": "payload", "payload"}]}, {"type": "button", "sub_type": "url", "index": "1",
     * "parameters": [{"type": "text", "text"}]}]}.
     */
    @Test
    void whatsAppSendsATemplateWithItsHeaderBodyAndButtonParameters() {
        whatsApp().send("+15550002222", new Template("order_shipped", "en_US", List.of("4711"), List.of("Ada", "4711"),
                List.of(new Template.Button(0, "quick_reply", "TRACK-4711"), new Template.Button(1, "url", "4711"))), "m-1");

        assertEquals(List.of(whatsAppEnvelope("template", Map.of("name", "order_shipped",
                "language", Map.of("code", "en_US"),
                "components", List.of(
                        Map.of("type", "header", "parameters", List.of(Map.of("type", "text", "text", "4711"))),
                        Map.of("type", "body", "parameters", List.of(Map.of("type", "text", "text", "Ada"),
                                Map.of("type", "text", "text", "4711"))),
                        Map.of("type", "button", "sub_type", "quick_reply", "index", "0",
                                "parameters", List.of(Map.of("type", "payload", "payload", "TRACK-4711"))),
                        Map.of("type", "button", "sub_type", "url", "index", "1",
                                "parameters", List.of(Map.of("type", "text", "text", "4711"))))))), bodies());
    }

    @Test
    void aTemplateWithoutParametersHasNoComponentsAndOtherPlatformsRefuseTemplatesWithAReason() {
        whatsApp().send("+15550002222", new Template("hello_world", "en_US", null, null, null), "m-1");
        assertEquals(List.of(whatsAppEnvelope("template", Map.of("name", "hello_world",
                "language", Map.of("code", "en_US")))), bodies());

        OutboundSender.SendFailed refused = assertThrows(OutboundSender.SendFailed.class, () -> telegram().send("111",
                new Template("hello_world", "en_US", null, null, null), "m-2"));
        assertEquals("template_not_supported", refused.code());
        assertEquals(422, refused.status());
        assertEquals(1, PlatformRequests.recorded().size(), "Telegram was not called");
    }

    // --- Messenger / Instagram: POST /{version}/me/messages with the page access token

    MessengerSender messenger(boolean instagram) {
        return new MessengerSender(HTTP, JSON, base + "/graph", "v21.0", "EAAB-page-token", instagram);
    }

    /**
     * developers.facebook.com/docs/messenger-platform/send-messages/saving-assets: "message": {"attachment":
     * {"type": image|video|audio|file, "payload": {"url", "is_reusable": true}}}. An attachment carries no
     * text, so the caption follows in its own message.
     */
    @Test
    void messengerSendsMediaAsAnAttachmentByUrlAndTheCaptionAfterIt() {
        messenger(false).send("1254459154682919", PHOTO, "m-1");

        Map<String, Object> request = PlatformRequests.recorded().get(0);
        assertEquals("/graph/v21.0/me/messages", request.get("path"));
        assertEquals("Bearer EAAB-page-token", PlatformRequests.header(request, "authorization"));
        assertEquals(List.of(
                Map.of("recipient", Map.of("id", "1254459154682919"), "messaging_type", "RESPONSE",
                        "message", Map.of("metadata", "switchboard:m-1", "attachment", Map.of("type", "image",
                                "payload", Map.of("url", PARCEL, "is_reusable", true)))),
                Map.of("recipient", Map.of("id", "1254459154682919"), "messaging_type", "RESPONSE",
                        "message", Map.of("metadata", "switchboard:m-1#caption", "text", "Your order 4711 has shipped"))),
                bodies());
    }

    /**
     * developers.facebook.com/docs/messenger-platform/send-messages/message-tags: "messaging_type":
     * "MESSAGE_TAG", "tag": "POST_PURCHASE_UPDATE" beside the recipient and the message.
     */
    @Test
    void aTaggedMessengerMessageGoesAsAMessageTagSend() {
        messenger(false).send("1254459154682919", new Tagged("POST_PURCHASE_UPDATE", new Text("Your order shipped")), "m-1");

        assertEquals(List.of(Map.of("recipient", Map.of("id", "1254459154682919"), "messaging_type", "MESSAGE_TAG",
                "tag", "POST_PURCHASE_UPDATE", "message", Map.of("metadata", "switchboard:m-1",
                        "text", "Your order shipped"))), bodies());
    }

    /**
     * developers.facebook.com/documentation/business-messaging/instagram-messaging/features/send-message:
     * Instagram sends images, a video or an audio, not files; a file goes as its link.
     */
    @Test
    void instagramSendsAVideoAsAnAttachmentAndAFileAsItsLink() {
        messenger(true).send("17841400000000000", new Media(MediaKind.VIDEO, "https://cdn.example.com/unboxing.mp4",
                null), "m-1");
        messenger(true).send("17841400000000000", new Media(MediaKind.FILE, "https://cdn.example.com/terms.pdf",
                "Our terms"), "m-2");

        assertEquals(List.of(
                Map.of("recipient", Map.of("id", "17841400000000000"), "messaging_type", "RESPONSE",
                        "message", Map.of("attachment", Map.of("type", "video",
                                "payload", Map.of("url", "https://cdn.example.com/unboxing.mp4", "is_reusable", true)))),
                Map.of("recipient", Map.of("id", "17841400000000000"), "messaging_type", "RESPONSE",
                        "message", Map.of("text", "Our terms\nhttps://cdn.example.com/terms.pdf"))), bodies());
    }

    // --- Telegram Bot API: POST /bot{token}/{method}

    TelegramSender telegram() {
        return new TelegramSender(HTTP, JSON, base + "/telegram", "123456:ABC-DEF");
    }

    /**
     * core.telegram.org/bots/api#sendphoto (chat_id, photo: an HTTP URL Telegram downloads, caption),
     * #sendvideo (video), #sendaudio (audio), #senddocument (document).
     */
    @Test
    void telegramCallsTheBotApiMethodOfEachMediaKind() {
        telegram().send("111222333", PHOTO, "m-1");
        telegram().send("111222333", new Media(MediaKind.VIDEO, "https://cdn.example.com/unboxing.mp4", null), "m-2");
        telegram().send("111222333", new Media(MediaKind.AUDIO, "https://cdn.example.com/hello.mp3", "Listen"), "m-3");
        telegram().send("111222333", new Media(MediaKind.FILE, "https://cdn.example.com/terms.pdf", null), "m-4");

        assertEquals(List.of("/telegram/bot123456:ABC-DEF/sendPhoto", "/telegram/bot123456:ABC-DEF/sendVideo",
                "/telegram/bot123456:ABC-DEF/sendAudio", "/telegram/bot123456:ABC-DEF/sendDocument"),
                PlatformRequests.recorded().stream().map(r -> r.get("path")).toList());
        assertEquals(List.of(Map.of("chat_id", "111222333", "photo", PARCEL, "caption", "Your order 4711 has shipped"),
                Map.of("chat_id", "111222333", "video", "https://cdn.example.com/unboxing.mp4"),
                Map.of("chat_id", "111222333", "audio", "https://cdn.example.com/hello.mp3", "caption", "Listen"),
                Map.of("chat_id", "111222333", "document", "https://cdn.example.com/terms.pdf")), bodies());
    }

    // --- LINE Messaging API: POST /v2/bot/message/push with the channel access token

    LineSender line() {
        return new LineSender(HTTP, JSON, base + "/line", "line-channel-token");
    }

    /**
     * developers.line.biz/en/reference/messaging-api/#image-message (originalContentUrl, previewImageUrl),
     * #video-message (previewImageUrl required), #audio-message (duration in milliseconds required); a push
     * carries up to 5 messages, so the caption rides in the same request.
     */
    @Test
    void lineSendsImageVideoAndAudioMessagesWithTheCaptionInTheSamePush() {
        line().send("U4af4980629", PHOTO, "m-1");
        line().send("U4af4980629", new Media(MediaKind.VIDEO, "https://cdn.example.com/unboxing.mp4", null, null, null,
                null, "https://cdn.example.com/unboxing.jpg"), "m-2");
        line().send("U4af4980629", new Media(MediaKind.AUDIO, "https://cdn.example.com/hello.m4a", null, null, null, 61,
                null), "m-3");

        Map<String, Object> request = PlatformRequests.recorded().get(0);
        assertEquals("/line/v2/bot/message/push", request.get("path"));
        assertEquals("Bearer line-channel-token", PlatformRequests.header(request, "authorization"));
        assertEquals(LineSender.retryKey("m-1"), PlatformRequests.header(request, "x-line-retry-key"));
        assertEquals(List.of(
                Map.of("to", "U4af4980629", "messages", List.of(
                        Map.of("type", "image", "originalContentUrl", PARCEL, "previewImageUrl", PARCEL),
                        Map.of("type", "text", "text", "Your order 4711 has shipped"))),
                Map.of("to", "U4af4980629", "messages", List.of(Map.of("type", "video",
                        "originalContentUrl", "https://cdn.example.com/unboxing.mp4",
                        "previewImageUrl", "https://cdn.example.com/unboxing.jpg"))),
                Map.of("to", "U4af4980629", "messages", List.of(Map.of("type", "audio",
                        "originalContentUrl", "https://cdn.example.com/hello.m4a", "duration", 61000)))), bodies());
    }

    @Test
    void lineHasNoFileMessageAndAVideoWithoutPreviewGoesAsItsLinkToo() {
        line().send("U4af4980629", new Media(MediaKind.FILE, "https://cdn.example.com/terms.pdf", "Our terms"), "m-1");
        line().send("U4af4980629", new Media(MediaKind.VIDEO, "https://cdn.example.com/unboxing.mp4", null), "m-2");

        assertEquals(List.of(
                Map.of("to", "U4af4980629", "messages", List.of(Map.of("type", "text",
                        "text", "Our terms\nhttps://cdn.example.com/terms.pdf"))),
                Map.of("to", "U4af4980629", "messages", List.of(Map.of("type", "text",
                        "text", "https://cdn.example.com/unboxing.mp4")))), bodies());
    }

    // --- Viber REST bot API: POST /pa/send_message with X-Viber-Auth-Token

    ViberSender viber() {
        return new ViberSender(HTTP, JSON, base + "/viber", "viber-auth-token", "Acme");
    }

    static Map<String, Object> viberMessage(String type, Map<String, Object> fields) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("receiver", "01234567890A=", "min_api_version", 1,
                "sender", Map.of("name", "Acme"), "tracking_data", "m-1", "type", type));
        body.putAll(fields);
        return body;
    }

    /**
     * developers.viber.com/docs/api/rest-bot-api/#picture-message (text, media), #video-message (media,
     * size required, duration), #file-message (media, size and file_name required).
     */
    @Test
    void viberSendsPictureVideoAndFileMessages() {
        viber().send("01234567890A=", PHOTO, "m-1");
        viber().send("01234567890A=", new Media(MediaKind.VIDEO, "https://cdn.example.com/unboxing.mp4", null, null,
                10_485_760L, 42, null), "m-1");
        viber().send("01234567890A=", new Media(MediaKind.FILE, "https://cdn.example.com/terms.pdf", null, "Terms.pdf",
                52_000L, null, null), "m-1");

        Map<String, Object> request = PlatformRequests.recorded().get(0);
        assertEquals("/viber/pa/send_message", request.get("path"));
        assertEquals("viber-auth-token", PlatformRequests.header(request, "x-viber-auth-token"));
        assertEquals(List.of(
                viberMessage("picture", Map.of("text", "Your order 4711 has shipped", "media", PARCEL)),
                viberMessage("video", Map.of("media", "https://cdn.example.com/unboxing.mp4", "size", 10485760,
                        "duration", 42)),
                viberMessage("file", Map.of("media", "https://cdn.example.com/terms.pdf", "size", 52000,
                        "file_name", "Terms.pdf"))), bodies());
    }

    @Test
    void viberWithoutTheSizeItRequiresSendsTheCaptionAndLinkAsText() {
        viber().send("01234567890A=", new Media(MediaKind.AUDIO, "https://cdn.example.com/hello.mp3", "Listen"), "m-1");

        assertEquals(List.of(viberMessage("text", Map.of("text", "Listen\nhttps://cdn.example.com/hello.mp3"))), bodies());
    }

    // --- Twilio Programmable Messaging: POST /2010-04-01/Accounts/{sid}/Messages.json, basic auth, a form

    /**
     * twilio.com/docs/messaging/api/message-resource#create-a-message-resource: MediaUrl, the URL of the media
     * to send (MMS), with Body as its text.
     */
    @Test
    void twilioSendsMediaAsAnMmsWithMediaUrl() {
        new TwilioSender(HTTP, JSON, base + "/twilio", "AC" + "0".repeat(32), "twilio-token", "+15017122661")
                .send("+15550002222", PHOTO, "m-1");

        Map<String, Object> request = PlatformRequests.only();
        assertEquals("/twilio/2010-04-01/Accounts/AC" + "0".repeat(32) + "/Messages.json", request.get("path"));
        assertEquals("application/x-www-form-urlencoded", PlatformRequests.header(request, "content-type"));
        assertEquals("To=+15550002222&From=+15017122661&Body=Your order 4711 has shipped&MediaUrl=" + PARCEL,
                URLDecoder.decode((String) request.get("body"), StandardCharsets.UTF_8));
    }

    @Test
    void aTextStaysATextOnEveryPlatform() {
        OutgoingContent hello = new Text("Hello Ada");
        telegram().send("111222333", hello, "m-1");
        line().send("U4af4980629", hello, "m-2");
        assertEquals(List.of(Map.of("chat_id", "111222333", "text", "Hello Ada"),
                Map.of("to", "U4af4980629", "messages", List.of(Map.of("type", "text", "text", "Hello Ada")))), bodies());
    }
}
