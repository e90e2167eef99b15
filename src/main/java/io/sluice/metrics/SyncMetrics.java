package io.sluice.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.OptionalDouble;

/**
 * ESO's per-ExternalSecret sync counters, {@code externalsecret_sync_calls_total} and
 * {@code externalsecret_sync_calls_error}, plus what ESO users ask for: the time of the last successful sync,
 * {@code externalsecret_last_successful_sync_timestamp_seconds{name,namespace}} (alert on
 * {@code time() - externalsecret_last_successful_sync_timestamp_seconds > ...}).
 */
@ApplicationScoped
@Startup // the exact-name families are exported from the start, before the first sync or call
public class SyncMetrics implements PerResourceMetrics {
    /** Micrometer appends {@code _total}: exported as {@code externalsecret_sync_calls_total}. */
    static final String SYNC_CALLS = "externalsecret_sync_calls";

    static final String SYNC_ERRORS = "externalsecret_sync_calls_error";
    static final String LAST_SUCCESS = "externalsecret_last_successful_sync_timestamp_seconds";
    private static final String KIND = "externalsecret";

    private final MeterRegistry registry;
    private final UntypedCounterFamily errors;
    private final SettableGauges lastSuccess;
    private final Clock clock;

    @Inject
    public SyncMetrics(MeterRegistry registry, PrometheusCollectors collectors) {
        this(registry, collectors, Clock.systemUTC());
    }

    SyncMetrics(MeterRegistry registry, PrometheusCollectors collectors, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        this.errors = collectors.register(new UntypedCounterFamily(
                SYNC_ERRORS, "Total number of the External Secret sync errors", "name", "namespace"));
        this.lastSuccess = new SettableGauges(
                registry, LAST_SUCCESS, "Unix time of the last successful sync of the External Secret");
    }

    /** Counts one sync attempt that reached the provider. */
    public void synced(String namespace, String name, boolean success) {
        Counter.builder(SYNC_CALLS)
                .description("Total number of the External Secret sync calls")
                .tags(tags(namespace, name))
                .register(registry)
                .increment();
        if (success) {
            lastSuccess.set(tags(namespace, name), clock.millis() / 1000.0);
        } else {
            errors.increment(name, namespace);
        }
    }

    public double syncCount(String namespace, String name) {
        Counter c = registry.find(SYNC_CALLS).tags(tags(namespace, name)).counter();
        return c == null ? 0 : c.count();
    }

    public double errorCount(String namespace, String name) {
        return errors.value(name, namespace);
    }

    public OptionalDouble lastSuccess(String namespace, String name) {
        return lastSuccess.value(tags(namespace, name));
    }

    @Override
    public void forget(ResourceSeries resource) {
        if (!KIND.equals(resource.kind())) {
            return;
        }
        Tags tags = tags(resource.namespace(), resource.name());
        Counter c = registry.find(SYNC_CALLS).tags(tags).counter();
        if (c != null) {
            registry.remove(c);
        }
        errors.removeIf(List.of(resource.name(), resource.namespace())::equals);
        lastSuccess.removeIf(tags::equals);
    }

    private static Tags tags(String namespace, String name) {
        return Tags.of("name", name, "namespace", namespace == null ? "" : namespace);
    }
}
