package io.sluice.runtime;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.config.ConfigurationServiceOverrider;
import io.quarkiverse.operatorsdk.runtime.api.ConfigurationServiceCustomizer;
import io.sluice.config.SluiceConfig;
import jakarta.inject.Singleton;
import java.util.function.Consumer;

/**
 * Applies Sluice's settings to the SDK at start-up: reconcile threads and leader election. Leader election is
 * decided here at run time ({@code sluice.leader-election.enabled}), whatever the profile.
 */
@Singleton
public class OperatorSettings implements ConfigurationServiceCustomizer {
    private final SluiceConfig config;
    private final Leadership leadership;
    private final StopLeading stopLeading;
    private final KubernetesClient client;

    public OperatorSettings(
            SluiceConfig config, Leadership leadership, StopLeading stopLeading, KubernetesClient client) {
        this.config = config;
        this.leadership = leadership;
        this.stopLeading = stopLeading;
        this.client = client;
    }

    @Override
    public Consumer<ConfigurationServiceOverrider> overrider() {
        return overrider -> {
            overrider.withConcurrentReconciliationThreads(config.kubernetes().reconcileThreads());
            SluiceConfig.LeaderElection settings = config.leaderElection();
            if (!settings.enabled()) {
                return;
            }
            String identity = LeaderElectionSettings.identity();
            // the namespace JOSDK falls back to as well
            String namespace = settings.leaseNamespace()
                    .orElseGet(() -> client.getConfiguration().getNamespace());
            LeaseRelease lease = new LeaseRelease(client, namespace, settings.leaseName(), identity);
            leadership.electionStarted();
            overrider.withLeaderElectionConfiguration(LeaderElectionSettings.configuration(
                    settings,
                    identity,
                    LeaderElectionSettings.callbacks(leadership, () -> stopLeading.stoppedLeading(lease))));
        };
    }
}
