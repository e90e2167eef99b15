package io.sluice.metrics;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Counts every call a provider makes to its backend, as ESO's
 * {@code externalsecret_provider_api_calls_count{provider,call,status}} (exported under that exact name).
 */
@ApplicationScoped
@Startup // the exact-name families are exported from the start, before the first sync or call
public class ProviderCallMetrics {
    static final String NAME = "externalsecret_provider_api_calls_count";

    private final UntypedCounterFamily calls;

    public ProviderCallMetrics(PrometheusCollectors collectors) {
        this.calls = collectors.register(new UntypedCounterFamily(
                NAME, "Number of API calls towards the secret provider", "provider", "call", "status"));
    }

    /** @param provider e.g. {@code AWS/SecretsManager}; @param call the API operation, e.g. {@code GetSecretValue} */
    public void record(String provider, String call, boolean success) {
        calls.increment(provider, call, status(success));
    }

    /** Calls counted so far; used by tests and benchmarks. */
    public double count(String provider, String call, boolean success) {
        return calls.value(provider, call, status(success));
    }

    private static String status(boolean success) {
        return success ? "success" : "error";
    }
}
