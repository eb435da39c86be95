package io.switchboard.schedule;

import io.switchboard.engine.run.WakeUpCall;
import io.switchboard.engine.run.WakeUpScheduler;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.ActionAfterCompletion;
import software.amazon.awssdk.services.scheduler.model.ConflictException;
import software.amazon.awssdk.services.scheduler.model.DeadLetterConfig;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindow;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindowMode;
import software.amazon.awssdk.services.scheduler.model.RetryPolicy;
import software.amazon.awssdk.services.scheduler.model.Target;

/**
 * One one-time EventBridge schedule per wait: {@code at(...)} in UTC, no flexible window, deleted by
 * the service after it fires, retried for up to 24 hours, then sent to the dead-letter queue. The
 * schedule name is derived from the run and its wait token, so arming the same wait twice is a
 * conflict, not a second timer.
 */
public final class EventBridgeWakeUpScheduler implements WakeUpScheduler {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private final SchedulerClient client;
    private final String group;
    private final String targetArn;
    private final String roleArn;
    private final String deadLetterArn;

    public EventBridgeWakeUpScheduler(SchedulerClient client, String group, String targetArn, String roleArn,
            String deadLetterArn) {
        this.client = client;
        this.group = group;
        this.targetArn = targetArn;
        this.roleArn = roleArn;
        this.deadLetterArn = deadLetterArn;
    }

    public static String scheduleName(WakeUpCall call) {
        return "wake-" + call.runId() + "-" + call.token().substring(0, 8);
    }

    /** The schedule expression: whole seconds, rounded up so a wake-up is never early. */
    public static String expression(Instant due) {
        Instant rounded = due.truncatedTo(ChronoUnit.SECONDS);
        if (rounded.isBefore(due)) {
            rounded = rounded.plusSeconds(1);
        }
        return "at(" + AT.format(rounded) + ")";
    }

    public static String input(WakeUpCall call) {
        // plain fields only; built by hand to keep this adapter free of a JSON dependency
        return "{\"workspaceId\":\"" + call.workspaceId() + "\",\"contactId\":\"" + call.contactId()
                + "\",\"runId\":\"" + call.runId() + "\",\"token\":\"" + call.token() + "\"}";
    }

    @Override
    public void arm(WakeUpCall call) {
        try {
            client.createSchedule(b -> b
                    .name(scheduleName(call))
                    .groupName(group)
                    .scheduleExpression(expression(call.dueAt()))
                    .scheduleExpressionTimezone("UTC")
                    .flexibleTimeWindow(FlexibleTimeWindow.builder().mode(FlexibleTimeWindowMode.OFF).build())
                    .actionAfterCompletion(ActionAfterCompletion.DELETE)
                    .target(Target.builder()
                            .arn(targetArn)
                            .roleArn(roleArn)
                            .input(input(call))
                            .retryPolicy(RetryPolicy.builder().maximumEventAgeInSeconds(86_400)
                                    .maximumRetryAttempts(185).build())
                            .deadLetterConfig(DeadLetterConfig.builder().arn(deadLetterArn).build())
                            .build()));
        } catch (ConflictException alreadyArmed) {
            // the same wait armed again by a retried step: one schedule is enough
        }
    }
}
