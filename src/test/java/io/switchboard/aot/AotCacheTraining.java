package io.switchboard.aot;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The training run that writes target/quarkus-app/app.aot at package time (the pom's aot profile runs
 * it after the jar is built): the packaged application, on a JDK 25 with {@code -XX:AOTCacheOutput},
 * starts, handles the demo workspace's webhooks (new conversations and replies: the workflow, the
 * DynamoDB client's requests, the sweep ticker) and is stopped; the JVM writes the cache as it exits.
 *
 * <p>It runs the production settings against a DynamoDB Local this process starts in memory, then
 * starts the application once more with {@code -XX:AOTMode=on} (which refuses a cache it cannot use)
 * and times its first webhook. Nothing is left running: the application is stopped by its own process
 * handle, the store with this JVM.
 */
public final class AotCacheTraining {

    static final int CONVERSATIONS = 20;
    static final String SECRET = "demo-channel-secret";

    public static void main(String[] args) throws Exception {
        int status = 1;
        try {
            train();
            status = 0;
        } catch (Exception | AssertionError e) {
            System.err.println("AOT cache training failed: " + e.getMessage());
        }
        // DynamoDB Local's threads are not daemons
        System.exit(status);
    }

    static void train() throws Exception {
        Path app = Path.of(FastStart.JAR).getParent();
        Path cache = app.resolve(FastStart.CACHE);
        Files.deleteIfExists(cache);
        Path java = FastStart.java(System.getProperty("aot.jdk"));
        String profile = System.getProperty("aot.profile", "");
        // the local run's package (-Dlocal) embeds its own DynamoDB Local, on disk: the training lets it, so the
        // store's libraries are in the cache too; every start finds the data the first one seeded
        int storePort = freePort();
        int appStorePort = profile.isBlank() ? storePort : freePort();
        deleteTree(Path.of(LOCAL_DATA));
        DynamoDBProxyServer store = ServerRunner.createServerFromCommandLineArgs(
                new String[] {"-inMemory", "-disableTelemetry", "-port", Integer.toString(storePort)});
        store.start();
        try {
            File log = new File("target/aot-training.log");
            System.out.printf("Training the start-up cache with %s; log in %s%n", java, log);
            // a first start creates the table and seeds the demo workspace, so the recorded start takes the path of
            // every later start (the table there, the workspace seeded: the store's refusals and their exceptions)
            File seedingLog = new File("target/aot-seeding.log");
            Started seeding = start(java, FastStart.OPTIONS, profile, appStorePort, seedingLog);
            try {
                drive(seeding, seedingLog, false);
            } finally {
                stop(seeding);
            }
            List<String> recording = new ArrayList<>(List.of("-XX:AOTCacheOutput=" + cache));
            recording.addAll(FastStart.OPTIONS);
            Started training = start(java, recording, profile, appStorePort, log);
            try {
                drive(training, log, true);
                training.process().destroy(); // SIGTERM: a normal shutdown, at whose end the JVM assembles the cache
                if (!training.process().waitFor(10, TimeUnit.MINUTES)) {
                    throw new IllegalStateException("the training run did not exit within 10 minutes; see " + log);
                }
            } finally {
                stop(training);
            }
            if (!Files.isRegularFile(cache) || Files.size(cache) == 0) {
                throw new IllegalStateException("the training run exited without writing " + cache + "; see " + log);
            }
            Files.writeString(app.resolve(FastStart.CACHE + ".java"), java + "\n");
            // AOTMode=on: a cache this JVM cannot use stops it at once instead of starting slowly without it
            File checkLog = new File("target/aot-check.log");
            List<String> using = new ArrayList<>(List.of("-XX:AOTMode=on"));
            using.addAll(FastStart.runOptions(app));
            long started = System.nanoTime();
            Started check = start(java, using, profile, appStorePort, checkLog);
            try {
                drive(check, checkLog, false);
                System.out.printf("Wrote %s (%d MB); a start with it answered its first webhook after %d ms. Run it "
                        + "from this folder: %s %s -jar %s%n", cache, Files.size(cache) >> 20,
                        (System.nanoTime() - started) / 1_000_000, java, String.join(" ", FastStart.runOptions(app)),
                        FastStart.JAR);
            } finally {
                stop(check);
            }
        } finally {
            store.stop();
        }
    }

    /** The packaged application with its production settings, the store's endpoint and the demo workspace. */
    /** Where the local run's package keeps its embedded store during training. */
    static final String LOCAL_DATA = "target/aot-training-dynamodb";

    static Started start(Path java, List<String> options, String profile, int storePort, File log) throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(java.toString()));
        command.addAll(options);
        if (!profile.isBlank()) {
            // its profile, and its embedded DynamoDB Local on that port (which the endpoint below names)
            command.addAll(List.of("-Dquarkus.profile=" + profile, "-Ddynamodb-local.port=" + storePort,
                    "-Ddynamodb-local.data-dir=" + LOCAL_DATA));
        }
        command.addAll(List.of("-Dquarkus.http.port=" + port, "-Dswitchboard.demo=true",
                "-Dswitchboard.create-table=true", "-Dswitchboard.scheduler.local-ticker=true",
                "-Dswitchboard.admin-token=aot-training-admin-token",
                // the development key of the local and test profiles (application.properties): channels need one
                "-Dswitchboard.secrets-key=ZGV2ZWxvcG1lbnQta2V5LW5vdC1mb3ItcHJvZCEhISE=",
                "-Dquarkus.dynamodb.endpoint-override=http://127.0.0.1:" + storePort,
                "-Dquarkus.dynamodb.aws.credentials.type=static",
                "-Dquarkus.dynamodb.aws.credentials.static-provider.access-key-id=training",
                "-Dquarkus.dynamodb.aws.credentials.static-provider.secret-access-key=training",
                "-jar", FastStart.JAR));
        return new Started(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start(), port);
    }

    record Started(Process process, int port) {
    }

    static void stop(Started app) throws InterruptedException {
        Process process = app.process();
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** The first webhook (retried until the application listens), then conversations opened and answered. */
    static void drive(Started app, File log, boolean training) throws Exception {
        Process process = app.process();
        int port = app.port();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        String base = "http://127.0.0.1:" + port;
        String run = "aot-" + System.currentTimeMillis();
        long giveUp = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the application exited during training; see " + log);
            }
            try {
                if (webhook(http, base, run + "-0", "m-1") / 100 == 2) {
                    break;
                }
            } catch (IOException notListeningYet) {
                // retried below
            }
            if (System.nanoTime() > giveUp) {
                throw new IllegalStateException("the application did not answer its first webhook in 5 minutes; see " + log);
            }
            Thread.sleep(50);
        }
        if (!training) {
            return;
        }
        for (int i = 1; i < CONVERSATIONS; i++) {
            expect2xx(webhook(http, base, run + "-" + i, "m-1"), "a new conversation's webhook", log);
            expect2xx(webhook(http, base, run + "-" + i, "m-2"), "a reply's webhook", log);
        }
        for (String path : List.of("/q/health/ready", "/q/metrics")) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            expect2xx(r.statusCode(), path, log);
        }
        Thread.sleep(2_000); // a couple of the one-second sweeps
    }

    static int webhook(HttpClient http, String base, String contact, String messageId) throws Exception {
        String body = "{\"contact\":{\"id\":\"" + contact + "\",\"name\":\"Ada\"},\"message\":{\"id\":\"" + messageId
                + "\",\"text\":\"Where is my order?\",\"time\":\"2026-11-24T10:00:00Z\"}}";
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/webhooks/custom/demo-channel"))
                .header("Content-Type", "application/json").header("X-Switchboard-Signature", "sha256=" + signature)
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    static void expect2xx(int status, String what, File log) {
        if (status / 100 != 2) {
            throw new IllegalStateException(what + " answered " + status + " during training; see " + log);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
