package io.switchboard.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.Signature;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local server speaking Google's OAuth 2.0 token endpoint (the JWT bearer grant of service accounts)
 * and the Sheets API v4 append call, as documented. The token endpoint checks the assertion as Google
 * does: grant type, RS256 signature against the service account's public key, issuer, scope, audience.
 *
 * <p>One server per test JVM (see {@link LocalServers}); the application reads its address from
 * configuration, and a test installs its {@link Api} into it.
 */
public class FakeGoogle implements QuarkusTestResourceLifecycleManager {

    private static final String SERVER = "google";
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final String SCOPE = "https://www.googleapis.com/auth/spreadsheets";

    public static String baseUrl() {
        return LocalServers.baseUrl(SERVER);
    }

    @Override
    public Map<String, String> start() {
        return Map.of("switchboard.google-sheets.base-url", baseUrl());
    }

    @Override
    public void stop() {
        // kept for the whole test JVM, like DynamoDB Local
    }

    /** An append as it arrived: raw path, raw query, Authorization header, body. */
    public record Append(String rawPath, String query, String authorization, JsonNode body) {
    }

    /** What Google answers; tests queue other answers with {@link #answerNextAppend}. */
    public static final class Api {
        private final PublicKey serviceAccountKey;
        private final String clientEmail;
        public final List<String> tokensIssued = new CopyOnWriteArrayList<>();
        public final List<String> refusedAssertions = new CopyOnWriteArrayList<>();
        public final List<Append> appends = new CopyOnWriteArrayList<>();
        private final Deque<Map.Entry<Integer, String>> queued = new ArrayDeque<>();
        private int rows = 1;

        public Api(PublicKey serviceAccountKey, String clientEmail) {
            this.serviceAccountKey = serviceAccountKey;
            this.clientEmail = clientEmail;
        }

        /** Serves Google at the shared server's address from now on. */
        public Api install() {
            LocalServers.route(SERVER, "/token", this::token);
            LocalServers.route(SERVER, "/v4/", this::append);
            return this;
        }

        public synchronized void answerNextAppend(int status, String body) {
            queued.add(Map.entry(status, body));
        }

        private void token(HttpExchange ex) throws IOException {
            Map<String, String> form = form(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String refused = refusal(form);
            if (refused != null) {
                refusedAssertions.add(refused);
                answer(ex, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"" + refused + "\"}");
                return;
            }
            String token = "ya29.test-" + (tokensIssued.size() + 1);
            tokensIssued.add(token);
            answer(ex, 200, "{\"access_token\":\"" + token + "\",\"expires_in\":3599,\"token_type\":\"Bearer\"}");
        }

        /** Why Google would refuse this grant, or null. */
        private String refusal(Map<String, String> form) {
            if (!"urn:ietf:params:oauth:grant-type:jwt-bearer".equals(form.get("grant_type"))) {
                return "grant_type " + form.get("grant_type");
            }
            String[] jwt = form.getOrDefault("assertion", "").split("\\.");
            if (jwt.length != 3) {
                return "assertion is not a JWT";
            }
            try {
                JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(jwt[0]));
                JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(jwt[1]));
                Signature rs256 = Signature.getInstance("SHA256withRSA");
                rs256.initVerify(serviceAccountKey);
                rs256.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
                if (!"RS256".equals(header.path("alg").asText()) || !rs256.verify(Base64.getUrlDecoder().decode(jwt[2]))) {
                    return "Invalid JWT Signature.";
                }
                long now = System.currentTimeMillis() / 1000;
                if (!clientEmail.equals(claims.path("iss").asText())
                        || !SCOPE.equals(claims.path("scope").asText())
                        // Google's documented audience, whatever address the assertion is posted to
                        || !"https://oauth2.googleapis.com/token".equals(claims.path("aud").asText())
                        || claims.path("exp").asLong() <= now || claims.path("iat").asLong() > now + 60) {
                    return "Invalid JWT claims: " + claims;
                }
                return null;
            } catch (Exception e) {
                return "unreadable assertion: " + e;
            }
        }

        private void append(HttpExchange ex) throws IOException {
            String authorization = ex.getRequestHeaders().getFirst("Authorization");
            JsonNode body = JSON.readTree(ex.getRequestBody().readAllBytes());
            if (!"POST".equals(ex.getRequestMethod()) || authorization == null
                    || !tokensIssued.contains(authorization.replaceFirst("^Bearer ", ""))) {
                answer(ex, 401, "{\"error\":{\"code\":401,\"message\":\"Request had invalid authentication "
                        + "credentials.\",\"status\":\"UNAUTHENTICATED\"}}");
                return;
            }
            Map.Entry<Integer, String> next;
            synchronized (this) {
                next = queued.poll();
            }
            if (next != null) {
                answer(ex, next.getKey(), next.getValue());
                return;
            }
            String rawPath = ex.getRequestURI().getRawPath();
            appends.add(new Append(rawPath, ex.getRequestURI().getRawQuery(), authorization, body));
            String range = URLDecoder.decode(rawPath.replaceAll("^.*/values/|:append$", ""), StandardCharsets.UTF_8);
            int row;
            synchronized (this) {
                row = ++rows;
            }
            int columns = body.path("values").path(0).size();
            String updated = range + "!A" + row + ":" + (char) ('A' + columns - 1) + row;
            answer(ex, 200, "{\"spreadsheetId\":\"" + rawPath.split("/")[3] + "\",\"tableRange\":\"" + range
                    + "!A1:D1\",\"updates\":{\"updatedRange\":" + JSON.writeValueAsString(updated) + ",\"updatedRows\":1,"
                    + "\"updatedColumns\":" + columns + ",\"updatedCells\":" + columns + "}}");
        }

        private static Map<String, String> form(String body) {
            Map<String, String> out = new HashMap<>();
            for (String pair : body.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
            return out;
        }

        private static void answer(HttpExchange ex, int status, String body) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
            ex.sendResponseHeaders(status, bytes.length);
            ex.getResponseBody().write(bytes);
            ex.close();
        }
    }
}
