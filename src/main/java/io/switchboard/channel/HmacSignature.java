package io.switchboard.channel;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 over a raw request body, compared in constant time. */
public final class HmacSignature {

    private HmacSignature() {
    }

    public static byte[] sha256(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sha256Hex(String secret, byte[] body) {
        return HexFormat.of().formatHex(sha256(secret, body));
    }

    /** True when {@code hex} is the lower- or upper-case hex HMAC of {@code body}. */
    public static boolean matchesHex(String secret, byte[] body, String hex) {
        byte[] given;
        try {
            given = HexFormat.of().parseHex(hex.toLowerCase());
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        return MessageDigest.isEqual(sha256(secret, body), given);
    }
}
