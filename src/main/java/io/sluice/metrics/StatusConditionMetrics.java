package io.sluice.metrics;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.sluice.api.common.Condition;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;

/**
 * ESO's {@code <kind>_status_condition{name,namespace,condition,status}} gauges for every kind
 * ({@code externalsecret}, {@code secretstore}, {@code clustersecretstore}, {@code clusterexternalsecret},
 * {@code pushsecret}, ...): 1 for each current condition status, 0 for the other statuses of that condition.
 * A reconciler reports the conditions it leaves on the resource with one call to {@link #report}.
 */
@ApplicationScoped
public class StatusConditionMetrics implements PerResourceMetrics {
    private static final List<String> STATUSES = List.of("True", "False");

    private final MeterRegistry registry;
    private final Map<String, SettableGauges> families = new ConcurrentHashMap<>();

    public StatusConditionMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Reports the resource's current conditions (none: nothing is reported). */
    public void report(HasMetadata resource, List<Condition> conditions) {
        if (conditions == null) {
            return;
        }
        ResourceSeries series = ResourceSeries.of(resource);
        SettableGauges gauges = family(series.kind());
        for (Condition c : conditions) {
            if (c.type == null || c.status == null) {
                continue;
            }
            for (String other : STATUSES) {
                if (!other.equals(c.status)) {
                    gauges.set(tags(series, c.type, other), 0);
                }
            }
            gauges.set(tags(series, c.type, c.status), 1);
        }
    }

    public OptionalDouble value(ResourceSeries series, String condition, String status) {
        SettableGauges gauges = families.get(series.kind());
        return gauges == null ? OptionalDouble.empty() : gauges.value(tags(series, condition, status));
    }

    @Override
    public void forget(ResourceSeries resource) {
        SettableGauges gauges = families.get(resource.kind());
        if (gauges != null) {
            Tag name = Tag.of("name", resource.name());
            Tag namespace = Tag.of("namespace", resource.namespace());
            gauges.removeIf(tags ->
                    tags.stream().anyMatch(name::equals) && tags.stream().anyMatch(namespace::equals));
        }
    }

    private SettableGauges family(String kind) {
        return families.computeIfAbsent(
                kind,
                k -> new SettableGauges(registry, k + "_status_condition", "The status condition of a specific " + k));
    }

    private static Tags tags(ResourceSeries s, String condition, String status) {
        return Tags.of("name", s.name(), "namespace", s.namespace(), "condition", condition, "status", status);
    }
}
