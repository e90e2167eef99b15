package io.sluice.metrics;

/**
 * A metrics bean holding series per resource. When a resource is deleted, every such bean drops its series
 * ({@link OperatorMetrics} calls this on JOSDK's clean-up of deleted resources), so gauges of deleted
 * resources do not linger.
 */
public interface PerResourceMetrics {
    void forget(ResourceSeries resource);
}
