package io.switchboard.function.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.switchboard.function.WakeUpFunctions;
import io.switchboard.function.WakeUpFunctions.WakeUpRequest;
import io.switchboard.function.WakeUpFunctions.WakeUpResponse;
import io.switchboard.ops.LambdaMetrics;
import jakarta.inject.Named;

/** The EventBridge Scheduler target: the schedule's input is a {@link WakeUpRequest}. */
@Named("wakeUp")
@jakarta.inject.Singleton
public class WakeUpLambdaHandler implements RequestHandler<WakeUpRequest, WakeUpResponse> {

    private final WakeUpFunctions functions;
    private final LambdaMetrics metrics;

    public WakeUpLambdaHandler(WakeUpFunctions functions, LambdaMetrics metrics) {
        this.functions = functions;
        this.metrics = metrics;
    }

    @Override
    public WakeUpResponse handleRequest(WakeUpRequest request, Context context) {
        try {
            return functions.wakeUp(request);
        } finally {
            metrics.invocationEnded();
        }
    }
}
