package io.switchboard.channel;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The kinds of channel a workspace can connect, each with the settings it needs. Secret settings are
 * stored encrypted and never shown again in full.
 */
public enum ChannelType {
    WHATSAPP(required("phoneNumberId", "[0-9]{1,32}", "the phone number id from WhatsApp Manager (digits)"),
            secret("accessToken"), secret("appSecret"), secret("verifyToken"),
            optional("apiVersion", "v[0-9]+\\.[0-9]+", "a Graph API version such as v21.0")),
    MESSENGER(required("pageId", "[0-9]{1,32}", "the Facebook page id (digits)"), secret("pageAccessToken"),
            secret("appSecret"), secret("verifyToken"),
            optional("appId", "[0-9]{1,32}", "the Meta app id (digits)"),
            optional("apiVersion", "v[0-9]+\\.[0-9]+", "a Graph API version such as v21.0")),
    INSTAGRAM(required("accountId", "[0-9]{1,32}", "the Instagram professional account id (digits)"),
            secret("pageAccessToken"), secret("appSecret"), secret("verifyToken"),
            optional("appId", "[0-9]{1,32}", "the Meta app id (digits)"),
            optional("apiVersion", "v[0-9]+\\.[0-9]+", "a Graph API version such as v21.0")),
    TELEGRAM(secret("botToken", "[0-9]+:[A-Za-z0-9_-]+", "the token BotFather gave, such as 123456:ABC-DEF..."),
            secret("secretToken", "[A-Za-z0-9_-]{1,256}",
                    "1-256 letters, digits, '_' or '-' (Telegram's rule for setWebhook's secret_token)")),
    LINE(secret("channelSecret"), secret("channelAccessToken")),
    VIBER(secret("authToken"), required("senderName", ".{1,28}", "the name shown as sender, at most 28 characters")),
    TWILIO(required("accountSid", "AC[0-9a-fA-F]{32}", "the account SID, AC followed by 32 hex digits"),
            secret("authToken"),
            required("phoneNumber", "\\+[1-9][0-9]{6,14}", "the Twilio number in E.164 form, such as +15017122661"),
            optional("publicUrl", "https?://[^\\s?#]+[^/\\s?#]",
                    "the public base URL Twilio calls, such as https://switchboard.example.com (no trailing '/')")),
    CUSTOM();

    /** One setting: its name under {@code settings}, whether it is a credential, and what it must look like. */
    public record Setting(String name, boolean secret, boolean required, Pattern pattern, String description) {
    }

    private final List<Setting> settings;

    ChannelType(Setting... settings) {
        this.settings = List.of(settings);
    }

    public List<Setting> settings() {
        return settings;
    }

    public String wireName() {
        return name().toLowerCase();
    }

    public static Optional<ChannelType> of(String wireName) {
        return Arrays.stream(values()).filter(t -> t.wireName().equals(wireName)).findFirst();
    }

    public static String wireNames() {
        return String.join(" | ", Arrays.stream(values()).map(ChannelType::wireName).toList());
    }

    private static Setting required(String name, String pattern, String description) {
        return new Setting(name, false, true, Pattern.compile(pattern), description);
    }

    private static Setting optional(String name, String pattern, String description) {
        return new Setting(name, false, false, Pattern.compile(pattern), description);
    }

    private static Setting secret(String name) {
        return new Setting(name, true, true, Pattern.compile("\\S{1,4096}"), "a non-empty string without spaces");
    }

    private static Setting secret(String name, String pattern, String description) {
        return new Setting(name, true, true, Pattern.compile(pattern), description);
    }
}
