package io.switchboard.function.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.switchboard.function.WakeUpFunctions;
import jakarta.inject.Named;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The SQS event source mapping's target: a batch of wake-up messages from the wake-up queue. Reports
 * the messages to deliver again as partial batch failures ({@code ReportBatchItemFailures}), so one
 * failed wake-up neither repeats the others nor is lost (after its retries it goes to the DLQ).
 */
@Named("wakeUpQueue")
@jakarta.inject.Singleton
public class WakeUpQueueLambdaHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private final WakeUpFunctions functions;

    public WakeUpQueueLambdaHandler(WakeUpFunctions functions) {
        this.functions = functions;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        Map<String, String> bodies = new LinkedHashMap<>();
        if (event != null && event.getRecords() != null) {
            event.getRecords().forEach(m -> bodies.put(m.getMessageId(), m.getBody()));
        }
        return new SQSBatchResponse(functions.wakeUpQueued(bodies).stream()
                .map(SQSBatchResponse.BatchItemFailure::new).toList());
    }
}
