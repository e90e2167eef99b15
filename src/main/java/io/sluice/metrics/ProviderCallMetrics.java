package io.sluice.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Counts every call a provider makes to its backend, as ESO's
 * {@code externalsecret_provider_api_calls_count{provider,call,status}}.
 */
@ApplicationScoped
public class ProviderCallMetrics {
    static final String NAME = "externalsecret_provider_api_calls_count";

    private final MeterRegistry registry;

    public ProviderCallMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** @param provider e.g. {@code AWS/SecretsManager}; @param call the API operation, e.g. {@code GetSecretValue} */
    public void record(String provider, String call, boolean success) {
        Counter.builder(NAME)
                .description("Number of API calls towards the secret provider")
                .tag("provider", provider)
                .tag("call", call)
                .tag("status", success ? "success" : "error")
                .register(registry)
                .increment();
    }

    /** Calls counted so far; used by tests and benchmarks. */
    public double count(String provider, String call, boolean success) {
        Counter counter = registry.find(NAME).tags("provider", provider, "call", call,
                "status", success ? "success" : "error").counter();
        return counter == null ? 0 : counter.count();
    }
}
