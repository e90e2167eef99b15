package io.sluice.runtime;

import io.fabric8.kubernetes.client.Config;
import io.quarkus.kubernetes.client.KubernetesConfigCustomizer;
import io.sluice.config.SluiceConfig;
import jakarta.inject.Singleton;

/** Caps the requests in flight to the API server ({@code sluice.kubernetes.max-concurrent-requests*}). */
@Singleton
public class KubernetesClientLimits implements KubernetesConfigCustomizer {
    private final SluiceConfig config;

    public KubernetesClientLimits(SluiceConfig config) {
        this.config = config;
    }

    @Override
    public void customize(Config kubernetes) {
        kubernetes.setMaxConcurrentRequests(config.kubernetes().maxConcurrentRequests());
        kubernetes.setMaxConcurrentRequestsPerHost(config.kubernetes().maxConcurrentRequestsPerHost());
    }
}
