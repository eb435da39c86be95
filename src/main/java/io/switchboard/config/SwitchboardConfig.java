package io.switchboard.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * Every setting, under one name in every deployment: {@code switchboard.table} in
 * application.properties is {@code SWITCHBOARD_TABLE} in a Lambda or Kubernetes environment.
 */
@ConfigMapping(prefix = "switchboard")
public interface SwitchboardConfig {

    /** DynamoDB table holding all state. */
    @WithDefault("switchboard")
    String table();

    /** Create the table at start when missing (local runs and tests; Terraform owns it on AWS). */
    @WithDefault("false")
    boolean createTable();

    /** How long a process holds a running run before the sweep may resume it elsewhere. */
    @WithDefault("PT30S")
    Duration lease();

    /** Shards of the due-timer index; more shards spread bursts of wake-ups. */
    @WithDefault("4")
    int dueShards();

    /** Secret for the admin API that creates workspaces; the admin API is off when unset. */
    Optional<String> adminToken();

    /** Seed a demo workspace at start (local runs only). */
    @WithDefault("false")
    boolean demo();

    Scheduler scheduler();

    interface Scheduler {
        /** {@code sweep}: the due-timer index alone; {@code eventbridge}: one EventBridge schedule per wait. */
        @WithDefault("sweep")
        String adapter();

        /** Run the sweep in-process on a ticker (local and Kubernetes without a CronJob). */
        @WithDefault("false")
        boolean localTicker();

        /** Most wake-ups one sweep claims. */
        @WithDefault("1000")
        int sweepBatch();

        /** Parallel wake-ups while sweeping. */
        @WithDefault("8")
        int sweepThreads();

        EventBridge eventbridge();
    }

    interface EventBridge {
        @WithDefault("switchboard")
        String group();

        /** ARN of the wake-up function the schedules invoke. */
        Optional<String> targetArn();

        /** Role EventBridge Scheduler assumes to invoke the target. */
        Optional<String> roleArn();

        /** SQS queue that receives wake-ups the scheduler could not deliver. */
        Optional<String> deadLetterArn();

        /** Endpoint override (tests against a local emulator). */
        Optional<String> endpoint();

        @WithDefault("us-east-1")
        String region();
    }
}
