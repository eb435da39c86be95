package io.switchboard.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two ticker pods competing for the Lease, against a Kubernetes API server that stores Leases
 * (the client library's mock server in CRUD mode), with short lease timings.
 */
class KubernetesTickerLeaseTest {

    static final KubernetesTickerLease.Timing FAST = new KubernetesTickerLease.Timing(Duration.ofSeconds(4),
            Duration.ofSeconds(3), Duration.ofMillis(300));

    KubernetesMockServer server;
    KubernetesClient client;

    @BeforeEach
    void startApiServer() {
        server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher(), false);
        server.init();
        client = server.createClient();
    }

    @AfterEach
    void stopApiServer() {
        client.close();
        server.destroy();
    }

    @Test
    void exactlyOneTickerSweepsAndTheOtherTakesOverWhenItStops() {
        var first = new KubernetesTickerLease(client, "switchboard", "switchboard-ticker", "ticker-a", FAST).start();
        awaitTrue(first::isLeading, "the first ticker takes the free Lease");
        var second = new KubernetesTickerLease(client, "switchboard", "switchboard-ticker", "ticker-b", FAST).start();
        try {
            for (int i = 0; i < 10; i++) {
                assertEquals(List.of(true, false), List.of(first.isLeading(), second.isLeading()), "only one sweeps");
                pause(150);
            }
            Lease lease = client.leases().inNamespace("switchboard").withName("switchboard-ticker").get();
            assertEquals("ticker-a", lease.getSpec().getHolderIdentity());

            first.close();

            awaitTrue(second::isLeading, "the second takes over once the first released the Lease");
            assertFalse(first.isLeading());
            assertEquals("ticker-b", client.leases().inNamespace("switchboard").withName("switchboard-ticker").get()
                    .getSpec().getHolderIdentity());
        } finally {
            first.close();
            second.close();
        }
    }

    private static void awaitTrue(BooleanSupplier condition, String what) {
        Instant deadline = Instant.now().plusSeconds(10);
        while (!condition.getAsBoolean()) {
            assertTrue(Instant.now().isBefore(deadline), "not within 10 s: " + what);
            pause(50);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
