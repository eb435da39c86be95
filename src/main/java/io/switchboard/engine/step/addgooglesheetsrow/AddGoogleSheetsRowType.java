package io.switchboard.engine.step.addgooglesheetsrow;

import io.switchboard.engine.step.EffectClaims;
import io.switchboard.engine.step.StepHandler;
import io.switchboard.engine.step.StepReader;
import io.switchboard.engine.step.StepType;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The AddGoogleSheetsRow step type: its document, handler and the rules its document follows. */
public final class AddGoogleSheetsRowType implements StepType<AddGoogleSheetsRowStep> {

    public static final String NAME = "add_google_sheets_row";

    private final AddGoogleSheetsRowHandler handler = new AddGoogleSheetsRowHandler();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<AddGoogleSheetsRowStep> stepClass() {
        return AddGoogleSheetsRowStep.class;
    }

    @Override
    public AddGoogleSheetsRowStep parse(StepReader step) {
        return new AddGoogleSheetsRowStep(step.id(), step.text("spreadsheetId"), step.text("sheet"),
                step.texts("values"), step.steps("onFailure"));
    }

    @Override
    public StepHandler<AddGoogleSheetsRowStep> handler() {
        return handler;
    }

    @Override
    public Map<String, Object> example() {
        return Map.of("spreadsheetId", "1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgvE2upms", "sheet", "CSAT", "values", List.of("$contact.name", "$answer.rating"));
    }

    @Override
    public Set<Class<?>> ports() {
        return Set.of(GoogleSheets.class, EffectClaims.class);
    }
}
