package io.sluice.runtime;

import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.sluice.config.SluiceConfig;
import java.util.UUID;

/** Turns {@code sluice.leader-election.*} into the SDK's configuration. */
public final class LeaderElectionSettings {
    private LeaderElectionSettings() {}

    /**
     * JOSDK's own exit on leadership loss stays off: it calls {@code System.exit} on the thread that stops the
     * elector, which at shutdown is the shutdown hook's, and the JVM then waits for itself forever. Sluice's
     * {@link StopLeading} callback exits on a real loss and releases the Lease at shutdown instead.
     */
    public static LeaderElectionConfiguration configuration(
            SluiceConfig.LeaderElection settings, String identity, LeaderCallbacks callbacks) {
        if (settings.renewDeadline().compareTo(settings.leaseDuration()) >= 0) {
            throw new IllegalArgumentException("sluice.leader-election.renew-deadline (" + settings.renewDeadline()
                    + ") must be shorter than sluice.leader-election.lease-duration (" + settings.leaseDuration()
                    + ")");
        }
        return new LeaderElectionConfiguration(
                settings.leaseName(),
                settings.leaseNamespace().orElse(null),
                settings.leaseDuration(),
                settings.renewDeadline(),
                settings.retryPeriod(),
                identity,
                callbacks,
                false);
    }

    /** Calls {@code onStopLeading} after {@link Leadership} has recorded the change. */
    public static LeaderCallbacks callbacks(Leadership leadership, Runnable onStopLeading) {
        return new LeaderCallbacks(
                leadership::startedLeading,
                () -> {
                    leadership.stoppedLeading();
                    onStopLeading.run();
                },
                leadership::newLeader);
    }

    /** This replica's name in the Lease: the pod name (as JOSDK's default), else a random one. */
    public static String identity() {
        String hostname = System.getenv("HOSTNAME");
        return hostname == null || hostname.isBlank() ? UUID.randomUUID().toString() : hostname;
    }
}
