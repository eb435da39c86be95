package io.switchboard.engine.run;

import io.switchboard.engine.condition.Observation;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One entry of a run's history: which step ran, when, what it did ({@code outcome}), the values it
 * used ({@code details}) and, for a Branch, each condition with the value it saw.
 */
public record StepRecord(int sequence, String stepId, String stepType, String path, Instant at, String outcome,
        Map<String, String> details, List<Observation> observations) {

    public StepRecord {
        // stored history leaves empty values out; a record read back has them empty, never null
        details = details == null ? Map.of() : details;
        observations = observations == null ? List.of() : observations;
    }
}
