package io.switchboard.engine.step.addgooglesheetsrow;

import io.switchboard.engine.step.EffectClaims;

import java.util.List;

/**
 * Appends rows to Google Sheets with the workspace's service account. The adapter finds the
 * workspace's key, obtains the access token and speaks the Sheets API; the engine sees only the
 * outcome.
 */
public interface GoogleSheets {

    record Row(String workspaceId, String spreadsheetId, String sheet, List<String> values) {
    }

    /**
     * {@code failure} is null when the row was appended ({@code range} then names where, such as
     * {@code Responses!A7:C7}), else a reason a user can act on.
     */
    record Outcome(String range, String failure) {
        public boolean appended() {
            return failure == null;
        }

        public static Outcome failed(String reason) {
            return new Outcome(null, reason);
        }
    }

    /**
     * Appending is not idempotent at Google: the caller claims the step's effect key first (see
     * {@link EffectClaims}), so this is called at most once per step execution key.
     */
    Outcome append(Row row);
}
