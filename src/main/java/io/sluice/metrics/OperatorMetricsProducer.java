package io.sluice.metrics;

import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetricsV2;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Replaces the SDK's default metrics bean with {@link OperatorMetrics} around the same per-controller metrics. */
@Singleton
public class OperatorMetricsProducer {

    @Produces
    @Singleton
    Metrics operatorMetrics(
            MeterRegistry registry,
            ReconcileDurationMetrics durations,
            ReconcileLedger ledger,
            Instance<PerResourceMetrics> perResource) {
        return new OperatorMetrics(
                MicrometerMetricsV2.newBuilder(registry).build(),
                durations,
                ledger,
                perResource.stream().toList());
    }
}
