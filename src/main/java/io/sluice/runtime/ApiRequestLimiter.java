package io.sluice.runtime;

import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import io.vertx.core.Context;
import java.util.concurrent.locks.LockSupport;

/**
 * Holds each Kubernetes API request until {@link ApiRequestRate} lets it go ({@code sluice.kubernetes.client-qps},
 * {@code client-burst}). The wait happens on the thread that sends: a reconcile thread waits like a client-go
 * caller would. A request sent from a Vert.x event loop (a watch re-established by the HTTP client itself) must
 * not block that loop: it still takes its permit, so the debt delays the next callers instead.
 */
final class ApiRequestLimiter implements Interceptor {
    private final ApiRequestRate rate;

    ApiRequestLimiter(ApiRequestRate rate) {
        this.rate = rate;
    }

    @Override
    public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
        long wait = rate.reserve();
        if (wait > 0 && !Context.isOnEventLoopThread()) {
            waitFor(wait);
        }
    }

    private static void waitFor(long nanos) {
        long deadline = System.nanoTime() + nanos;
        for (long left = nanos;
                left > 0 && !Thread.currentThread().isInterrupted();
                left = deadline - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }
}
