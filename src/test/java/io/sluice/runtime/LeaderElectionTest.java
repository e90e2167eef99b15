package io.sluice.runtime;

import static io.sluice.testing.Fixtures.editLatest;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.ResourceRuleBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
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
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Two replicas, each a JOSDK operator with Sluice's leader election settings and callbacks, against one (test) API
 * server: the second waits while the first holds the Lease and never reconciles meanwhile; a leader that loses the
 * Lease reconciles nothing once the next one started; a leader that stops hands the Lease over.
 * LeaderFailoverIT does the same with the packaged application and Sluice's real controllers.
 */
@Tag("slow")
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

    record Reconciled(String replica, long at) {}

    @BeforeEach
    void allowLeases() {
        // JOSDK checks its Lease permissions with a SelfSubjectRulesReview before electing.
        server.expect()
                .post()
                .withPath("/apis/authorization.k8s.io/v1/selfsubjectrulesreviews")
                .andReturn(
                        201,
                        new SelfSubjectRulesReviewBuilder()
                                .withNewStatus()
                                .withResourceRules(new ResourceRuleBuilder()
                                        .withApiGroups("coordination.k8s.io")
                                        .withResources("leases")
                                        .withVerbs("*")
                                        .build())
                                .withIncomplete(false)
                                .endStatus()
                                .build())
                .always();
        client.leases().inNamespace(NS).withName(LEASE).delete();
        client.resource(new ConfigMapBuilder()
                        .withNewMetadata()
                        .withNamespace(NS)
                        .withName("probe")
                        .endMetadata()
                        .addToData("k", "v")
                        .build())
                .createOr(NonDeletingOperation::update);
    }

    @AfterEach
    void stop() {
        for (Operator replica : new Operator[] {replicaA, replicaB}) {
            if (replica != null) {
                replica.stop();
            }
        }
    }

    @Test
    void aStandbyWaitsAndALeaderThatLosesTheLeaseReconcilesNothingOnceTheNextLeaderStarted() {
        replicaA = start(
                "replica-a",
                leadershipA,
                settings(Duration.ofSeconds(10), Duration.ofSeconds(8)),
                stopOnLoss(() -> replicaA));
        await().atMost(Duration.ofSeconds(15)).until(() -> reconciledBy("replica-a") > 0);
        assertEquals("replica-a", holder());
        assertEquals(Leadership.State.LEADING, leadershipA.state());

        replicaB = start(
                "replica-b",
                leadershipB,
                settings(Duration.ofSeconds(10), Duration.ofSeconds(8)),
                stopOnLoss(() -> replicaB));
        await().atMost(Duration.ofSeconds(10)).until(() -> "replica-a".equals(leadershipB.currentLeader()));
        editProbe("changed while b waits");
        await().atMost(Duration.ofSeconds(10)).until(() -> reconciledBy("replica-a") > 1);
        assertEquals(0, reconciledBy("replica-b"), "a standby never reconciles");
        assertEquals(Leadership.State.STANDBY, leadershipB.state());

        // Another identity takes the Lease while replica-a runs; replica-b takes it when that one expires.
        editLatest(client.leases().inNamespace(NS).withName(LEASE), lease -> {
            lease.getSpec().setHolderIdentity("intruder");
            lease.getSpec().setLeaseDurationSeconds(2);
            lease.getSpec().setRenewTime(ZonedDateTime.now(ZoneOffset.UTC));
            return lease;
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> reconciledBy("replica-b") > 0);
        assertEquals(Leadership.State.STANDBY, leadershipA.state());
        editProbe("changed after the take-over");
        await().atMost(Duration.ofSeconds(10)).until(() -> reconciledBy("replica-b") > 1);

        long firstByB = reconciled.stream()
                .filter(r -> r.replica.equals("replica-b"))
                .mapToLong(Reconciled::at)
                .min()
                .orElseThrow();
        List<Reconciled> lateByA = reconciled.stream()
                .filter(r -> r.replica.equals("replica-a") && r.at > firstByB)
                .toList();
        assertEquals(List.of(), lateByA, "the old leader reconciled after the new one started");
    }

    @Test
    void aLeaderThatStopsReleasesTheLeaseSoTheStandbyNeedNotWaitItOut() {
        SluiceConfig.LeaderElection longLease = settings(Duration.ofSeconds(30), Duration.ofSeconds(20));
        replicaA = start(
                "replica-a", leadershipA, longLease, () -> new LeaseRelease(client, NS, LEASE, "replica-a").release());
        await().atMost(Duration.ofSeconds(15)).until(() -> reconciledBy("replica-a") > 0);
        replicaB = start("replica-b", leadershipB, longLease, () -> {});
        await().atMost(Duration.ofSeconds(10)).until(() -> "replica-a".equals(leadershipB.currentLeader()));

        replicaA.stop();
        replicaA = null;

        // a Lease left to expire would keep replica-b waiting about 30 s
        await().atMost(Duration.ofSeconds(10)).until(() -> reconciledBy("replica-b") > 0);
        assertEquals("replica-b", holder());
    }

    /** What exiting on a lost Lease amounts to in one JVM: the replica stops, off the elector's thread. */
    private static Runnable stopOnLoss(Supplier<Operator> replica) {
        return () -> new Thread(() -> replica.get().stop(), "stop-on-lost-lease").start();
    }

    private void editProbe(String value) {
        client.configMaps().inNamespace(NS).withName("probe").edit(cm -> {
            cm.getData().put("k", value);
            return cm;
        });
    }

    private Operator start(
            String identity, Leadership leadership, SluiceConfig.LeaderElection settings, Runnable onStopLeading) {
        var election = LeaderElectionSettings.configuration(
                settings, identity, LeaderElectionSettings.callbacks(leadership, onStopLeading));
        leadership.electionStarted();
        Operator operator = new Operator(o ->
                o.withKubernetesClient(client).withCloseClientOnStop(false).withLeaderElectionConfiguration(election));
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

    /** A 200 ms retry period, so that a take-over of a free Lease happens within a second. */
    private static SluiceConfig.LeaderElection settings(Duration leaseDuration, Duration renewDeadline) {
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
                return leaseDuration;
            }

            @Override
            public Duration renewDeadline() {
                return renewDeadline;
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
