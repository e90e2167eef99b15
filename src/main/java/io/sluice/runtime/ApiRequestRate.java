package io.sluice.runtime;

import java.util.function.LongSupplier;

/**
 * A token bucket over Kubernetes API requests, like client-go's QPS and burst: up to {@code burst} requests go at
 * once, then {@code qps} per second. A request always gets its permit; what it learns is how long to wait before
 * using it, so waiters are served in the order they asked and the lock is held only for the arithmetic.
 */
final class ApiRequestRate {
    private final double permitsPerNano;
    private final double burst;
    private final LongSupplier nanoTime;
    private double permits;
    private long updatedAt;

    ApiRequestRate(double qps, int burst, LongSupplier nanoTime) {
        if (qps <= 0 || burst < 1) {
            throw new IllegalArgumentException(
                    "client QPS must be positive and burst at least 1, got " + qps + "/" + burst);
        }
        this.permitsPerNano = qps / 1e9;
        this.burst = burst;
        this.nanoTime = nanoTime;
        this.permits = burst;
        this.updatedAt = nanoTime.getAsLong();
    }

    /** Takes one permit; returns the nanoseconds until it may be used (0 when the bucket had one). */
    synchronized long reserve() {
        long now = nanoTime.getAsLong();
        permits = Math.min(burst, permits + (now - updatedAt) * permitsPerNano);
        updatedAt = now;
        permits -= 1;
        return permits >= 0 ? 0 : (long) Math.ceil(-permits / permitsPerNano);
    }
}
