package io.switchboard.engine.step.datetime;

import io.switchboard.engine.step.StepContext;
import io.switchboard.engine.step.StepHandler;
import io.switchboard.engine.step.StepResult;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the injected clock in the step's time zone; the decision and the local time go to history. */
public final class DateTimeHandler implements StepHandler<DateTimeStep> {

    @Override
    public StepResult run(DateTimeStep step, StepContext ctx) {
        LocalDateTime local = LocalDateTime.ofInstant(ctx.now(), step.zone());
        Map<String, String> details = new LinkedHashMap<>();
        details.put("timeZone", step.zone().getId());
        details.put("localTime", local.toString());
        if (step.inside(local)) {
            return StepResult.unchanged("inside", details);
        }
        if (step.outside().isEmpty()) {
            return StepResult.end("outside; the run ends", details);
        }
        return new StepResult(StepResult.Next.ENTER_BRANCH, 0, null, "outside; the outside steps run", details,
                List.of(), false);
    }
}
