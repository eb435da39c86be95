package io.switchboard.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.switchboard.engine.run.WakeUpCall;
import io.switchboard.support.MotoServer;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.ActionAfterCompletion;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindowMode;
import software.amazon.awssdk.services.scheduler.model.GetScheduleResponse;

/** The EventBridge Scheduler adapter with the real AWS SDK client, against moto on a loopback port. */
class EventBridgeWakeUpSchedulerTest {

    static final String TARGET = "arn:aws:lambda:us-east-1:" + MotoServer.ACCOUNT + ":function:sb-wake-up";
    static final String ROLE = "arn:aws:iam::" + MotoServer.ACCOUNT + ":role/sb-scheduler";
    static final String DLQ = "arn:aws:sqs:us-east-1:" + MotoServer.ACCOUNT + ":sb-wake-up-dlq";

    static MotoServer moto;
    static SchedulerClient client;

    @BeforeAll
    static void startMoto() {
        assumeFalse(Boolean.getBoolean("moto.skip"), "moto.skip=true: EventBridge adapter not tested");
        moto = MotoServer.start();
        client = moto.scheduler();
        client.createScheduleGroup(b -> b.name("switchboard"));
    }

    @AfterAll
    static void stopMoto() {
        if (moto != null) {
            moto.close();
        }
    }

    @Test
    void armsOneOneTimeScheduleThatDeletesItselfAndDeadLettersFailures() {
        var scheduler = new EventBridgeWakeUpScheduler(client, "switchboard", TARGET, ROLE, DLQ);
        WakeUpCall call = new WakeUpCall("ws1", "ada", "0d1f6a1e-1111-2222-3333-444455556666", "7c9e6679-7425-40de-944b-e07fc1f90ae7",
                Instant.parse("2026-11-24T10:15:00.250Z"));

        scheduler.arm(call);
        scheduler.arm(call);

        GetScheduleResponse s = client.getSchedule(b -> b.groupName("switchboard")
                .name(EventBridgeWakeUpScheduler.scheduleName(call)));
        assertEquals("at(2026-11-24T10:15:01)", s.scheduleExpression(), "rounded up: never early");
        assertEquals("UTC", s.scheduleExpressionTimezone());
        assertEquals(FlexibleTimeWindowMode.OFF, s.flexibleTimeWindow().mode());
        assertEquals(ActionAfterCompletion.DELETE, s.actionAfterCompletion());
        assertEquals(TARGET, s.target().arn());
        assertEquals(ROLE, s.target().roleArn());
        assertEquals(DLQ, s.target().deadLetterConfig().arn());
        assertEquals(86_400, s.target().retryPolicy().maximumEventAgeInSeconds());
        assertEquals("{\"workspaceId\":\"ws1\",\"contactId\":\"ada\",\"runId\":\"0d1f6a1e-1111-2222-3333-444455556666\","
                + "\"token\":\"7c9e6679-7425-40de-944b-e07fc1f90ae7\"}", s.target().input());
        assertEquals(1, client.listSchedules(b -> b.groupName("switchboard")).schedules().size(),
                "arming the same wait twice leaves one schedule");
    }
}
