package io.switchboard.outbound.sheets;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.auth.oauth2.ServiceAccountCredentials;
import io.switchboard.document.Problem;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A Google service-account key, the JSON file Google Cloud downloads for a service account: checked
 * field by field when a workspace configures it, so that a wrong file is refused with what is wrong
 * and where. The private key never appears in a problem, a log line or a response.
 */
public record ServiceAccountKey(String clientEmail, String privateKey, String privateKeyId, String clientId,
        URI tokenUri) {

    /** Google's token endpoint, for keys that name none. */
    public static final URI GOOGLE_TOKEN_URI = URI.create("https://oauth2.googleapis.com/token");
    /** Appending rows needs no more than this. */
    public static final List<String> SCOPES = List.of("https://www.googleapis.com/auth/spreadsheets");

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /** A key that cannot be used, with every problem found and its JSON path under {@code path}. */
    public static final class Invalid extends RuntimeException {
        private final List<Problem> problems;

        Invalid(List<Problem> problems) {
            super(problems.get(0).path() + ": " + problems.get(0).message());
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() {
            return problems;
        }
    }

    public static ServiceAccountKey parse(JsonNode key, String path) {
        List<Problem> problems = new ArrayList<>();
        if (key == null || !key.isObject()) {
            throw new Invalid(List.of(new Problem(path, "required: the service account's JSON key, as downloaded "
                    + "from Google Cloud (IAM > Service accounts > Keys > Add key > JSON)")));
        }
        String type = text(key, "type");
        if (!"service_account".equals(type)) {
            problems.add(new Problem(path + ".type", type == null
                    ? "required: \"service_account\"; this is not a service-account key"
                    : "must be \"service_account\", not \"" + type + "\": create a key for a service account, not "
                    + "OAuth client or user credentials"));
        }
        String email = text(key, "client_email");
        if (email == null || !EMAIL.matcher(email).matches()) {
            problems.add(new Problem(path + ".client_email", "required: the service account's email address"));
        }
        String privateKey = text(key, "private_key");
        if (privateKey == null) {
            problems.add(new Problem(path + ".private_key", "required: the PEM private key of the service account"));
        } else if (!privateKey.contains("-----BEGIN PRIVATE KEY-----")) {
            problems.add(new Problem(path + ".private_key", "must be a PEM PKCS#8 private key "
                    + "(-----BEGIN PRIVATE KEY----- ...), as in the downloaded JSON file"));
        }
        URI tokenUri = GOOGLE_TOKEN_URI;
        String tokenText = text(key, "token_uri");
        if (tokenText != null) {
            try {
                tokenUri = URI.create(tokenText);
                if (!("https".equals(tokenUri.getScheme()) || "http".equals(tokenUri.getScheme())) || tokenUri.getHost() == null) {
                    throw new IllegalArgumentException();
                }
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(path + ".token_uri", "must be the URL of Google's token endpoint, such as "
                        + GOOGLE_TOKEN_URI));
            }
        }
        ServiceAccountKey parsed = new ServiceAccountKey(email, privateKey, text(key, "private_key_id"),
                text(key, "client_id"), tokenUri);
        if (problems.isEmpty()) {
            try {
                parsed.credentials();
            } catch (IOException | RuntimeException unreadable) {
                problems.add(new Problem(path + ".private_key", "is not a readable RSA private key"));
            }
        }
        if (!problems.isEmpty()) {
            throw new Invalid(problems);
        }
        return parsed;
    }

    /**
     * Google's credentials for this key, scoped to Sheets: they sign the JWT bearer assertion (RS256),
     * exchange it at {@code token_uri} and keep the access token until shortly before it expires.
     */
    public ServiceAccountCredentials credentials() throws IOException {
        return ServiceAccountCredentials.fromPkcs8(clientId, clientEmail, privateKey, privateKeyId, SCOPES, null,
                tokenUri);
    }

    /** Never the private key. */
    @Override
    public String toString() {
        return "ServiceAccountKey[" + clientEmail + "]";
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || !v.isTextual() || v.asText().isBlank() ? null : v.asText();
    }
}
