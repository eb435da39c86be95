package io.switchboard.engine.step.addgooglesheetsrow;

import io.switchboard.engine.step.EffectClaims;
import io.switchboard.engine.step.DeclaredStepType;

/** The AddGoogleSheetsRow step type: its name, record, handler and how its document is read. */
public final class AddGoogleSheetsRowType extends DeclaredStepType<AddGoogleSheetsRowStep> {

    public static final String NAME = "add_google_sheets_row";

    public AddGoogleSheetsRowType() {
        super(NAME, AddGoogleSheetsRowStep.class, new AddGoogleSheetsRowHandler(), step -> new AddGoogleSheetsRowStep(
                step.id(), step.text("spreadsheetId"), step.text("sheet"), step.texts("values"),
                step.steps("onFailure")));
        needs(GoogleSheets.class, EffectClaims.class);
    }
}
