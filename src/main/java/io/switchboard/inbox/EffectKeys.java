package io.switchboard.inbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Effect keys as a contact stores them. A step's key is its run's id, {@code #}, the step's sequence: 38
 * characters, of which the contact item keeps several (the last assignment's, the recent ones, the wake-up
 * mark), each written again with every change and billed by the byte. Stored, the run's part is the first
 * 72 bits of its SHA-256 in 12 base64url characters, the sequence kept as it is (a wake-up mark is read back
 * for it), so a step's key is 14 characters. A contact holds a few dozen keys at most, and two keys of it
 * would have to share those 72 bits to be taken for each other.
 *
 * <p>Keys stored before this form were the keys themselves: {@link #same} accepts both, so a step repeated
 * across the upgrade is still recognised.
 */
public final class EffectKeys {

    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

    private EffectKeys() {
    }

    /** The stored form of {@code key}. */
    public static String stored(String key) {
        int hash = key.lastIndexOf('#');
        if (hash > 0 && isSequence(key, hash + 1)) {
            return digest(key.substring(0, hash)) + key.substring(hash);
        }
        return digest(key);
    }

    /**
     * {@code key} in its stored form, whether given as the key itself or already stored: a key that is 12
     * base64url characters, then {@code #} and a sequence or nothing, is taken as stored. A key itself of that
     * shape would not be recognised as its run's (run ids are UUIDs, never 12 characters), which costs only what
     * a key not recognised costs: the step is decided again.
     */
    public static String canonical(String key) {
        return STORED.matcher(key).matches() ? key : stored(key);
    }

    private static final java.util.regex.Pattern STORED = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{12}(#[0-9]+)?");

    /** The stored form of the part of run {@code runId}'s step keys before their sequence. */
    public static String storedRun(String runId) {
        return digest(runId);
    }

    /** True when {@code stored}, as a contact holds it, is {@code key}: in the stored form or as stored before it. */
    public static boolean same(String stored, String key) {
        return stored != null && (stored.equals(key) || stored.equals(stored(key)));
    }

    private static boolean isSequence(String key, int from) {
        if (from >= key.length()) {
            return false;
        }
        for (int i = from; i < key.length(); i++) {
            if (!Character.isDigit(key.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static String digest(String text) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return BASE64.encodeToString(java.util.Arrays.copyOf(sha, 9));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
