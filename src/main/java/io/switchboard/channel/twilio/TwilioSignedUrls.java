package io.switchboard.channel.twilio;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The forms of one URL a Twilio signature may cover. Twilio's own request validators (twilio-python's
 * {@code RequestValidator.validate}, twilio-java's and twilio-node's alike) accept a signature over the
 * URL with its port and over the URL without it, "since signature generation on the back end is
 * inconsistent": {@code https://host/path} may be signed as {@code https://host:443/path}, and
 * {@code https://host:8443/path} as {@code https://host/path}.
 */
final class TwilioSignedUrls {

    private TwilioSignedUrls() {
    }

    static Set<String> of(String url) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(url);
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException unparsable) {
            return forms;
        }
        String scheme = uri.getScheme();
        String host = uri.getRawAuthority() == null ? null : uri.getHost();
        if (scheme == null || host == null) {
            return forms;
        }
        String userInfo = uri.getRawUserInfo() == null ? "" : uri.getRawUserInfo() + "@";
        String rest = (uri.getRawPath() == null ? "" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(scheme) ? 443 : 80;
        forms.add(scheme + "://" + userInfo + host + ":" + port + rest);
        forms.add(scheme + "://" + userInfo + host + rest);
        return forms;
    }
}
