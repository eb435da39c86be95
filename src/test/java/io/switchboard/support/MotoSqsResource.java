package io.switchboard.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Runs the service with the two-stage SQS wake-up adapter, pointed at a queue in moto. */
public class MotoSqsResource implements QuarkusTestResourceLifecycleManager {

    public static final String QUEUE = "switchboard-test-wake-ups";
    private MotoServer moto;

    @Override
    public Map<String, String> start() {
        moto = MotoServer.start();
        System.setProperty("test.moto.endpoint", moto.endpoint());
        // the adapter uses the default AWS credentials chain, as in production; moto accepts any key
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
        String url = moto.sqs().createQueue(b -> b.queueName(QUEUE)).queueUrl();
        System.setProperty("test.sqs.queue-url", url);
        return Map.of(
                "switchboard.scheduler.adapter", "sqs",
                "switchboard.scheduler.sqs.endpoint", moto.endpoint(),
                "switchboard.scheduler.sqs.queue-url", url);
    }

    @Override
    public void stop() {
        if (moto != null) {
            moto.close();
        }
    }
}
