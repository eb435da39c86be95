package io.switchboard.engine.step.addgooglesheetsrow;

import io.switchboard.engine.step.EffectClaims;
import io.switchboard.engine.step.StepContext;
import io.switchboard.engine.step.StepHandler;
import io.switchboard.engine.step.StepResult;
import io.switchboard.engine.step.Variables;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Renders the row and appends it at most once: the effect key is claimed before the call and the
 * outcome settled on the claim after it, so a re-executed step (a duplicate wake-up, the sweep
 * resuming a run after a lost lease) repeats the recorded outcome instead of appending again.
 */
public final class AddGoogleSheetsRowHandler implements StepHandler<AddGoogleSheetsRowStep> {

    @Override
    public StepResult run(AddGoogleSheetsRowStep step, StepContext ctx) {
        Variables variables = Variables.of(ctx);
        List<String> values = step.values().stream()
                .map(v -> variables.renderValue(v, AddGoogleSheetsRowHandler::enteredAsText)).toList();
        Map<String, String> details = new LinkedHashMap<>();
        details.put("spreadsheetId", step.spreadsheetId());
        details.put("sheet", step.sheet());
        details.put("columns", String.valueOf(values.size()));

        String ws = ctx.run().workspaceId();
        EffectClaims claims = ctx.inbox().claims();
        Optional<EffectClaims.Earlier> earlier = claims.claim(ws, ctx.run().contactId(), ctx.effectKey(), ctx.now());
        if (earlier.isPresent()) {
            EffectClaims.Earlier e = earlier.get();
            if (e.outcome() == null) {
                return StepResult.unchanged("not appended again: an earlier execution of this step stopped during "
                        + "its call to Google Sheets, so the row may or may not be there", details);
            }
            return e.failed() ? StepResult.failed(step, e.outcome(), details)
                    : StepResult.unchanged(e.outcome() + " (earlier)", details);
        }
        GoogleSheets.Outcome outcome = ctx.inbox().sheets().append(
                new GoogleSheets.Row(ws, step.spreadsheetId(), step.sheet(), values));
        if (!outcome.appended()) {
            String text = "row not added: " + outcome.failure();
            claims.settle(ws, ctx.run().contactId(), ctx.effectKey(), text, true);
            return StepResult.failed(step, text, details);
        }
        String text = "row added at " + outcome.range();
        claims.settle(ws, ctx.run().contactId(), ctx.effectKey(), text, false);
        return StepResult.changed(text, details);
    }

    /**
     * Values are entered as if typed (USER_ENTERED: numbers and dates are recognised), but a value a
     * variable brought in that starts like a formula is entered as text: a contact's answer must never
     * become a formula in the team's sheet. The leading apostrophe is how Sheets marks typed text.
     */
    static String enteredAsText(String value) {
        return !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

}
