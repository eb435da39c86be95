package io.switchboard.function;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import io.switchboard.config.SwitchboardConfig;
import io.switchboard.schedule.DueTimerSweep;
import jakarta.inject.Singleton;

/**
 * Runs the sweep every second inside the process: the local run, and Kubernetes deployments that do
 * not use a CronJob or PingSource. Off unless {@code switchboard.scheduler.local-ticker=true}.
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

        public Disabled(SwitchboardConfig config) {
            this.config = config;
        }

        @Override
        public boolean test(ScheduledExecution execution) {
            return !config.scheduler().localTicker();
        }
    }
}
