package io.switchboard.channel.twilio;

import io.switchboard.channel.WebhookRejected;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** An {@code application/x-www-form-urlencoded} body as ordered name/value pairs. */
record TwilioForm(List<Map.Entry<String, String>> params) {

    static TwilioForm parse(byte[] body) {
        List<Map.Entry<String, String>> params = new ArrayList<>();
        String text = new String(body, StandardCharsets.UTF_8);
        if (!text.isEmpty()) {
            for (String pair : text.split("&")) {
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                try {
                    params.add(Map.entry(URLDecoder.decode(name, StandardCharsets.UTF_8),
                            URLDecoder.decode(value, StandardCharsets.UTF_8)));
                } catch (IllegalArgumentException badEscape) {
                    throw new WebhookRejected(400, "the form body is not URL-encoded: " + badEscape.getMessage());
                }
            }
        }
        return new TwilioForm(params);
    }

    String get(String name) {
        return params.stream().filter(p -> p.getKey().equals(name)).map(Map.Entry::getValue).findFirst().orElse(null);
    }

    /** Twilio's signed string: the URL, then every parameter sorted by name, each name then value. */
    String signedString(String url) {
        StringBuilder s = new StringBuilder(url);
        params.stream().sorted(Map.Entry.<String, String>comparingByKey().thenComparing(Map.Entry.comparingByValue(
                Comparator.naturalOrder()))).forEach(p -> s.append(p.getKey()).append(p.getValue()));
        return s.toString();
    }
}
