package io.switchboard.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The same meters as /q/metrics, for Lambda, where nothing scrapes a process that is frozen between
 * invocations: after each invocation the Lambda handlers call {@link #flush()}, which writes what
 * changed since the last flush as CloudWatch Embedded Metric Format lines to standard output. The
 * Lambda log agent turns each line into CloudWatch metrics (no PutMetricData calls, no extra IAM).
 *
 * <p>Each meter is published under all its tags and under each tag alone, so that an alarm can watch
 * {@code switchboard.runs.finished} with {@code status=failed} across every workflow. A counter is its
 * increase; a timer its count, its sum and its maximum in milliseconds.
 */
public final class EmfMetrics {

    private static final String PREFIX = "switchboard.";

    private final MeterRegistry registry;
    private final ObjectMapper json;
    private final String namespace;
    private final Clock clock;
    private final Consumer<String> out;
    private final Map<Meter.Id, double[]> flushed = new HashMap<>();

    public EmfMetrics(MeterRegistry registry, ObjectMapper json, String namespace, Clock clock, Consumer<String> out) {
        this.registry = registry;
        this.json = json;
        this.namespace = namespace;
        this.clock = clock;
        this.out = out;
    }

    /** Writes one EMF line per meter that changed since the last flush. */
    public synchronized void flush() {
        for (Meter meter : registry.getMeters()) {
            if (!meter.getId().getName().startsWith(PREFIX)) {
                continue; // JVM and framework gauges: Lambda reports its own memory and duration
            }
            if (meter instanceof Counter counter) {
                double[] last = flushed.getOrDefault(meter.getId(), new double[] {0});
                double delta = counter.count() - last[0];
                if (delta > 0) {
                    write(meter.getId(), Map.of(meter.getId().getName(), new Value(delta, "Count")));
                    flushed.put(meter.getId(), new double[] {counter.count()});
                }
            } else if (meter instanceof Timer timer) {
                double[] last = flushed.getOrDefault(meter.getId(), new double[] {0, 0});
                double count = timer.count() - last[0];
                double sum = timer.totalTime(TimeUnit.MILLISECONDS) - last[1];
                if (count > 0) {
                    String name = meter.getId().getName();
                    write(meter.getId(), Map.of(name + ".count", new Value(count, "Count"),
                            name + ".sum", new Value(sum, "Milliseconds"),
                            name + ".max", new Value(timer.max(TimeUnit.MILLISECONDS), "Milliseconds")));
                    flushed.put(meter.getId(), new double[] {timer.count(), timer.totalTime(TimeUnit.MILLISECONDS)});
                }
            }
        }
    }

    private record Value(double value, String unit) {
    }

    private void write(Meter.Id id, Map<String, Value> values) {
        ObjectNode line = json.createObjectNode();
        ObjectNode aws = line.putObject("_aws");
        aws.put("Timestamp", clock.millis());
        ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject();
        directive.put("Namespace", namespace);
        ArrayNode dimensions = directive.putArray("Dimensions");
        List<Tag> tags = id.getTags();
        ArrayNode all = dimensions.addArray();
        tags.forEach(t -> all.add(t.getKey()));
        if (tags.size() > 1) {
            tags.forEach(t -> dimensions.addArray().add(t.getKey()));
        }
        ArrayNode metrics = directive.putArray("Metrics");
        values.forEach((name, v) -> {
            metrics.addObject().put("Name", name).put("Unit", v.unit());
            line.put(name, v.value());
        });
        tags.forEach(t -> line.put(t.getKey(), t.getValue()));
        out.accept(line.toString());
    }
}
