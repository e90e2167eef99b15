package io.sluice.runtime;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.ResourceRuleBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Ignore;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.sluice.config.SluiceConfig;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two replicas, each a JOSDK operator with Sluice's leader election settings, against one (test) API server:
 * the second waits while the first holds the Lease, never reconciles meanwhile, and takes over once the first
 * is gone.
 */
@EnableKubernetesMockClient(crud = true)
class LeaderElectionTest {
    private static final String NS = "sluice-system";
    private static final String LEASE = "sluice-leader";

    static KubernetesMockServer server;
    static KubernetesClient client;

    private final List<Reconciled> reconciled = new CopyOnWriteArrayList<>();
    private final Leadership leadershipA = new Leadership();
    private final Leadership leadershipB = new Leadership();
    private Operator replicaA;
    private Operator replicaB;

    record Reconciled(String replica, long at) {
    }

    @BeforeEach
    void allowLeases() {
        // JOSDK checks its Lease permissions with a SelfSubjectRulesReview before electing.
        server.expect().post().withPath("/apis/authorization.k8s.io/v1/selfsubjectrulesreviews")
                .andReturn(201, new SelfSubjectRulesReviewBuilder().withNewStatus()
                        .withResourceRules(new ResourceRuleBuilder().withApiGroups("coordination.k8s.io")
                                .withResources("leases").withVerbs("*").build())
                        .withIncomplete(false).endStatus().build())
                .always();
        client.resource(new ConfigMapBuilder().withNewMetadata().withNamespace(NS).withName("probe").endMetadata()
                .addToData("k", "v").build()).create();
    }

    @AfterEach
    void stop() {
        for (Operator replica : new Operator[] { replicaA, replicaB }) {
            if (replica != null) {
                replica.stop();
            }
        }
    }

    @Test
    void theSecondReplicaWaitsForTheLeaseAndTakesOverWhenTheLeaderIsGone() {
        replicaA = start("replica-a", leadershipA);
        await().atMost(Duration.ofSeconds(15)).until(() -> reconciledBy("replica-a") > 0);
        assertEquals("replica-a", holder());
        assertEquals(Leadership.State.LEADING, leadershipA.state());

        replicaB = start("replica-b", leadershipB);
        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6))
                .until(() -> "replica-a".equals(holder()));
        client.configMaps().inNamespace(NS).withName("probe").edit(cm -> {
            cm.getData().put("k", "changed while b waits");
            return cm;
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> reconciledBy("replica-a") > 1);
        assertEquals(0, reconciledBy("replica-b"), "a standby never reconciles");
        assertEquals(Leadership.State.STANDBY, leadershipB.state());
        assertEquals("replica-a", leadershipB.currentLeader());

        replicaA.stop();
        replicaA = null;
        long leaderGone = System.nanoTime();

        await().atMost(Duration.ofSeconds(20)).until(() -> reconciledBy("replica-b") > 0);
        assertEquals("replica-b", holder());
        assertEquals(Leadership.State.LEADING, leadershipB.state());
        long lastByA = reconciled.stream().filter(r -> r.replica.equals("replica-a")).mapToLong(Reconciled::at).max()
                .orElseThrow();
        long firstByB = reconciled.stream().filter(r -> r.replica.equals("replica-b")).mapToLong(Reconciled::at).min()
                .orElseThrow();
        assertTrue(lastByA < leaderGone && leaderGone < firstByB, "the two replicas never reconciled at the same time");
    }

    private Operator start(String identity, Leadership leadership) {
        // In production a leader that loses its lease exits the JVM; this test stops its replicas itself.
        var election = LeaderElectionSettings.configuration(settings(), Optional.of(identity), new LeaderCallbacks(
                leadership::startedLeading, leadership::stoppedLeading, leadership::newLeader), false);
        leadership.electionStarted();
        Operator operator = new Operator(o -> o.withKubernetesClient(client)
                .withCloseClientOnStop(false)
                .withLeaderElectionConfiguration(election));
        operator.register(new ProbeReconciler(identity, reconciled), c -> c.settingNamespaces(Set.of(NS)));
        operator.start();
        return operator;
    }

    private long reconciledBy(String replica) {
        return reconciled.stream().filter(r -> r.replica.equals(replica)).count();
    }

    private String holder() {
        Lease lease = client.leases().inNamespace(NS).withName(LEASE).get();
        return lease == null ? null : lease.getSpec().getHolderIdentity();
    }

    /** Short timings so that the take-over happens within seconds. */
    private static SluiceConfig.LeaderElection settings() {
        return new SluiceConfig.LeaderElection() {
            @Override
            public boolean enabled() {
                return true;
            }

            @Override
            public String leaseName() {
                return LEASE;
            }

            @Override
            public Optional<String> leaseNamespace() {
                return Optional.of(NS);
            }

            @Override
            public Duration leaseDuration() {
                return Duration.ofSeconds(2);
            }

            @Override
            public Duration renewDeadline() {
                return Duration.ofMillis(1500);
            }

            @Override
            public Duration retryPeriod() {
                return Duration.ofMillis(200);
            }
        };
    }

    /** {@code @Ignore}: not one of Sluice's controllers (the Quarkus tests must not register it). */
    @Ignore
    @ControllerConfiguration(name = "probe")
    static class ProbeReconciler implements Reconciler<ConfigMap> {
        private final String replica;
        private final List<Reconciled> log;

        ProbeReconciler(String replica, List<Reconciled> log) {
            this.replica = replica;
            this.log = log;
        }

        @Override
        public UpdateControl<ConfigMap> reconcile(ConfigMap resource, Context<ConfigMap> context) {
            log.add(new Reconciled(replica, System.nanoTime()));
            return UpdateControl.noUpdate();
        }
    }
}
