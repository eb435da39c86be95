package io.switchboard.schedule;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The Kubernetes ticker sweeps only while it holds a {@code coordination.k8s.io} Lease, so that two
 * ticker pods (a rolling update, a node that lost touch) never both drive the one-second sweep. The
 * client library's leader elector renews the Lease; a pod that stops releases it, so its successor
 * takes over within one retry period; one that dies keeps it until it lapses ({@code leaseDuration}).
 * Two sweeps at once would still resume each run once (claims are conditional writes): the Lease
 * saves the duplicate reads, it does not guard correctness.
 */
public final class KubernetesTickerLease implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(KubernetesTickerLease.class.getName());

    private final KubernetesClient client;
    private final LeaseLock lock;
    private final String name;
    private final Timing timing;
    private final AtomicBoolean leading = new AtomicBoolean();
    private volatile boolean closed;
    private volatile CompletableFuture<?> election;

    /** How long a Lease holds, how long its holder keeps trying to renew it, how often everyone asks. */
    public record Timing(Duration leaseDuration, Duration renewDeadline, Duration retryPeriod) {
        /** The values Kubernetes' own controllers use. */
        public static final Timing KUBERNETES = new Timing(Duration.ofSeconds(15), Duration.ofSeconds(10),
                Duration.ofSeconds(2));
    }

    public KubernetesTickerLease(KubernetesClient client, String namespace, String name, String identity, Timing timing) {
        this.client = client;
        this.lock = new LeaseLock(namespace, name, identity);
        this.name = name;
        this.timing = timing;
    }

    /** Competes for the Lease in the background until {@link #close()}; after losing it, competes again. */
    public KubernetesTickerLease start() {
        if (closed) {
            return this;
        }
        election = client.leaderElector().withConfig(new LeaderElectionConfigBuilder()
                .withName(name).withLock(lock)
                .withLeaseDuration(timing.leaseDuration()).withRenewDeadline(timing.renewDeadline())
                .withRetryPeriod(timing.retryPeriod())
                .withReleaseOnCancel(true)
                .withLeaderCallbacks(new LeaderCallbacks(
                        () -> {
                            leading.set(true);
                            LOG.log(System.Logger.Level.INFO, "holding Lease {0}: this pod sweeps", name);
                        },
                        () -> leading.set(false),
                        holder -> LOG.log(System.Logger.Level.INFO, "Lease {0} is held by {1}", name, holder)))
                .build()).build().start();
        election.whenComplete((ignored, failure) -> {
            leading.set(false);
            if (!closed) {
                start();
            }
        });
        return this;
    }

    /** True while this process holds the Lease (and so may sweep). */
    public boolean isLeading() {
        return leading.get();
    }

    /** Stops competing and releases the Lease, so another ticker takes over without waiting for it to lapse. */
    @Override
    public void close() {
        closed = true;
        leading.set(false);
        CompletableFuture<?> running = election;
        if (running != null) {
            running.cancel(true);
        }
    }
}
