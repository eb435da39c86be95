package io.switchboard.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.channel.CredentialCipher;
import io.switchboard.channel.PlatformHttp;
import io.switchboard.document.WorkflowParser;
import io.switchboard.document.WorkflowLibrary;
import io.switchboard.document.WorkflowSchema;
import io.switchboard.engine.step.StepTypes;
import io.switchboard.template.TemplateInstaller;
import io.switchboard.channel.ChannelConnections;
import io.switchboard.engine.RunTriggers;
import io.switchboard.inbox.ConversationIndex;
import io.switchboard.inbox.InboxActions;
import io.switchboard.engine.IncomingWebhooks;
import io.switchboard.engine.Shortcuts;
import io.switchboard.engine.run.RunEngine;
import io.switchboard.engine.run.WakeUpScheduler;
import io.switchboard.engine.step.InboxPorts;
import io.switchboard.inbox.Outbox;
import io.switchboard.inbox.RecentDirectory;
import io.switchboard.ops.MeteredSenders;
import io.switchboard.ops.RunLogContext;
import io.switchboard.ops.RunMetrics;
import io.switchboard.ops.RunObservers;
import io.switchboard.outbound.ChatCompletionsModel;
import io.switchboard.outbound.OutboundHttpCalls;
import io.switchboard.store.StoreOutages;
import io.switchboard.outbound.sheets.GoogleServiceAccounts;
import io.switchboard.outbound.sheets.GoogleSheetsAppender;
import io.switchboard.schedule.DueIndexScheduler;
import io.switchboard.schedule.DueTimerSweep;
import io.switchboard.schedule.EventBridgeWakeUpScheduler;
import io.switchboard.schedule.SqsWakeUpQueue;
import io.switchboard.schedule.TwoStageWakeUps;
import io.switchboard.store.DynamoAiSettingsStore;
import io.switchboard.store.DynamoArrivalReads;
import io.switchboard.outbound.AiModelSettings;
import io.switchboard.workspace.AiSettingsStore;
import io.switchboard.store.DynamoCommentStore;
import io.switchboard.store.DynamoContactStore;
import io.switchboard.store.DynamoConversationIndex;
import io.switchboard.store.DynamoDirectoryStore;
import io.switchboard.store.DynamoSegmentCommits;
import io.switchboard.store.DynamoEffectClaims;
import io.switchboard.store.DynamoMessageStore;
import io.switchboard.store.DynamoRunStore;
import io.switchboard.store.DynamoWebhookSecrets;
import io.switchboard.inbound.WebhookSecretKeeper;
import io.switchboard.inbound.WebhookSecrets;
import io.switchboard.store.DynamoWorkflowStore;
import io.switchboard.store.DynamoWorkspaceStore;
import io.switchboard.store.Table;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Builds the engine and its adapters from configuration. The only place that knows which adapter runs. */
@ApplicationScoped
public class Wiring {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    ChannelConnections channelConnections(Stores stores, PlatformChannels platforms, SwitchboardConfig config,
            Clock clock) {
        return new ChannelConnections(stores.workspaces(), platforms, config.secretsKey().map(CredentialCipher::new),
                clock);
    }

    @Produces
    @Singleton
    WebhookSecretKeeper webhookSecretKeeper(WorkflowLibrary workflows, WebhookSecrets secrets, SwitchboardConfig config,
            Clock clock) {
        return new WebhookSecretKeeper(workflows, secrets, config.secretsKey().map(CredentialCipher::new), clock);
    }

    @Produces
    @Singleton
    AiModelSettings aiModelSettings(AiSettingsStore settings, SwitchboardConfig config) {
        return new AiModelSettings(settings, config.secretsKey().map(CredentialCipher::new));
    }

    /** The step types this deployment runs: the parser, the served schema and the engine all use these. */
    @Produces
    @Singleton
    StepTypes stepTypes() {
        return StepTypes.STANDARD;
    }

    @Produces
    @Singleton
    WorkflowSchema workflowSchema(StepTypes types) {
        return new WorkflowSchema(types);
    }

    @Produces
    @Singleton
    WorkflowParser workflowParser(WorkflowSchema schema, StepTypes types) {
        return new WorkflowParser(schema, types);
    }

    @Produces
    @Singleton
    WorkflowLibrary workflowLibrary(Stores stores, WorkflowParser parser, StepTypes types, Clock clock) {
        return new WorkflowLibrary(stores.workflows(), parser, types, clock, (ws, channelId) -> stores.workspaces()
                .channel(channelId).filter(c -> c.workspaceId().equals(ws)).map(io.switchboard.workspace.Channel::type));
    }

    @Produces
    @Singleton
    TemplateInstaller templateInstaller(WorkflowLibrary library, WorkflowParser parser, Stores stores, ObjectMapper json) {
        return new TemplateInstaller(library, parser, stores.directory(), json);
    }

    /** The workspace-wide conversation lists the run inspector reads (the byConversation index). */
    @Produces
    @Singleton
    ConversationIndex conversationIndex(DynamoDbClient db, SwitchboardConfig config, ObjectMapper json, Stores stores) {
        return new DynamoConversationIndex(db, config.table(), json); // after stores(): the table exists
    }

    @Produces
    @Singleton
    Stores stores(DynamoDbClient db, SwitchboardConfig config, ObjectMapper json, WorkflowParser parser, Clock clock) {
        String table = config.table();
        if (config.createTable()) {
            Table.createIfMissing(db, table);
        }
        var contacts = new DynamoContactStore(db, table);
        var comments = new DynamoCommentStore(db, table);
        var runs = new DynamoRunStore(db, table, json, config.dueShards());
        return new Stores(contacts, new DynamoMessageStore(db, table, clock, config.messageRetention()),
                comments, new RecentDirectory(new DynamoDirectoryStore(db, table, json)), runs,
                new DynamoWorkflowStore(db, table, json, parser),
                new io.switchboard.workspace.RecentWorkspaces(new DynamoWorkspaceStore(db, table)),
                new DynamoSegmentCommits(db, runs, contacts, comments));
    }

    @Produces
    @Singleton
    WakeUpScheduler wakeUpScheduler(SwitchboardConfig config, Stores stores, Clock clock) {
        SwitchboardConfig.Scheduler s = config.scheduler();
        return switch (s.adapter()) {
            case "sweep" -> new DueIndexScheduler();
            case "eventbridge" -> {
                SwitchboardConfig.EventBridge eb = s.eventbridge();
                var builder = SchedulerClient.builder().httpClient(UrlConnectionHttpClient.create())
                        .region(Region.of(eb.region()));
                eb.endpoint().ifPresent(e -> builder.endpointOverride(URI.create(e)));
                yield new EventBridgeWakeUpScheduler(builder.build(), eb.group(),
                        required(eb.targetArn(), "switchboard.scheduler.eventbridge.target-arn"),
                        required(eb.roleArn(), "switchboard.scheduler.eventbridge.role-arn"),
                        required(eb.deadLetterArn(), "switchboard.scheduler.eventbridge.dead-letter-arn"));
            }
            case "sqs" -> new TwoStageWakeUps(stores.runs(), sqsWakeUpQueue(s.sqs(), clock), clock, s.sqs().minHeld());
            default -> throw new IllegalStateException("switchboard.scheduler.adapter must be sweep, eventbridge or sqs, not "
                    + s.adapter());
        };
    }

    private static SqsWakeUpQueue sqsWakeUpQueue(SwitchboardConfig.Sqs sqs, Clock clock) {
        var builder = SqsClient.builder().httpClient(UrlConnectionHttpClient.create()).region(Region.of(sqs.region()));
        sqs.endpoint().ifPresent(e -> builder.endpointOverride(URI.create(e)));
        return new SqsWakeUpQueue(builder.build(), sqs.queueUrl().orElseThrow(() -> new IllegalStateException(
                "switchboard.scheduler.sqs.queue-url must be set for the sqs scheduler")), clock);
    }

    @Produces
    @Singleton
    RunEngine runEngine(Stores stores, WakeUpScheduler scheduler, Clock clock, SwitchboardConfig config,
            PlatformChannels platforms, ObjectMapper json, AiSettingsStore aiSettings, DynamoDbClient db,
            GoogleServiceAccounts googleAccounts, StepTypes types, MeterRegistry meters) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(java.time.Duration.ofSeconds(10)).build();
        RunEngine engine = new RunEngine(stores.workflows(), stores.runs(), scheduler,
                new InboxPorts(stores.contacts(), stores.directory(), stores.comments(),
                        new Outbox(stores.contacts(), stores.messages(), new MeteredSenders(platforms, meters), clock),
                        new OutboundHttpCalls(json, stores.workspaces()::allowsPrivateHttpTargets),
                        stores.messages(),
                        new ChatCompletionsModel(new PlatformHttp(http, java.time.Duration.ofSeconds(60), 3,
                                java.time.Duration.ofSeconds(5)), json, aiSettings,
                                config.secretsKey().map(CredentialCipher::new),
                                stores.workspaces()::allowsPrivateHttpTargets),
                        googleSheets(config, json, googleAccounts), new DynamoEffectClaims(db, config.table())),
                clock, config.lease(), types, new RunObservers(new RunLogContext(), new RunMetrics(meters)))
                .recognisingStoreOutages(StoreOutages::isOutage);
        return switch (config.wakeUpWrites()) {
            case COMMIT -> engine.committingWakeUpsWith(stores.commits());
            case EFFECTS_FIRST -> engine.writingWakeUpEffectsFirst(stores.commits());
            case CLAIM -> engine;
        };
    }

    @Produces
    @Singleton
    GoogleServiceAccounts googleServiceAccounts(Stores stores, SwitchboardConfig config, ObjectMapper json) {
        return new GoogleServiceAccounts(stores.workspaces(), config.secretsKey().map(CredentialCipher::new), json);
    }

    private static GoogleSheetsAppender googleSheets(SwitchboardConfig config, ObjectMapper json,
            GoogleServiceAccounts accounts) {
        SwitchboardConfig.GoogleSheets g = config.googleSheets();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(g.timeout()).build();
        return new GoogleSheetsAppender(accounts, new PlatformHttp(client, g.timeout(), g.attempts(),
                config.platforms().maxRetryWait()), json, g.baseUrl());
    }

    @Produces
    @Singleton
    AiSettingsStore aiSettings(DynamoDbClient db, SwitchboardConfig config) {
        return new DynamoAiSettingsStore(db, config.table());
    }

    @Produces
    @Singleton
    InboxActions inboxActions(Stores stores, RunEngine engine, Clock clock, PlatformChannels platforms,
            MeterRegistry meters, DynamoDbClient db, SwitchboardConfig config) {
        return new InboxActions(stores.contacts(), stores.messages(), new RunTriggers(engine), clock,
                new MeteredSenders(platforms, meters), new DynamoArrivalReads(db, config.table()));
    }

    @Produces
    @Singleton
    PlatformChannels platformChannels(Stores stores, SwitchboardConfig config, ObjectMapper json) {
        SwitchboardConfig.Platforms p = config.platforms();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(p.sendTimeout()).build();
        return new PlatformChannels(stores.workspaces(), config.secretsKey().map(CredentialCipher::new), json,
                new PlatformHttp(client, p.sendTimeout(), p.sendAttempts(), p.maxRetryWait()), p, config.publicUrl());
    }

    @Produces
    @Singleton
    SweepPool sweepPool(SwitchboardConfig config) {
        return new SweepPool(Executors.newFixedThreadPool(config.scheduler().sweepThreads()));
    }

    void closePool(@Disposes SweepPool pool) {
        pool.executor().shutdownNow();
    }

    @Produces
    @Singleton
    DueTimerSweep sweep(Stores stores, RunEngine engine, Clock clock, SwitchboardConfig config, SweepPool pool) {
        return new DueTimerSweep(stores.runs(), engine, clock, config.scheduler().sweepBatch(), pool.executor());
    }

    @Produces
    @Singleton
    WebhookSecrets webhookSecrets(DynamoDbClient db, SwitchboardConfig config) {
        return new DynamoWebhookSecrets(db, config.table());
    }

    @Produces
    @Singleton
    IncomingWebhooks incomingWebhooks(Stores stores, RunEngine engine, Clock clock) {
        return new IncomingWebhooks(stores.workflows(), stores.contacts(), stores.runs(), engine, clock);
    }

    @Produces
    @Singleton
    Shortcuts shortcuts(Stores stores, RunEngine engine, Clock clock) {
        return new Shortcuts(stores.workflows(), stores.contacts(), stores.directory(), stores.runs(), engine, clock);
    }

    /** The threads the sweep resumes runs on. */
    public record SweepPool(ExecutorService executor) {
    }

    private static String required(java.util.Optional<String> value, String name) {
        return value.orElseThrow(() -> new IllegalStateException(name + " must be set for the eventbridge scheduler"));
    }
}
