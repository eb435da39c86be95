package io.switchboard.function.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.switchboard.engine.run.WakeUpResult;
import io.switchboard.function.WakeUpFunctions;
import jakarta.inject.Named;
import java.util.Map;

/** Invoked every minute by a rate schedule; its input is ignored. */
@Named("sweep")
@jakarta.inject.Singleton
public class SweepLambdaHandler implements RequestHandler<Map<String, Object>, Map<WakeUpResult, Integer>> {

    private final WakeUpFunctions functions;

    public SweepLambdaHandler(WakeUpFunctions functions) {
        this.functions = functions;
    }

    @Override
    public Map<WakeUpResult, Integer> handleRequest(Map<String, Object> input, Context context) {
        return functions.sweep();
    }
}
