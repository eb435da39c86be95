package io.switchboard.aot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The package step finds the JDK 25 that trains the start-up cache, or says where it looked and what to do. */
class FastStartTest {

    @TempDir
    Path jvms;

    Path jdk(String name, String version) throws Exception {
        Path home = Files.createDirectories(jvms.resolve(name));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Eclipse Adoptium\"\nJAVA_VERSION=\"" + version + "\"\n");
        Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\n");
        java.toFile().setExecutable(true);
        return home;
    }

    @Test
    void picksTheFirstJdk25AmongInstalledJdks() throws Exception {
        jdk("java-17-openjdk-amd64", "17.0.15");
        Path temurin = jdk("temurin-25-jdk-amd64", "25.0.3");
        assertEquals(temurin.resolve("bin/java"), FastStart.java("", List.of(jvms)));
    }

    @Test
    void noJdk25FailsNamingWhereItLookedAndHowToPackageWithout() throws Exception {
        jdk("java-17-openjdk-amd64", "17.0.15");
        var e = assertThrows(IllegalStateException.class, () -> FastStart.java(null, List.of(jvms, jvms.resolve("none"))));
        assertTrue(e.getMessage().contains("java-17-openjdk-amd64"), e.getMessage());
        assertTrue(e.getMessage().contains("-Daot.jdk=") && e.getMessage().contains("-Daot.skip"), e.getMessage());
    }

    @Test
    void aConfiguredJdkOlderThan25IsRefused() throws Exception {
        Path jdk17 = jdk("java-17-openjdk-amd64", "17.0.15");
        var e = assertThrows(IllegalStateException.class, () -> FastStart.java(jdk17.toString(), List.of()));
        assertTrue(e.getMessage().contains(jdk17.toString()), e.getMessage());
        assertEquals(jdk("jdk-26", "26").resolve("bin/java"), FastStart.java(jvms.resolve("jdk-26").toString(), List.of()));
    }
}
