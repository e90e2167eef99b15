package io.sluice.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;

/**
 * ESO's {@code <kind>_reconcile_duration{name,namespace}} gauges: the duration of the last reconcile of each
 * resource in nanoseconds (ESO sets {@code float64(time.Since(start))}, a Go duration in ns). Recorded for
 * every controller by {@link OperatorMetrics}; reconcilers do not call this.
 */
@ApplicationScoped
public class ReconcileDurationMetrics implements PerResourceMetrics {
    private final MeterRegistry registry;
    private final Map<String, SettableGauges> families = new ConcurrentHashMap<>();

    public ReconcileDurationMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void record(ResourceSeries resource, Duration took) {
        families.computeIfAbsent(
                        resource.kind(),
                        k -> new SettableGauges(
                                registry,
                                k + "_reconcile_duration",
                                "The duration time to reconcile the " + k + " (nanoseconds)"))
                .set(tags(resource), took.toNanos());
    }

    public OptionalDouble value(ResourceSeries resource) {
        SettableGauges gauges = families.get(resource.kind());
        return gauges == null ? OptionalDouble.empty() : gauges.value(tags(resource));
    }

    @Override
    public void forget(ResourceSeries resource) {
        SettableGauges gauges = families.get(resource.kind());
        if (gauges != null) {
            Tags tags = tags(resource);
            gauges.removeIf(tags::equals);
        }
    }

    private static Tags tags(ResourceSeries r) {
        return Tags.of("name", r.name(), "namespace", r.namespace());
    }
}
