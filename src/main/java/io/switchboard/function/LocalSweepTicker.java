package io.switchboard.function;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import io.switchboard.config.SwitchboardConfig;
import io.switchboard.config.TickerLeadership;
import io.switchboard.schedule.DueTimerSweep;
import jakarta.inject.Singleton;

/**
 * Runs the sweep every second inside the process: the local run, and the Kubernetes ticker
 * Deployment (which sweeps only while it holds its Lease, see {@link TickerLeadership}). Off unless
 * {@code switchboard.scheduler.local-ticker=true}.
 */
@Singleton
public class LocalSweepTicker {

    private final DueTimerSweep sweep;

    public LocalSweepTicker(DueTimerSweep sweep) {
        this.sweep = sweep;
    }

    @Scheduled(every = "1s", skipExecutionIf = Disabled.class,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        sweep.sweep();
    }

    @Singleton
    public static class Disabled implements Scheduled.SkipPredicate {
        private final SwitchboardConfig config;
        private final TickerLeadership leadership;

        public Disabled(SwitchboardConfig config, TickerLeadership leadership) {
            this.config = config;
            this.leadership = leadership;
        }

        @Override
        public boolean test(ScheduledExecution execution) {
            return !config.scheduler().localTicker() || !leadership.mayTick();
        }
    }
}
