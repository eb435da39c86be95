package io.switchboard.function.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.switchboard.engine.run.WakeUpResult;
import io.switchboard.function.WakeUpFunctions;
import io.switchboard.ops.LambdaMetrics;
import jakarta.inject.Named;
import java.util.Map;

/** Invoked every minute by a rate schedule; its input is ignored. */
@Named("sweep")
@jakarta.inject.Singleton
public class SweepLambdaHandler implements RequestHandler<Map<String, Object>, Map<WakeUpResult, Integer>> {

    private final WakeUpFunctions functions;
    private final LambdaMetrics metrics;

    public SweepLambdaHandler(WakeUpFunctions functions, LambdaMetrics metrics) {
        this.functions = functions;
        this.metrics = metrics;
    }

    @Override
    public Map<WakeUpResult, Integer> handleRequest(Map<String, Object> input, Context context) {
        try {
            return functions.sweep();
        } finally {
            metrics.invocationEnded();
        }
    }
}
