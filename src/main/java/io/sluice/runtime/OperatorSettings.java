package io.sluice.runtime;

import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.javaoperatorsdk.operator.api.config.ConfigurationServiceOverrider;
import io.quarkiverse.operatorsdk.runtime.api.ConfigurationServiceCustomizer;
import io.sluice.config.SluiceConfig;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Applies Sluice's settings to the SDK at start-up: reconcile threads and leader election. Leader election is
 * decided here at run time ({@code sluice.leader-election.enabled}), whatever the profile.
 */
@Singleton
public class OperatorSettings implements ConfigurationServiceCustomizer {
    private final SluiceConfig config;
    private final Leadership leadership;

    public OperatorSettings(SluiceConfig config, Leadership leadership) {
        this.config = config;
        this.leadership = leadership;
    }

    @Override
    public Consumer<ConfigurationServiceOverrider> overrider() {
        return overrider -> {
            overrider.withConcurrentReconciliationThreads(config.kubernetes().reconcileThreads());
            LeaderElectionSettings.from(config.leaderElection(), Optional.empty(), new LeaderCallbacks(
                    leadership::startedLeading, leadership::stoppedLeading, leadership::newLeader))
                    .ifPresent(election -> {
                        leadership.electionStarted();
                        overrider.withLeaderElectionConfiguration(election);
                    });
        };
    }
}
