package io.sluice.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/** ESO's per-ExternalSecret sync counters: {@code externalsecret_sync_calls_total} and {@code _error}. */
@ApplicationScoped
public class SyncMetrics {
    static final String SYNC_CALLS = "externalsecret_sync_calls";
    static final String SYNC_ERRORS = "externalsecret_sync_calls_error";

    private final MeterRegistry registry;

    public SyncMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Counts one sync attempt that reached the provider. */
    public void synced(String namespace, String name, boolean success) {
        counter(SYNC_CALLS, "Total number of the External Secret sync calls", namespace, name).increment();
        if (!success) {
            counter(SYNC_ERRORS, "Total number of the External Secret sync errors", namespace, name).increment();
        }
    }

    public double syncCount(String namespace, String name) {
        Counter c = registry.find(SYNC_CALLS).tags("namespace", namespace, "name", name).counter();
        return c == null ? 0 : c.count();
    }

    private Counter counter(String metric, String help, String namespace, String name) {
        return Counter.builder(metric).description(help).tag("namespace", namespace).tag("name", name).register(registry);
    }
}
