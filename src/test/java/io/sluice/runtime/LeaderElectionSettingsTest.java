package io.sluice.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.sluice.config.SluiceConfig;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LeaderElectionSettingsTest {
    private static final LeaderCallbacks NONE = new LeaderCallbacks(() -> {}, () -> {}, id -> {});

    @Test
    void carriesTheTimingsAndTheLeaseName() {
        var election = LeaderElectionSettings.configuration(settings(true, 15, 10), "replica-a", NONE);

        assertEquals("sluice-leader", election.getLeaseName());
        assertEquals(Duration.ofSeconds(15), election.getLeaseDuration());
        assertEquals(Duration.ofSeconds(10), election.getRenewDeadline());
        assertEquals(Duration.ofSeconds(2), election.getRetryPeriod());
        assertEquals(Optional.of("replica-a"), election.getIdentity());
        // JOSDK would call System.exit on the thread that stops the elector: the shutdown hook's, at shutdown.
        assertFalse(election.isExitOnStopLeading(), "StopLeading decides between exiting and releasing the Lease");
    }

    @Test
    void aRenewDeadlineNotShorterThanTheLeaseIsRejected() {
        var e = assertThrows(
                IllegalArgumentException.class,
                () -> LeaderElectionSettings.configuration(settings(true, 10, 10), "replica-a", NONE));
        assertTrue(e.getMessage().contains("renew-deadline"), e.getMessage());
    }

    private static SluiceConfig.LeaderElection settings(boolean enabled, int leaseSeconds, int renewSeconds) {
        return new SluiceConfig.LeaderElection() {
            public boolean enabled() {
                return enabled;
            }

            public String leaseName() {
                return "sluice-leader";
            }

            public Optional<String> leaseNamespace() {
                return Optional.empty();
            }

            public Duration leaseDuration() {
                return Duration.ofSeconds(leaseSeconds);
            }

            public Duration renewDeadline() {
                return Duration.ofSeconds(renewSeconds);
            }

            public Duration retryPeriod() {
                return Duration.ofSeconds(2);
            }
        };
    }
}
