package io.switchboard.engine.step.addgooglesheetsrow;

import io.switchboard.engine.workflow.FailurePathStep;
import io.switchboard.engine.workflow.Step;
import java.util.List;

/**
 * Add Google Sheets Row: appends one row (its values in column order, each with $variables) to a tab
 * of a spreadsheet shared with the workspace's Google service account. When the row cannot be added
 * the {@code onFailure} steps run and the run ends after them; without them the failure is recorded
 * and the run goes on.
 */
public record AddGoogleSheetsRowStep(String id, String spreadsheetId, String sheet, List<String> values,
        List<Step> onFailure) implements FailurePathStep {

    /** Columns A to Z: enough for a form or a survey answer, and a row a person can still read. */
    public static final int MAX_COLUMNS = 26;

    public AddGoogleSheetsRowStep {
        values = List.copyOf(values);
        onFailure = onFailure == null ? List.of() : onFailure;
    }

    @Override
    public List<Step> failurePath() {
        return onFailure;
    }

    @Override
    public String type() {
        return AddGoogleSheetsRowType.NAME;
    }
}
