package io.switchboard.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What the Lambda handlers call when an invocation ends: with {@code switchboard.metrics.emf=true}
 * (set by infra/ on every function) the meters that changed are written as CloudWatch EMF lines.
 */
@Singleton
public class LambdaMetrics {

    private final boolean enabled;
    private final EmfMetrics emf;

    public LambdaMetrics(MeterRegistry registry, ObjectMapper json, Clock clock,
            @ConfigProperty(name = "switchboard.metrics.emf", defaultValue = "false") boolean enabled,
            @ConfigProperty(name = "switchboard.metrics.namespace", defaultValue = "Switchboard") String namespace) {
        this.enabled = enabled;
        // straight to standard output, not through the log: the Lambda agent reads EMF from raw lines
        this.emf = new EmfMetrics(registry, json, namespace, clock, System.out::println);
    }

    public void invocationEnded() {
        if (enabled) {
            emf.flush();
        }
    }
}
