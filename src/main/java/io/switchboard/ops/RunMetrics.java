package io.switchboard.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.switchboard.engine.run.Run;
import io.switchboard.engine.run.RunObserver;
import java.time.Duration;

/**
 * The engine's meters. Tags stay low-cardinality: a workflow id, a step type, a status or an
 * outcome word; never a contact, run or conversation id.
 */
public final class RunMetrics implements RunObserver {

    private final MeterRegistry registry;
    private final Timer lateness;

    public RunMetrics(MeterRegistry registry) {
        this.registry = registry;
        // a histogram, so that an alarm or a dashboard can read p99 lateness across every process
        this.lateness = Timer.builder("switchboard.wakeup.lateness")
                .description("How long after its due time a waiting run woke up")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofHours(1))
                .register(registry);
    }

    @Override
    public void runStarted(Run run) {
        counter("switchboard.runs.started", "Runs started", "workflow", run.workflowId()).increment();
    }

    @Override
    public void runFinished(Run run) {
        Counter.builder("switchboard.runs.finished").description("Runs that completed or failed")
                .tag("workflow", run.workflowId()).tag("status", run.status().wireName())
                .register(registry).increment();
    }

    @Override
    public void runQueued(Run run) {
        counter("switchboard.runs.queued", "Runs whose assignment found nobody eligible and queued the contact",
                "workflow", run.workflowId()).increment();
    }

    @Override
    public void stepRan(Run run, String stepType, StepOutcome outcome, Duration took) {
        Timer.builder("switchboard.steps").description("Steps executed, by type and outcome")
                .tag("type", stepType).tag("outcome", outcome.tag())
                .register(registry).record(took);
    }

    @Override
    public void wokeUp(Run run, Duration lateness) {
        this.lateness.record(lateness.isNegative() ? Duration.ZERO : lateness);
    }

    private Counter counter(String name, String description, String tag, String value) {
        return Counter.builder(name).description(description).tag(tag, value).register(registry);
    }
}
