package io.switchboard.config;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.quarkus.runtime.StartupEvent;
import io.switchboard.schedule.KubernetesTickerLease;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.UUID;

/**
 * Whether this process may run the one-second ticker now. Locally it always may. The Kubernetes
 * ticker Deployment sets {@code switchboard.scheduler.ticker-lease}: then only while it holds that
 * Lease in its own namespace, under its pod name ({@code POD_NAME}, from the downward API).
 */
@Singleton
public class TickerLeadership {

    private final SwitchboardConfig config;
    private KubernetesClient client;
    private KubernetesTickerLease lease;

    public TickerLeadership(SwitchboardConfig config) {
        this.config = config;
    }

    void start(@Observes StartupEvent started) {
        Optional<String> name = config.scheduler().tickerLease();
        if (config.scheduler().localTicker() && name.isPresent()) {
            client = new KubernetesClientBuilder().build();
            String namespace = Optional.ofNullable(client.getNamespace()).orElse("default");
            String identity = Optional.ofNullable(System.getenv("POD_NAME"))
                    .or(() -> Optional.ofNullable(System.getenv("HOSTNAME"))).orElse("ticker-" + UUID.randomUUID());
            lease = new KubernetesTickerLease(client, namespace, name.get(), identity,
                    KubernetesTickerLease.Timing.KUBERNETES).start();
        }
    }

    public boolean mayTick() {
        return lease == null || lease.isLeading();
    }

    /** On SIGTERM the Lease is released, so the next ticker pod takes over at its next retry (2 s). */
    @PreDestroy
    void stop() {
        if (lease != null) {
            lease.close();
            client.close();
        }
    }
}
