package io.switchboard.function.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.switchboard.function.WakeUpFunctions;
import io.switchboard.ops.LambdaMetrics;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * Invoked every minute by a rate schedule whose input is {@code {"scheduledTime":
 * "<aws.scheduler.scheduled-time>"}}: the minute it was scheduled for, not when it happened to
 * start, decides which wake-ups it hands over. Without it (a manual invocation) the current time does.
 */
@Named("sweep")
@jakarta.inject.Singleton
public class SweepLambdaHandler implements RequestHandler<Map<String, Object>, Map<String, Integer>> {

    private final WakeUpFunctions functions;
    private final Clock clock;
    private final LambdaMetrics metrics;

    public SweepLambdaHandler(WakeUpFunctions functions, Clock clock, LambdaMetrics metrics) {
        this.functions = functions;
        this.clock = clock;
        this.metrics = metrics;
    }

    @Override
    public Map<String, Integer> handleRequest(Map<String, Object> input, Context context) {
        Object scheduled = input == null ? null : input.get("scheduledTime");
        Instant scheduledAt;
        try {
            scheduledAt = scheduled instanceof String s ? Instant.parse(s) : clock.instant();
        } catch (java.time.format.DateTimeParseException notATime) {
            scheduledAt = clock.instant();
        }
        try {
            return functions.sweepScheduledAt(scheduledAt);
        } finally {
            metrics.invocationEnded();
        }
    }
}
