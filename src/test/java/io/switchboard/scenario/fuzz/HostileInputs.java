package io.switchboard.scenario.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.support.PlatformChannel;
import io.switchboard.support.Workflows;
import io.switchboard.support.Workspace;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The inputs of the fuzz test, each a request as a sender would make it: every channel's webhook
 * (bodies, headers, signatures, content types, sizes), the workspace API, workflow documents
 * (mutations of the valid ones), the wake-up and sweep functions and the HTTP layer's own limits. Each
 * carries a marker (in a text, name or id) that must never be found in the table when the request
 * was refused.
 */
final class HostileInputs {

    record Input(String kind, String method, String path, Map<String, String> headers, byte[] body, String marker) {
        String describe() {
            String text = new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
            return kind + " " + method + " " + (path.length() > 120 ? path.substring(0, 120) + "..." : path)
                    + " (" + body.length + " bytes) " + text;
        }
    }

    /** The channels the fuzz workspace connected, with their secrets. */
    record Channels(Workspace ws, String customId, Map<String, String> platformIds) {
    }

    static final String PHONE_NUMBER_ID = "106540352242922";
    static final String PAGE_ID = "101010101010101";
    static final String APP_SECRET = "fuzz-app-secret";
    static final String TELEGRAM_SECRET = "fuzz-telegram-secret";
    static final String LINE_SECRET = "fuzz-line-secret";
    static final String VIBER_TOKEN = "fuzz-viber-token";
    static final String TWILIO_TOKEN = "fuzz-twilio-token";
    static final String TWILIO_ACCOUNT = "AC00000000000000000000000000000000";

    private static final List<String> FIXTURES = List.of("whatsapp/text-message.json", "whatsapp/button-reply.json",
            "whatsapp/location-message.json", "whatsapp/media-location-contacts-unknown.json", "whatsapp/status.json",
            "whatsapp/smb-message-echo.json", "messenger/text-message.json", "messenger/attachments-delivery-read.json",
            "messenger/echo.json", "telegram/text-message.json", "telegram/photo-message.json",
            "telegram/edited-message.json", "line/text-message.json", "line/other-events.json",
            "viber/message.json", "viber/delivered.json", "viber/webhook.json");
    private static final List<String> WORKFLOWS = List.of("add-google-sheets-row.json", "ai-agent.json",
            "ask-question.json", "http-request.json", "inbox-steps.json", "incoming-webhook.json",
            "nested-conditions.json", "prompt-transfer.json", "queue-with-timeout.json", "send-message.json",
            "shortcut.json");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z_]+)}");

    private final Mutations m;
    private final Channels channels;
    private final String runTag;
    private int counter;

    HostileInputs(Mutations m, Channels channels, String runTag) {
        this.m = m;
        this.channels = channels;
        this.runTag = runTag;
    }

    /** A marker no other request of this run contains: "fz<run tag><n>q". */
    private String marker() {
        return "fz" + runTag + (counter++) + "q";
    }

    static Pattern markerPattern(String runTag) {
        return Pattern.compile("fz" + runTag + "\\d+q");
    }

    Input next() {
        int roll = m.nextInt(100);
        if (roll < 24) {
            return customWebhook();
        } else if (roll < 50) {
            return platformWebhook();
        } else if (roll < 74) {
            return workspaceApi();
        } else if (roll < 88) {
            return workflowDocument();
        } else if (roll < 94) {
            return internalFunction();
        }
        return httpLayer();
    }

    private Input customWebhook() {
        String marker = marker();
        ObjectNode root = (ObjectNode) Mutations.read(Workspace.customMessage(contactId(marker), "Ann " + marker,
                "m-" + marker, "hello " + marker));
        if (m.chance(0.25)) {
            ((ObjectNode) root.get("message")).put("time", m.pick(List.of("+999999999-12-31T23:59:59Z",
                    "-999999999-01-01T00:00:00Z", "1969-12-31T23:59:59Z", "2026-13-01T00:00:00Z", "9999-12-31T23:59:59Z")));
        }
        if (m.chance(0.1)) {
            ((ObjectNode) root.get("message")).put("text", marker + Mutations.repeat("long message ", 40_000 + m.nextInt(40_000)));
        }
        if (m.chance(0.08)) {
            ((ObjectNode) root.get("contact")).put("name", marker + Mutations.repeat("N", 450_000));
        }
        JsonNode doc = m.chance(0.5) ? m.mutate(root) : root;
        byte[] body = m.chance(0.08) ? m.brokenBytes(m.write(doc)) : m.write(doc).getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", m.pick(List.of("application/json", "application/json", "text/plain",
                "application/x-www-form-urlencoded", "application/json; charset=latin1")));
        if (!m.chance(0.05)) {
            headers.put("x-switchboard-signature", m.chance(0.9)
                    ? "sha256=" + PlatformChannel.hexSha256(channelSecret(), new String(body, StandardCharsets.UTF_8))
                    : m.pick(List.of("sha256=", "sha256=00", "md5=abc", m.hostileString())));
        }
        String id = m.chance(0.05) ? m.hostileString() : channels.customId();
        return new Input("custom-webhook", "POST", "/webhooks/custom/" + encode(id), headers, body, marker);
    }

    private String channelSecret() {
        return CUSTOM_SECRET[0];
    }

    /** Set by the test once the custom channel is connected. */
    static final String[] CUSTOM_SECRET = new String[1];

    private String contactId(String marker) {
        return switch (m.nextInt(10)) {
            case 0 -> Mutations.repeat("c", 5000) + marker;
            case 1 -> "+1555" + marker;
            default -> "c" + marker;
        };
    }

    private Input platformWebhook() {
        String marker = marker();
        String fixture = m.pick(FIXTURES);
        String platform = fixture.substring(0, fixture.indexOf('/'));
        if (m.chance(0.15)) {
            return twilio(marker);
        }
        String text = fixture(fixture, marker);
        JsonNode doc = Mutations.read(text);
        String body = m.chance(0.6) ? m.write(m.mutate(doc)) : text;
        byte[] bytes = m.chance(0.05) ? m.brokenBytes(body) : body.getBytes(StandardCharsets.UTF_8);
        String signed = new String(bytes, StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", m.chance(0.9) ? "application/json" : "text/plain");
        boolean sign = m.chance(0.88);
        switch (platform) {
            case "whatsapp", "messenger" -> headers.put("x-hub-signature-256",
                    sign ? PlatformChannel.metaSignature(APP_SECRET, signed) : m.hostileString());
            case "telegram" -> headers.put("x-telegram-bot-api-secret-token", sign ? TELEGRAM_SECRET : m.hostileString());
            case "line" -> headers.put("x-line-signature",
                    sign ? PlatformChannel.base64Sha256(LINE_SECRET, signed) : m.hostileString());
            default -> headers.put("x-viber-content-signature",
                    sign ? PlatformChannel.hexSha256(VIBER_TOKEN, signed) : m.hostileString());
        }
        if (!sign && m.chance(0.3)) {
            headers.clear();
        }
        return new Input(platform + "-webhook", "POST", "/webhooks/" + platform + "/"
                + channels.platformIds().get(platform), headers, bytes, marker);
    }

    private Input twilio(String marker) {
        Map<String, String> params = new TreeMap<>(Map.of("MessageSid", "SM" + marker, "AccountSid", TWILIO_ACCOUNT,
                "From", "+1555" + m.nextInt(100000), "To", "+15550001111", "Body", "hi " + marker, "NumMedia", "0"));
        if (m.chance(0.5)) {
            String key = m.pick(new ArrayList<>(params.keySet()));
            if (m.chance(0.3)) {
                params.remove(key);
            } else {
                params.put(key, m.hostileString());
            }
        }
        if (m.chance(0.2)) {
            params.put("NumMedia", "3");
            params.put("MediaUrl0", m.hostileString());
            params.put("MediaContentType0", m.hostileString());
        }
        String path = "/webhooks/twilio/" + channels.platformIds().get("twilio");
        String url = "https://switchboard.test" + path;
        StringBuilder signed = new StringBuilder(url);
        params.forEach((k, v) -> signed.append(k).append(v));
        String form = params.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", m.chance(0.9) ? "application/x-www-form-urlencoded" : "application/json");
        if (!m.chance(0.05)) {
            headers.put("x-twilio-signature", m.chance(0.9) ? PlatformChannel.base64Sha1(TWILIO_TOKEN, signed.toString())
                    : m.hostileString());
        }
        byte[] body = m.chance(0.05) ? m.brokenBytes(form) : form.getBytes(StandardCharsets.UTF_8);
        return new Input("twilio-webhook", "POST", path, headers, body, marker);
    }

    private String fixture(String name, String marker) {
        try (InputStream in = HostileInputs.class.getResourceAsStream("/channels/" + name)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Matcher placeholders = PLACEHOLDER.matcher(text);
            StringBuilder out = new StringBuilder();
            while (placeholders.find()) {
                placeholders.appendReplacement(out, Matcher.quoteReplacement(value(placeholders.group(1), marker)));
            }
            placeholders.appendTail(out);
            return out.toString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String value(String placeholder, String marker) {
        return switch (placeholder) {
            case "PHONE_NUMBER_ID" -> PHONE_NUMBER_ID;
            case "PAGE_ID", "ACCOUNT_ID" -> PAGE_ID;
            case "TEXT", "TITLE" -> "hi " + marker;
            case "NAME" -> "Name " + marker;
            case "WA_ID", "CHAT_ID", "SENDER_ID" -> Integer.toString(100000 + m.nextInt(900000));
            case "STATUS" -> m.pick(List.of("sent", "delivered", "read", "failed", "bogus"));
            case "TOKEN" -> Long.toString(m.nextInt(1_000_000_000));
            case "MESSAGE_ID" -> Integer.toString(counter);
            case "APP_ID" -> "424242424242";
            case "METADATA" -> "";
            default -> marker;
        };
    }

    private Input workspaceApi() {
        String marker = marker();
        String contact = m.chance(0.2) ? m.hostileString() : "c" + marker;
        String user = m.chance(0.5) ? "alice" : "u" + marker;
        List<Object[]> calls = List.of(
                new Object[] {"POST", "/api/v1/users", "{\"id\":\"" + user + "\",\"name\":\"User " + marker
                        + "\",\"email\":\"a@example.com\",\"online\":true}"},
                new Object[] {"PUT", "/api/v1/users/" + user + "/status", "{\"online\":false}"},
                new Object[] {"POST", "/api/v1/teams", "{\"id\":\"t" + marker + "\",\"name\":\"Team " + marker
                        + "\",\"members\":[\"alice\",\"bob\"]}"},
                new Object[] {"PUT", "/api/v1/teams/support/members", "{\"members\":[\"alice\",\"bob\"]}"},
                new Object[] {"POST", "/api/v1/contacts/" + contact + "/messages", "{\"userId\":\"alice\",\"text\":\"hi "
                        + marker + "\",\"messageId\":\"r" + marker + "\"}"},
                new Object[] {"PUT", "/api/v1/contacts/" + contact + "/assignee", "{\"userId\":\"bob\"}"},
                new Object[] {"POST", "/api/v1/contacts/" + contact + "/conversation/close", ""},
                new Object[] {"PUT", "/api/v1/contacts/" + contact + "/tags", "{\"add\":[\"vip" + marker + "\"],\"remove\":[]}"},
                new Object[] {"PUT", "/api/v1/contacts/" + contact + "/fields", "{\"fields\":{\"city\":\"" + marker + "\"}}"},
                new Object[] {"POST", "/api/v1/contacts/" + contact + "/channels", "{\"channelId\":\"" + channels.customId()
                        + "\",\"externalId\":\"x" + marker + "\"}"},
                new Object[] {"GET", "/api/v1/contacts/" + contact, ""},
                new Object[] {"GET", "/api/v1/contacts/" + contact + "/conversation", ""},
                new Object[] {"GET", "/api/v1/contacts/" + contact + "/messages", ""},
                new Object[] {"GET", "/api/v1/contacts/" + contact + "/runs", ""},
                new Object[] {"GET", "/api/v1/contacts/" + contact + "/runs/" + m.hostileString(), ""},
                new Object[] {"POST", "/api/v1/channels", "{\"type\":\"custom\",\"name\":\"Chan " + marker + "\"}"},
                new Object[] {"POST", "/api/v1/channels", "{\"type\":\"whatsapp\",\"name\":\"WA " + marker
                        + "\",\"settings\":{\"phoneNumberId\":\"1\",\"accessToken\":\"t\",\"appSecret\":\"s\",\"verifyToken\":\"v\"}}"},
                new Object[] {"PUT", "/api/v1/workspace/settings", "{\"allowPrivateHttpTargets\":false}"},
                new Object[] {"PUT", "/api/v1/integrations/ai", "{\"baseUrl\":\"http://127.0.0.1:1\",\"model\":\"m" + marker
                        + "\",\"apiKey\":\"k\"}"},
                new Object[] {"POST", "/api/v1/templates/prompt-transfer/install", "{\"workflowId\":\"w" + marker
                        + "\",\"parameters\":{\"firstAgentId\":\"alice\",\"teamId\":\"support\",\"waitFor\":\"PT15M\"}}"},
                new Object[] {"GET", "/api/v1/shortcuts?userId=" + encode(m.hostileString()), ""},
                new Object[] {"GET", "/api/v1/workflows/" + encode(m.hostileString()), ""},
                new Object[] {"DELETE", "/api/v1/integrations/ai", ""});
        Object[] call = m.pick(calls);
        String body = (String) call[2];
        byte[] bytes;
        if (!body.isEmpty() && m.chance(0.6)) {
            bytes = m.chance(0.1) ? m.brokenBytes(body) : m.write(m.mutate(Mutations.read(body))).getBytes(StandardCharsets.UTF_8);
        } else {
            bytes = body.getBytes(StandardCharsets.UTF_8);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "application/json");
        headers.put("authorization", m.chance(0.93) ? "Bearer " + channels.ws().apiKey
                : m.pick(List.of("Bearer ", "Basic abc", "Bearer " + Mutations.repeat("k", 3000), "bearer x")));
        String path = (String) call[1];
        return new Input("api", (String) call[0], pathEncoded(path), headers, bytes, marker);
    }

    private Input workflowDocument() {
        String marker = marker();
        String doc;
        if (m.chance(0.1)) {
            doc = oversized(marker);
        } else {
            ObjectNode valid = (ObjectNode) Mutations.read(m.chance(0.3) ? Workflows.promptTransfer("alice", "support",
                    "round_robin", "PT15M") : resource("/workflows/valid/" + m.pick(WORKFLOWS)));
            valid.put("name", "Flow " + marker);
            doc = m.chance(0.85) ? m.write(m.mutate(valid)) : m.write(valid);
        }
        Map<String, String> headers = Mutations.headers("content-type", "application/json",
                "authorization", "Bearer " + channels.ws().apiKey);
        String path = switch (m.nextInt(4)) {
            case 0 -> "/api/v1/workflows/existing-flow";
            case 1 -> "/api/v1/workflows?id=" + encode(m.chance(0.5) ? "w" + marker : m.hostileString());
            default -> "/api/v1/workflows";
        };
        String method = path.equals("/api/v1/workflows/existing-flow") ? "PUT" : "POST";
        return new Input("workflow", method, path, headers, doc.getBytes(StandardCharsets.UTF_8), marker);
    }

    /** Passes the schema step by step, but its stored form outgrows what one item holds. */
    private String oversized(String marker) {
        StringBuilder steps = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            steps.append(i == 0 ? "" : ",").append("{\"id\":\"s").append(i).append("\",\"type\":\"add_comment\",\"text\":\"")
                    .append(Mutations.repeat("x", 4000 + m.nextInt(6000))).append("\"}");
        }
        return "{\"name\":\"Big " + marker + "\",\"trigger\":{\"type\":\"conversation_opened\"},\"steps\":[" + steps + "]}";
    }

    private Input internalFunction() {
        String marker = marker();
        boolean wake = m.chance(0.6);
        String body = wake ? "{\"workspaceId\":\"" + channels.ws().id + "\",\"contactId\":\"c" + marker
                + "\",\"runId\":\"r1\",\"token\":\"t1\"}" : m.pick(List.of("{}", "", "[]", "null", "{\"x\":1}"));
        byte[] bytes = m.chance(0.6) && wake ? m.write(m.mutate(Mutations.read(body))).getBytes(StandardCharsets.UTF_8)
                : m.chance(0.1) ? m.brokenBytes(body) : body.getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "application/json");
        if (m.chance(0.7)) {
            headers.put("authorization", "Bearer " + Workspace.INTERNAL_TOKEN);
        } else if (m.chance(0.5)) {
            headers.put("authorization", "Bearer guess");
        }
        String method = m.chance(0.9) ? "POST" : m.pick(List.of("GET", "PUT", "DELETE"));
        return new Input("internal", method, wake ? "/wakeUp" : "/sweep", headers, bytes, marker);
    }

    private Input httpLayer() {
        String marker = marker();
        Map<String, String> headers = Mutations.headers("content-type", "application/json",
                "authorization", "Bearer " + channels.ws().apiKey);
        return switch (m.nextInt(6)) {
            case 0 -> new Input("http-uri", "GET", "/api/v1/contacts/" + Mutations.repeat("a", 9000 + m.nextInt(40000)),
                    headers, new byte[0], marker);
            case 1 -> {
                headers.put("x-padding", Mutations.repeat("h", 33_000 + m.nextInt(25_000)));
                yield new Input("http-headers", "GET", "/api/v1/users", headers, new byte[0], marker);
            }
            case 2 -> new Input("http-body", "POST", m.pick(List.of("/api/v1/workflows", "/webhooks/custom/"
                    + channels.customId(), "/api/v1/users")), headers, bigBody(marker), marker);
            case 3 -> new Input("http-path", m.pick(List.of("GET", "POST", "PATCH", "OPTIONS", "DELETE")),
                    m.pick(List.of("/", "/api", "/api/v1", "/webhooks", "/q/nothing", "/admin/workspaces", "/api/v1/users/x/y/z",
                            "/webhooks/custom", "/webhooks/nope/x", "/api/v1/contacts/%ZZ/runs", "/api/v1/contacts/%00/runs")),
                    headers, new byte[0], marker);
            case 4 -> new Input("admin", "POST", "/admin/workspaces", Mutations.headers("content-type", "application/json",
                    "x-admin-token", m.chance(0.5) ? Workspace.ADMIN_TOKEN : "nope"),
                    m.write(m.mutate(Mutations.read("{\"id\":\"w" + marker + "\",\"name\":\"W " + marker + "\"}")))
                            .getBytes(StandardCharsets.UTF_8), marker);
            default -> new Input("http-method", m.pick(List.of("PATCH", "HEAD", "TRACE", "DELETE")), "/api/v1/users",
                    headers, new byte[0], marker);
        };
    }

    private byte[] bigBody(String marker) {
        int size = m.pick(List.of(1024 * 1024 + 1, 1_500_000, 10 * 1024 * 1024));
        StringBuilder s = new StringBuilder("{\"name\":\"" + marker + "\",\"x\":\"");
        s.append(Mutations.repeat("b", size));
        return s.append("\"}").toString().getBytes(StandardCharsets.UTF_8);
    }

    static String resource(String path) {
        try (InputStream in = HostileInputs.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Keeps '/' and '?' of a path as written, percent-encodes whatever else a hostile id brought. */
    private static String pathEncoded(String path) {
        StringBuilder out = new StringBuilder();
        for (char c : path.toCharArray()) {
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "/?=&-_.~+%".indexOf(c) >= 0)) {
                out.append(c);
            } else {
                out.append(URLEncoder.encode(String.valueOf(c), StandardCharsets.UTF_8).replace("+", "%20"));
            }
        }
        return out.toString();
    }
}
