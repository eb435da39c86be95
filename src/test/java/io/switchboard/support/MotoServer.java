package io.switchboard.support;

import java.io.File;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * {@code moto_server} on a loopback port: the AWS API emulator the EventBridge Scheduler and SQS
 * adapters are tested against. Missing moto is a test failure, not a skip, because CI must exercise the adapter;
 * pass {@code -Dmoto.skip=true} to skip deliberately on a machine without it.
 */
public final class MotoServer implements AutoCloseable {

    public static final String ACCOUNT = "123456789012";
    private final Process process;
    private final int port;

    private MotoServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static MotoServer start() {
        String command = System.getProperty("moto.command", "moto_server");
        int port = LocalServers.freePort();
        Process process;
        try {
            process = new ProcessBuilder(command, "-H", "127.0.0.1", "-p", Integer.toString(port))
                    .redirectErrorStream(true).redirectOutput(new File("target/moto-" + port + ".log")).start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start " + command + " (Python moto[server]); it is needed to test "
                    + "the EventBridge Scheduler adapter. Install it or run with -Dmoto.skip=true", e);
        }
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return new MotoServer(process, port);
            } catch (Exception notYet) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("moto_server exited at start; see target/moto-" + port + ".log");
                }
                sleep();
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("moto_server did not listen on port " + port + " within 30 s");
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    public SchedulerClient scheduler() {
        return schedulerAt(endpoint());
    }

    /** A real EventBridge Scheduler client for the moto at {@code endpoint}; moto accepts any key. */
    public static SchedulerClient schedulerAt(String endpoint) {
        return SchedulerClient.builder().httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(URI.create(endpoint)).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
    }

    public SqsClient sqs() {
        return SqsClient.builder().httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(URI.create(endpoint())).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
    }

    @Override
    public void close() {
        process.destroy();
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
