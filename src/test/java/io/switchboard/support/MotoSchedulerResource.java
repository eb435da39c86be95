package io.switchboard.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Runs the service with the EventBridge Scheduler adapter, pointed at moto. */
public class MotoSchedulerResource implements QuarkusTestResourceLifecycleManager {

    public static final String GROUP = "switchboard-test";
    public static final String TARGET = "arn:aws:lambda:us-east-1:" + MotoServer.ACCOUNT + ":function:sb-wake-up";
    private MotoServer moto;

    @Override
    public Map<String, String> start() {
        moto = MotoServer.start();
        System.setProperty("test.moto.endpoint", moto.endpoint());
        // the adapter uses the default AWS credentials chain, as in production; moto accepts any key
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
        moto.scheduler().createScheduleGroup(b -> b.name(GROUP));
        return Map.of(
                "switchboard.scheduler.adapter", "eventbridge",
                "switchboard.scheduler.eventbridge.endpoint", moto.endpoint(),
                "switchboard.scheduler.eventbridge.group", GROUP,
                "switchboard.scheduler.eventbridge.target-arn", TARGET,
                "switchboard.scheduler.eventbridge.role-arn", "arn:aws:iam::" + MotoServer.ACCOUNT + ":role/sb-scheduler",
                "switchboard.scheduler.eventbridge.dead-letter-arn", "arn:aws:sqs:us-east-1:" + MotoServer.ACCOUNT + ":sb-dlq");
    }

    /** A client of the moto the running application schedules on, for a test to look at its schedules. */
    public static software.amazon.awssdk.services.scheduler.SchedulerClient scheduler() {
        return MotoServer.schedulerAt(System.getProperty("test.moto.endpoint"));
    }

    @Override
    public void stop() {
        if (moto != null) {
            moto.close();
        }
    }
}
