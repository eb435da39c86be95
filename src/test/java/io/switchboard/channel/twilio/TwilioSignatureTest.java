package io.switchboard.channel.twilio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.switchboard.channel.ChannelEvent;
import io.switchboard.channel.PlatformWebhook.Delivery;
import io.switchboard.channel.WebhookRejected;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Twilio's documented signature example ("Validating Signatures from Twilio": auth token 12345, the URL
 * https://mycompany.com/myapp.php?foo=1&bar=2 and five parameters sign to 0/KCTR6DLpKmkAf8muzZqo1nDgQ=),
 * checked as Twilio's own request validators check it: with and without the port.
 */
class TwilioSignatureTest {

    static final String DOCUMENTED_SIGNATURE = "0/KCTR6DLpKmkAf8muzZqo1nDgQ=";
    static final Map<String, String> PARAMS = new LinkedHashMap<>(Map.of("CallSid", "CA1234567890ABCDE",
            "Caller", "+12349013030", "Digits", "1234", "From", "+12349013030", "To", "+18005551212"));

    final TwilioWebhook webhook = new TwilioWebhook("12345", null);

    ChannelEvent receive(String url, String signature) {
        String form = PARAMS.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return webhook.receive(new Delivery("ch", url, Map.of("x-twilio-signature", signature),
                form.getBytes(StandardCharsets.UTF_8), Instant.EPOCH)).get(0);
    }

    @Test
    void theDocumentedExampleIsAcceptedOverTheUrlAsSigned() {
        // no MessageSid: a voice request, acknowledged and ignored, but only once its signature matched
        assertInstanceOf(ChannelEvent.Ignored.class, receive("https://mycompany.com/myapp.php?foo=1&bar=2",
                DOCUMENTED_SIGNATURE));
    }

    @Test
    void theDocumentedExampleIsAcceptedWhenTheUrlCarriesTheDefaultPort() {
        assertInstanceOf(ChannelEvent.Ignored.class, receive("https://mycompany.com:443/myapp.php?foo=1&bar=2",
                DOCUMENTED_SIGNATURE));
    }

    @Test
    void aUrlWithAnotherPortIsAcceptedWhenTwilioSignedItWithoutThePort() {
        assertInstanceOf(ChannelEvent.Ignored.class, receive("https://mycompany.com:8443/myapp.php?foo=1&bar=2",
                DOCUMENTED_SIGNATURE));
    }

    @Test
    void theSignatureOfAnotherHostOrSchemeIsRefused() {
        assertThrows(WebhookRejected.class, () -> receive("https://othercompany.com/myapp.php?foo=1&bar=2",
                DOCUMENTED_SIGNATURE));
        assertThrows(WebhookRejected.class, () -> receive("http://mycompany.com:443/myapp.php?foo=1&bar=2",
                DOCUMENTED_SIGNATURE));
    }

    @Test
    void theFormsOfAUrlAreAsSignedWithAndWithoutItsPort() {
        assertEquals(java.util.List.of("https://h.example/p?q=1", "https://h.example:443/p?q=1"),
                java.util.List.copyOf(TwilioSignedUrls.of("https://h.example/p?q=1")));
        assertEquals(java.util.List.of("http://h.example:8080/p", "http://h.example/p"),
                java.util.List.copyOf(TwilioSignedUrls.of("http://h.example:8080/p")));
    }
}
