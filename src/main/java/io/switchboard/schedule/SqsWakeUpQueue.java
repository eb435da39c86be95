package io.switchboard.schedule;

import io.switchboard.engine.run.WakeUpCall;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * The second stage of an AWS wake-up: a message on an SQS queue that becomes visible at the
 * wake-up's due time (DelaySeconds, whole seconds rounded up, so never early, at most 15 minutes),
 * and that the queue's event source mapping delivers to the wake-up function. The body is the same
 * {@code {workspaceId, contactId, runId, token}} an EventBridge schedule sends, plus {@code dueAt}.
 * A message sent twice wakes the run once: the run's version and wake token decide.
 */
public final class SqsWakeUpQueue {

    /** The longest delay SQS holds a message for. */
    public static final int MAX_DELAY_SECONDS = 900;
    private static final int BATCH = 10;
    private static final System.Logger LOG = System.getLogger(SqsWakeUpQueue.class.getName());

    private final SqsClient sqs;
    private final String queueUrl;
    private final Clock clock;

    public SqsWakeUpQueue(SqsClient sqs, String queueUrl, Clock clock) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.clock = clock;
    }

    /** Seconds from {@code now} until {@code due}, rounded up, within what SQS accepts. */
    public static int delaySeconds(Instant due, Instant now) {
        long millis = Duration.between(now, due).toMillis();
        long seconds = millis <= 0 ? 0 : (millis + 999) / 1000;
        return (int) Math.min(seconds, MAX_DELAY_SECONDS);
    }

    public static String body(WakeUpCall call) {
        // plain fields only, as the EventBridge adapter's input; no JSON dependency in the adapters
        return "{\"workspaceId\":\"" + call.workspaceId() + "\",\"contactId\":\"" + call.contactId()
                + "\",\"runId\":\"" + call.runId() + "\""
                + (call.token() == null ? "" : ",\"token\":\"" + call.token() + "\"")
                + (call.dueAt() == null ? "" : ",\"dueAt\":\"" + call.dueAt() + "\"")
                + (call.storedVersion() == 0 ? "" : ",\"storedVersion\":" + call.storedVersion()) + "}";
    }

    /**
     * Sends the calls in batches of ten, each delayed until its due time. Entries SQS refuses are
     * tried once more; what still fails is logged and left to the sweep, which resumes it late (the
     * run's due entry is the timer of record; a wait offered to {@link TwoStageWakeUps#hold} that is not
     * sent is stored with one). Returns how many were sent.
     */
    public int send(List<WakeUpCall> calls) {
        int sent = 0;
        for (int from = 0; from < calls.size(); from += BATCH) {
            List<WakeUpCall> batch = calls.subList(from, Math.min(calls.size(), from + BATCH));
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            Instant now = clock.instant();
            for (int i = 0; i < batch.size(); i++) {
                WakeUpCall call = batch.get(i);
                entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i)).messageBody(body(call))
                        .delaySeconds(delaySeconds(call.dueAt(), now)).build());
            }
            List<SendMessageBatchRequestEntry> refused = refused(entries, sendBatch(entries));
            if (!refused.isEmpty()) {
                refused = refused(refused, sendBatch(refused));
            }
            for (SendMessageBatchRequestEntry e : refused) {
                LOG.log(System.Logger.Level.WARNING, "SQS refused wake-up {0}; the sweep will resume it", e.messageBody());
            }
            sent += entries.size() - refused.size();
        }
        return sent;
    }

    private SendMessageBatchResponse sendBatch(List<SendMessageBatchRequestEntry> entries) {
        return sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
    }

    private static List<SendMessageBatchRequestEntry> refused(List<SendMessageBatchRequestEntry> entries,
            SendMessageBatchResponse response) {
        List<String> failedIds = response.failed().stream().map(BatchResultErrorEntry::id).toList();
        return entries.stream().filter(e -> failedIds.contains(e.id())).toList();
    }
}
