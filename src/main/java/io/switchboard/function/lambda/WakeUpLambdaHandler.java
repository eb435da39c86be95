package io.switchboard.function.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.switchboard.function.WakeUpFunctions;
import io.switchboard.function.WakeUpFunctions.WakeUpRequest;
import io.switchboard.function.WakeUpFunctions.WakeUpResponse;
import jakarta.inject.Named;

/** The EventBridge Scheduler target: the schedule's input is a {@link WakeUpRequest}. */
@Named("wakeUp")
@jakarta.inject.Singleton
public class WakeUpLambdaHandler implements RequestHandler<WakeUpRequest, WakeUpResponse> {

    private final WakeUpFunctions functions;

    public WakeUpLambdaHandler(WakeUpFunctions functions) {
        this.functions = functions;
    }

    @Override
    public WakeUpResponse handleRequest(WakeUpRequest request, Context context) {
        return functions.wakeUp(request);
    }
}
