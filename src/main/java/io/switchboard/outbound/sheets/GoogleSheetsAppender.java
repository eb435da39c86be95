package io.switchboard.outbound.sheets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.channel.PlatformHttp;
import io.switchboard.engine.step.addgooglesheetsrow.GoogleSheets;
import io.switchboard.inbox.OutboundSender.SendFailed;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Sheets API v4 append call ({@code spreadsheets.values.append}) with the workspace's service
 * account. Only requests Google surely did not take are repeated (429, a connection never made, a
 * refused access token); a 5xx or a timeout is reported, because the row may have been added.
 */
public final class GoogleSheetsAppender implements GoogleSheets {

    private final GoogleServiceAccounts accounts;
    private final PlatformHttp http;
    private final ObjectMapper json;
    private final String baseUrl;

    /** {@code baseUrl}: {@code switchboard.google-sheets.base-url}, https://sheets.googleapis.com. */
    public GoogleSheetsAppender(GoogleServiceAccounts accounts, PlatformHttp http, ObjectMapper json, String baseUrl) {
        this.accounts = accounts;
        this.http = http;
        this.json = json;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @Override
    public Outcome append(Row row) {
        GoogleServiceAccounts.Account account;
        try {
            Optional<GoogleServiceAccounts.Account> configured = accounts.account(row.workspaceId());
            if (configured.isEmpty()) {
                return Outcome.failed("Google Sheets is not connected to this workspace; configure a service-account "
                        + "key with PUT /api/v1/integrations/google-sheets");
            }
            account = configured.get();
        } catch (IllegalStateException unreadable) {
            return Outcome.failed(unreadable.getMessage());
        }
        try {
            PlatformHttp.Reply reply = call(row, account.accessToken());
            if (reply.status() == 401) {
                reply = call(row, account.renewedAccessToken());
            }
            return outcome(row, account, reply);
        } catch (IOException tokenRefused) {
            return Outcome.failed("Google did not give " + account.clientEmail() + " an access token: "
                    + brief(tokenRefused.getMessage()));
        } catch (SendFailed unreachable) {
            // PlatformHttp speaks of messages; here the thing that may have been taken is a row
            return Outcome.failed(unreachable.getMessage()
                    .replace("taken the message, so it was not sent again", "added the row, so it was not repeated"));
        }
    }

    private PlatformHttp.Reply call(Row row, String accessToken) throws IOException {
        // the whole tab as the range: Sheets finds the table on it and adds the row below its last row
        String range = "'" + row.sheet().replace("'", "''") + "'";
        URI uri = URI.create(baseUrl + "/v4/spreadsheets/" + segment(row.spreadsheetId()) + "/values/" + segment(range)
                + ":append?valueInputOption=USER_ENTERED&insertDataOption=INSERT_ROWS");
        String body = json.writeValueAsString(Map.of("majorDimension", "ROWS", "values", List.of(row.values())));
        return http.exchange("Google Sheets", HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + accessToken)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)), false);
    }

    private Outcome outcome(Row row, GoogleServiceAccounts.Account account, PlatformHttp.Reply reply) {
        int status = reply.status();
        if (reply.ok()) {
            return new Outcome(field(reply.body(), "updates", "updatedRange").orElse(row.sheet()), null);
        }
        String said = field(reply.body(), "error", "message").map(m -> " (Google said: " + brief(m) + ")").orElse("");
        if (status == 400 && said.contains("Unable to parse range")) {
            return Outcome.failed("the spreadsheet has no tab named \"" + row.sheet() + "\"");
        }
        return Outcome.failed(switch (status) {
            case 401 -> "Google refused the access token of " + account.clientEmail() + said;
            case 403 -> "the service account has no access to the spreadsheet: share it with " + account.clientEmail()
                    + " as an editor" + said;
            case 404 -> "spreadsheet " + row.spreadsheetId() + " was not found: check the id, the part of the "
                    + "sheet's URL between /d/ and /edit";
            case 429 -> "Google Sheets is limiting requests (429); the row was not added, try again later";
            default -> status >= 500
                    ? "Google Sheets answered " + status + "; not repeated, because the row may have been added"
                    : "Google Sheets answered " + status + said;
        });
    }

    private Optional<String> field(String body, String object, String name) {
        try {
            JsonNode value = json.readTree(body == null ? "" : body).path(object).path(name);
            return value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String brief(String message) {
        String m = message == null ? "" : message.replaceAll("\\s+", " ").trim();
        return m.length() > 300 ? m.substring(0, 300) + "..." : m;
    }
}
