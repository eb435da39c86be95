package io.switchboard.channel;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC over a raw request body (SHA-256; SHA-1 for Twilio), compared in constant time. */
public final class HmacSignature {

    private HmacSignature() {
    }

    public static byte[] sha256(String secret, byte[] body) {
        return hmac("HmacSHA256", secret, body);
    }

    public static byte[] sha1(String secret, byte[] body) {
        return hmac("HmacSHA1", secret, body);
    }

    private static byte[] hmac(String algorithm, String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True when {@code base64} is the base64 of {@code expected}. */
    public static boolean matchesBase64(byte[] expected, String base64) {
        byte[] given;
        try {
            given = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        return MessageDigest.isEqual(expected, given);
    }

    /** Constant-time comparison of two shared secrets, e.g. a secret token sent in a header. */
    public static boolean sameSecret(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
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
