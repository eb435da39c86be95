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

    /**
     * How a wake-up writes: {@code commit} works out its harmless steps first and writes their assignment
     * and comments with the run in one transaction (the transaction's doubled write units);
     * {@code effects-first} runs the same steps first, each writing its effect itself (keyed, an assignment
     * only if the contact is still as read), then writes the run at the version read (one request per item,
     * plain write units); {@code claim} claims the run before its first step and writes each effect on its
     * own (a write more).
     */
    @WithDefault("commit")
    WakeUpWrites wakeUpWrites();

    enum WakeUpWrites { COMMIT, EFFECTS_FIRST, CLAIM }

    /** Secret for the admin API that creates workspaces; the admin API is off when unset. */
    Optional<String> adminToken();

    /**
     * Token the wake-up and sweep functions require on the HTTP port ({@code Authorization: Bearer ...});
     * unset, they are not served there at all. Lambda invokes them directly and needs none.
     */
    Optional<String> internalToken();

    /** Seed a demo workspace at start (local runs only). */
    @WithDefault("false")
    boolean demo();

    /**
     * AES key (base64, 128 or 256 bits) sealing channel credentials in the table; platform channels
     * cannot be connected or used without it. Generate one with {@code openssl rand -base64 32}.
     */
    Optional<String> secretsKey();

    /**
     * The public base URL platforms call, such as {@code https://switchboard.example.com}: Twilio signs
     * the exact URL it called, so its webhooks are checked against {@code <public-url>/webhooks/twilio/<id>}
     * unless the channel has its own {@code publicUrl}.
     */
    Optional<String> publicUrl();

    /**
     * How long messages are kept (an ISO-8601 duration such as P400D); unset keeps them. Never shorter
     * than 8 days: the message is the record that makes a platform's retried webhook a no-op.
     */
    Optional<Duration> messageRetention();

    Platforms platforms();

    GoogleSheets googleSheets();

    /** Where the Google Sheets API is (tests point it at a local server), and how patiently we call it. */
    interface GoogleSheets {
        @WithDefault("https://sheets.googleapis.com")
        String baseUrl();

        /** Time limit of one append call. */
        @WithDefault("PT10S")
        Duration timeout();

        /** Attempts of one append, repeated only when Google surely did not take it (429, no connection). */
        @WithDefault("3")
        int attempts();
    }

    Scheduler scheduler();

    /** Where the platforms' send APIs are, and how patiently we call them. */
    interface Platforms {
        @WithDefault("https://graph.facebook.com")
        String graphUrl();

        /** Graph API version when a channel names none. */
        @WithDefault("v21.0")
        String graphVersion();

        @WithDefault("https://api.telegram.org")
        String telegramUrl();

        @WithDefault("https://api.line.me")
        String lineUrl();

        @WithDefault("https://chatapi.viber.com")
        String viberUrl();

        @WithDefault("https://api.twilio.com")
        String twilioUrl();

        /** Time limit of one call to a platform. */
        @WithDefault("PT10S")
        Duration sendTimeout();

        /** Attempts of one send, when a retry is safe (429; 5xx only with an idempotency key). */
        @WithDefault("3")
        int sendAttempts();

        /** Longest Retry-After we wait for inside an API call; a longer one is reported instead. */
        @WithDefault("PT5S")
        Duration maxRetryWait();
    }

    interface Scheduler {
        /**
         * {@code sweep}: the due-timer index alone; {@code eventbridge}: one EventBridge schedule per wait;
         * {@code sqs}: the per-minute sweep hands each wake-up to an SQS queue with the remaining delay.
         */
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

        Sqs sqs();

        /**
         * Name of the Kubernetes Lease the ticker must hold before it sweeps (the Kubernetes ticker
         * Deployment); unset: the ticker, when on, sweeps without asking anyone.
         */
        Optional<String> tickerLease();
    }

    /** The queue of the two-stage AWS wake-up ({@code switchboard.scheduler.adapter=sqs}). */
    interface Sqs {
        /** URL of the wake-up queue. */
        Optional<String> queueUrl();

        /** Endpoint override (tests against a local emulator). */
        Optional<String> endpoint();

        @WithDefault("us-east-1")
        String region();

        /**
         * The shortest wait the queue alone times, with no due entry (waits up to SQS's 15 minutes); a value
         * above PT15M keeps every wait in the due index.
         */
        @WithDefault("PT1M")
        java.time.Duration minHeld();
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
