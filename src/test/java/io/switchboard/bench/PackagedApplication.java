package io.switchboard.bench;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The jar {@code ./mvnw -Dbenchmark package} builds (target/quarkus-app: the local run's, so it can
 * also open DynamoDB Local in its own process), started as its own process, as the *IT tier starts
 * it: real time, the one-second local sweep ticker on, the production profile with only the store
 * ({@link BenchStore#applicationOptions()}) and the operator tokens set.
 */
final class PackagedApplication implements AutoCloseable {

    static final String ADMIN_TOKEN = "bench-admin-token-0123456789";
    static final File APP = new File("target/quarkus-app").getAbsoluteFile();
    static final File JAR = new File(APP, "quarkus-run.jar");
    /** Written by {@code quarkus.package.jar.appcds.enabled=true} (the benchmark profile sets it). */
    static final File APP_CDS = new File(APP, "app-cds.jsa");
    /**
     * The start-up options the README recommends where start time matters: the AppCDS archive (when
     * packaged), C1 only (no C2 compiler threads competing with start-up on two cores) and the serial
     * collector (one core's worth of heap work, no G1 threads).
     */
    static List<String> fastStartOptions() {
        List<String> options = new ArrayList<>();
        if (APP_CDS.exists()) {
            options.add("-XX:SharedArchiveFile=" + APP_CDS.getName());
        }
        options.add("-XX:TieredStopAtLevel=1");
        options.add("-XX:+UseSerialGC");
        return options;
    }

    final int port;
    final long startedNanos;
    private final Process process;
    private final File log;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private PackagedApplication(int port, Process process, File log, long startedNanos) {
        this.port = port;
        this.process = process;
        this.log = log;
        this.startedNanos = startedNanos;
    }

    /** Starts the packaged application; {@code jvmArgs} come first (-Xmx..., -Xlog:..., -XX:SharedArchiveFile=...). */
    static PackagedApplication start(BenchStore store, List<String> jvmArgs, String logName) throws IOException {
        if (!JAR.exists()) {
            throw new IllegalStateException(JAR + " is missing: run the benchmark with verify (it packages first)");
        }
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(System.getProperty("java.home") + "/bin/java");
        command.addAll(jvmArgs);
        command.addAll(List.of("-Dquarkus.http.port=" + port, "-Dswitchboard.demo=true",
                "-Dswitchboard.create-table=true", "-Dswitchboard.scheduler.local-ticker=true",
                "-Dswitchboard.admin-token=" + ADMIN_TOKEN,
                // the development key of the local and test profiles (application.properties): channels need one
                "-Dswitchboard.secrets-key=ZGV2ZWxvcG1lbnQta2V5LW5vdC1mb3ItcHJvZCEhISE=",
                "-Dquarkus.log.console.json.enabled=false"));
        command.addAll(store.applicationOptions());
        command.addAll(List.of(
                // from its own folder, as the container image runs it: the AppCDS archive records the class path as given
                "-jar", JAR.getName()));
        File log = new File("target/" + logName + ".log").getAbsoluteFile();
        long started = System.nanoTime();
        Process p = new ProcessBuilder(command).directory(APP).redirectErrorStream(true).redirectOutput(log).start();
        return new PackagedApplication(port, p, log, started);
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    /**
     * Sends {@code request} until the application answers with a status {@code accepted} takes, and
     * returns the milliseconds from the process start to that answer.
     */
    long awaitFirst(HttpRequest request, Predicate<Integer> accepted) throws Exception {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the application exited; see " + log);
            }
            try {
                HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (accepted.test(r.statusCode())) {
                    return (System.nanoTime() - startedNanos) / 1_000_000;
                }
            } catch (IOException notUpYet) {
                // not listening yet
            }
            if (System.nanoTime() > giveUp) {
                throw new IllegalStateException("the application did not answer within 120 s; see " + log);
            }
            Thread.sleep(10);
        }
    }

    /** Its Prometheus meters, each series (name with labels) to its value. */
    Map<String, Double> metrics() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base() + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        Map<String, Double> out = new HashMap<>();
        for (String line : r.body().split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            try {
                out.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
            } catch (NumberFormatException ignored) {
                // NaN and the like
            }
        }
        return out;
    }

    /** The sum of the series whose name (with labels) starts with {@code name} and contains every {@code label}. */
    static double sum(Map<String, Double> metrics, String name, String... labels) {
        double total = 0;
        outer:
        for (var e : metrics.entrySet()) {
            String key = e.getKey();
            if (!key.startsWith(name + "{") && !key.equals(name)) {
                continue;
            }
            for (String label : labels) {
                if (!key.contains(label)) {
                    continue outer;
                }
            }
            total += e.getValue();
        }
        return total;
    }

    /** The processor time (user + system) the process has used so far, in ms; -1 where /proc is missing. */
    long cpuMillis() {
        try {
            String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields 14 and 15 of stat (utime, stime) in clock ticks of 1/100 s; f[0] is field 3
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The operating system's peak resident set of the process (VmHWM), in kB; -1 where /proc is missing. */
    long peakRssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
