package io.sluice.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

/** SyncMetrics on the same registry layout as Quarkus: a composite in front of the Prometheus registry. */
class SyncMetricsTest {
    private final PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final CompositeMeterRegistry composite = new CompositeMeterRegistry();
    private final SyncMetrics metrics;

    SyncMetricsTest() {
        composite.add(prometheus);
        metrics = new SyncMetrics(composite, new PrometheusCollectors(null) {
            @Override
            UntypedCounterFamily register(UntypedCounterFamily family) {
                prometheus.getPrometheusRegistry().register(family);
                return family;
            }
        });
    }

    @Test
    void forgettingOneResourceKeepsTheCountsOfTheOthers() {
        metrics.synced("ns", "kept", true);
        metrics.synced("ns", "kept", false);
        metrics.synced("ns", "gone", true);

        metrics.forget(new ResourceSeries("externalsecret", "ns", "gone"));
        metrics.synced("ns", "kept", true);

        Scrape scrape = Scrape.parse(prometheus.scrape());
        assertEquals(
                3, scrape.value("externalsecret_sync_calls_total", "namespace", "ns", "name", "kept"), scrape.text());
        assertEquals(1, scrape.value("externalsecret_sync_calls_error", "namespace", "ns", "name", "kept"));
        assertTrue(
                scrape.find("externalsecret_sync_calls_total", "name", "gone").isEmpty());
        assertTrue(scrape.find("externalsecret_last_successful_sync_timestamp_seconds", "name", "gone")
                .isEmpty());
        assertFalse(scrape.find("externalsecret_last_successful_sync_timestamp_seconds", "name", "kept")
                .isEmpty());
    }
}
