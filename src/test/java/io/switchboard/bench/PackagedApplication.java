package io.switchboard.bench;

import io.switchboard.aot.FastStart;
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
import java.util.Optional;
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

    /** Which JVM runs the jar, with which options: what a start-up figure is labelled with. */
    record Launch(String label, String java, List<String> options) {

        /** Plain {@code java -jar} on this JVM's JDK (17, the compile target). */
        static Launch plain() {
            return new Launch("java -jar, JDK " + Runtime.version().feature(),
                    System.getProperty("java.home") + "/bin/java", List.of());
        }

        /**
         * What the README runs: the JDK the package step trained the cache with (app.aot.java), the cache
         * and the fast-start options; empty when the package has no cache (-Daot.skip).
         */
        static Optional<Launch> fastStart() throws IOException {
            File java = new File(APP, FastStart.CACHE + ".java");
            if (!java.exists() || !new File(APP, FastStart.CACHE).exists()) {
                return Optional.empty();
            }
            List<String> options = FastStart.runOptions(Path.of(FastStart.JAR).getParent());
            return Optional.of(new Launch(String.join(" ", options) + ", " + Files.readString(java.toPath()).trim(),
                    Files.readString(java.toPath()).trim(), options));
        }

        /** The JDK of {@link #fastStart()} with neither the cache nor the options: what the newer JDK alone gives. */
        Launch withoutOptions() {
            return new Launch("java -jar, " + java, java, List.of());
        }
    }

    /** The application's configuration for the scenario runs: the README's (fast start) when packaged, else plain. */
    static Launch usersLaunch() throws IOException {
        return Launch.fastStart().orElseGet(Launch::plain);
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

    /**
     * Starts the packaged application against {@code store}; {@code launch}'s options and then {@code jvmArgs}
     * (-Xmx..., -Xlog:...) come first.
     */
    static PackagedApplication start(BenchStore store, Launch launch, List<String> jvmArgs, String logName)
            throws IOException {
        if (!JAR.exists()) {
            throw new IllegalStateException(JAR + " is missing: run the benchmark with verify (it packages first)");
        }
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(launch.java());
        command.addAll(launch.options());
        command.addAll(jvmArgs);
        command.addAll(List.of("-Dquarkus.http.port=" + port, "-Dswitchboard.demo=true",
                "-Dswitchboard.create-table=true", "-Dswitchboard.scheduler.local-ticker=true",
                "-Dswitchboard.admin-token=" + ADMIN_TOKEN,
                // the development key of the local and test profiles (application.properties): channels need one
                "-Dswitchboard.secrets-key=ZGV2ZWxvcG1lbnQta2V5LW5vdC1mb3ItcHJvZCEhISE=",
                "-Dquarkus.log.console.json.enabled=false"));
        command.addAll(store.applicationOptions());
        // from the project folder, as the README runs it: the AOT cache records the class path as given
        command.addAll(List.of("-jar", FastStart.JAR));
        File log = new File("target/" + logName + ".log").getAbsoluteFile();
        long started = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
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
