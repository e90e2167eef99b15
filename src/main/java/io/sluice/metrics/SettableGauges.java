package io.sluice.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/** One gauge family whose series are set (not sampled) and can be removed, e.g. when their resource is deleted. */
final class SettableGauges {
    private final MeterRegistry registry;
    private final String name;
    private final String help;
    private final Map<Tags, Series> series = new ConcurrentHashMap<>();

    SettableGauges(MeterRegistry registry, String name, String help) {
        this.registry = registry;
        this.name = name;
        this.help = help;
    }

    void set(Tags tags, double value) {
        series.computeIfAbsent(tags, this::register).value = value;
    }

    OptionalDouble value(Tags tags) {
        Series s = series.get(tags);
        return s == null ? OptionalDouble.empty() : OptionalDouble.of(s.value);
    }

    boolean has(Tags tags) {
        return series.containsKey(tags);
    }

    void removeIf(Predicate<Tags> which) {
        series.entrySet().removeIf(e -> {
            if (!which.test(e.getKey())) {
                return false;
            }
            registry.remove(e.getValue().gauge);
            return true;
        });
    }

    private Series register(Tags tags) {
        Series s = new Series();
        s.gauge = Gauge.builder(name, s, x -> x.value)
                .description(help)
                .tags(tags)
                .strongReference(true)
                .register(registry);
        return s;
    }

    private static final class Series {
        volatile double value;
        Gauge gauge;
    }
}
