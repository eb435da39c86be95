package io.switchboard.aot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The fast start of the packaged application: a JDK 25 running it with the AOT cache the package step
 * trained (JEP 483/514/515: classes loaded and linked, method profiles), C1 only and the serial collector
 * (no C2 or G1 threads competing with start-up on two cores), and the heap capped where the N=5,000
 * benchmark measured it enough. Java 17 stays the compile target: running on JDK 25 is a deployment choice.
 */
public final class FastStart {

    /** The cache file, beside quarkus-run.jar. */
    public static final String CACHE = "app.aot";
    /** The jar as the cache records it: the JVM checks the class path string, so it is always started so. */
    public static final String JAR = "target/quarkus-app/quarkus-run.jar";

    /** The options besides the cache; the training run uses the same, so the cache matches the runs it serves. */
    public static final List<String> OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx200m");

    private FastStart() {
    }

    /** The options of a run that uses the cache in {@code appDir} (target/quarkus-app). */
    public static List<String> runOptions(Path appDir) {
        List<String> options = new ArrayList<>();
        options.add("-XX:AOTCache=" + appDir.resolve(CACHE));
        options.addAll(OPTIONS);
        return options;
    }

    /**
     * The java executable of a JDK 25 or newer: {@code configured} (a JDK home, from -Daot.jdk) when
     * given, else the first JDK 25+ under /usr/lib/jvm or /opt/java. Fails saying where it looked.
     */
    public static Path java(String configured) throws IOException {
        return java(configured, List.of(Path.of("/usr/lib/jvm"), Path.of("/opt/java")));
    }

    static Path java(String configured, List<Path> parents) throws IOException {
        if (configured != null && !configured.isBlank()) {
            Path home = Path.of(configured);
            if (feature(home).orElse(0) < 25) {
                throw new IllegalStateException("-Daot.jdk=" + configured + " is not a JDK 25 or newer (no release "
                        + "file saying JAVA_VERSION=\"25...\" there)");
            }
            return home.resolve("bin/java");
        }
        List<Path> looked = new ArrayList<>();
        for (Path dir : parents) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> homes = Files.list(dir)) {
                for (Path home : homes.sorted().toList()) {
                    looked.add(home);
                    if (feature(home).orElse(0) >= 25 && Files.isExecutable(home.resolve("bin/java"))) {
                        return home.resolve("bin/java");
                    }
                }
            }
        }
        throw new IllegalStateException("No JDK 25 or newer found (looked at " + looked + "). The start-up cache is "
                + "trained with one: install a JDK 25 and pass -Daot.jdk=<its home>, or package without the cache "
                + "with -Daot.skip (and run the jar with plain java -jar).");
    }

    /** The feature release a JDK home's release file names (25 for JAVA_VERSION="25.0.3"). */
    static Optional<Integer> feature(Path home) throws IOException {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release)) {
            return Optional.empty();
        }
        for (String line : Files.readAllLines(release)) {
            if (line.startsWith("JAVA_VERSION=")) {
                String v = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                String major = v.split("[.+-]")[0];
                try {
                    return Optional.of(Integer.parseInt(major));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
