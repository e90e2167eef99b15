package io.sluice.metrics;

import io.prometheus.client.Collector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.function.Predicate;

/**
 * A counter exported under an exact name that does not end in {@code _total}, such as ESO's
 * {@code externalsecret_sync_calls_error} and {@code externalsecret_provider_api_calls_count}.
 * <p>
 * Micrometer's Prometheus registry appends {@code _total} to every counter, and the Prometheus text format
 * ties the counter type to that suffix, so these families are collected directly on the Prometheus registry
 * as {@code untyped}: the sample names and labels are exactly ESO's, and PromQL ({@code rate}, {@code increase})
 * treats them as it treats ESO's.
 */
final class UntypedCounterFamily extends Collector {
    private final String name;
    private final String help;
    private final List<String> labelNames;
    private final Map<List<String>, DoubleAdder> series = new ConcurrentHashMap<>();

    UntypedCounterFamily(String name, String help, String... labelNames) {
        this.name = name;
        this.help = help;
        this.labelNames = List.of(labelNames);
    }

    String name() {
        return name;
    }

    void increment(String... labelValues) {
        series.computeIfAbsent(key(labelValues), k -> new DoubleAdder()).add(1);
    }

    double value(String... labelValues) {
        DoubleAdder adder = series.get(key(labelValues));
        return adder == null ? 0 : adder.sum();
    }

    /** Drops the series whose label values (in the order of the label names) match. */
    void removeIf(Predicate<List<String>> which) {
        series.keySet().removeIf(which);
    }

    @Override
    public List<MetricFamilySamples> collect() {
        List<MetricFamilySamples.Sample> samples = new ArrayList<>(series.size());
        series.forEach(
                (values, adder) -> samples.add(new MetricFamilySamples.Sample(name, labelNames, values, adder.sum())));
        return List.of(new MetricFamilySamples(name, Type.UNKNOWN, help, samples));
    }

    private List<String> key(String... labelValues) {
        if (labelValues.length != labelNames.size()) {
            throw new IllegalArgumentException(name + " takes the labels " + labelNames);
        }
        return List.of(labelValues);
    }
}
