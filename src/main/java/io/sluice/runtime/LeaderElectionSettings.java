package io.sluice.runtime;

import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.sluice.config.SluiceConfig;
import java.util.Optional;

/** Turns {@code sluice.leader-election.*} into the SDK's configuration. */
public final class LeaderElectionSettings {
    private LeaderElectionSettings() {
    }

    /**
     * The production configuration: a leader that loses its lease exits, so that it never writes next to the new
     * leader (the pod restarts as a standby). JOSDK 5.3's builder turns that off by default, hence the constructor.
     *
     * @param identity this replica's identity in the Lease; empty: the SDK's default (the pod name)
     * @return nothing when leader election is off
     */
    public static Optional<LeaderElectionConfiguration> from(SluiceConfig.LeaderElection settings,
            Optional<String> identity, LeaderCallbacks callbacks) {
        return settings.enabled() ? Optional.of(configuration(settings, identity, callbacks, true)) : Optional.empty();
    }

    /** @param exitOnStopLeading false only where the caller stops the replica itself (tests) */
    public static LeaderElectionConfiguration configuration(SluiceConfig.LeaderElection settings,
            Optional<String> identity, LeaderCallbacks callbacks, boolean exitOnStopLeading) {
        if (settings.renewDeadline().compareTo(settings.leaseDuration()) >= 0) {
            throw new IllegalArgumentException("sluice.leader-election.renew-deadline (" + settings.renewDeadline()
                    + ") must be shorter than sluice.leader-election.lease-duration (" + settings.leaseDuration() + ")");
        }
        return new LeaderElectionConfiguration(settings.leaseName(), settings.leaseNamespace().orElse(null),
                settings.leaseDuration(), settings.renewDeadline(), settings.retryPeriod(), identity.orElse(null),
                callbacks, exitOnStopLeading);
    }
}
