package io.sluice.metrics;

import io.micrometer.prometheus.PrometheusMeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

/** Registers the families that Micrometer cannot name exactly on the Prometheus registry behind /q/metrics. */
@ApplicationScoped
public class PrometheusCollectors {
    private final Instance<PrometheusMeterRegistry> prometheus;

    public PrometheusCollectors(Instance<PrometheusMeterRegistry> prometheus) {
        this.prometheus = prometheus;
    }

    /** Families that count but are not exported anywhere: for code used outside the application, e.g. tests. */
    public static PrometheusCollectors unexported() {
        return new PrometheusCollectors(null);
    }

    UntypedCounterFamily register(UntypedCounterFamily family) {
        if (prometheus != null && prometheus.isResolvable()) {
            prometheus.get().getPrometheusRegistry().register(family);
        }
        return family;
    }
}
