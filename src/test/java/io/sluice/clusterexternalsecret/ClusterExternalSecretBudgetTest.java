package io.sluice.clusterexternalsecret;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.sluice.api.v1.ClusterExternalSecret;
import io.sluice.api.v1.ExternalSecret;
import io.sluice.testing.SmallReconcileBudget;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Another writer keeps annotating an ExternalSecret that a ClusterExternalSecret provisioned, and the
 * ClusterExternalSecret keeps restoring it: a ping-pong that must not become a hot loop. Its repairs (one
 * "Updated" Event each) stay within sluice.kubernetes.max-reconciles-per-minute.
 */
@Tag("slow")
@QuarkusTest
@WithKubernetesTestServer(crud = true)
@TestProfile(SmallReconcileBudget.class)
class ClusterExternalSecretBudgetTest {
    private static final int BUDGET = SmallReconcileBudget.BUDGET;

    @Inject
    KubernetesClient client;

    @Inject
    ClusterExternalSecretReconciler reconciler;

    private final String run = UUID.randomUUID().toString().substring(0, 6);

    @Test
    void aWriterFightingOverAProvisionedExternalSecretGetsAtMostTheBudgetOfRepairsPerMinute() throws Exception {
        String ns = "cb-" + run;
        client.resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName(ns)
                        .endMetadata()
                        .build())
                .create();
        ClusterExternalSecret ces = ProvisionedExternalSecretTest.ces("budget-" + run, "1h");
        ces.getSpec().namespaces = List.of(ns);
        client.resource(ces).create();
        String esName = ProvisionedExternalSecret.externalSecretName(ces);
        var es = client.resources(ExternalSecret.class).inNamespace(ns).withName(esName);
        await().atMost(Duration.ofSeconds(30)).until(() -> es.get() != null);
        long start = System.nanoTime();
        ResourceID id = new ResourceID(ces.getMetadata().getName());

        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger tampers = new AtomicInteger();
        AtomicInteger repairsSeen = new AtomicInteger();
        Thread rival = new Thread(
                () -> {
                    while (!stop.get()) {
                        try {
                            ExternalSecret current = es.get();
                            Map<String, String> annotations =
                                    current.getMetadata().getAnnotations();
                            if ((annotations == null || !annotations.containsKey("rival")) && tampers.get() > 0) {
                                repairsSeen.incrementAndGet();
                            }
                            current.getMetadata()
                                    .setAnnotations(new HashMap<>(annotations == null ? Map.of() : annotations));
                            current.getMetadata().getAnnotations().put("rival", String.valueOf(tampers.get()));
                            client.resource(current).update();
                            tampers.incrementAndGet();
                            Thread.sleep(50);
                        } catch (KubernetesClientException conflict) {
                            // Sluice wrote in between: read again
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "rival-writer");
        rival.start();
        try {
            // barrier: the budget is spent and several reconciles were refused since, or (without a budget) the
            // rival has given Sluice far more occasions to repair than the budget allows
            await().atMost(Duration.ofSeconds(50))
                    .until(() -> reconciler.postponedByBudget(id) >= 5 || tampers.get() >= 150);
        } finally {
            stop.set(true);
            rival.join(10_000);
        }
        long repairs = client.v1().events().inNamespace("default").list().getItems().stream()
                .filter(e ->
                        ces.getMetadata().getName().equals(e.getInvolvedObject().getName())
                                && "Updated".equals(e.getReason()))
                .count();
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        System.out.printf(
                "[measure] ping-pong on a provisioned ExternalSecret for %d ms: rival wrote %d times, %d "
                        + "repairs (%d seen by the rival; budget %d per minute), %d reconciles postponed%n",
                elapsedMs, tampers.get(), repairs, repairsSeen.get(), BUDGET, reconciler.postponedByBudget(id));
        assertTrue(repairsSeen.get() >= 1, "the ClusterExternalSecret did fight back: the ping-pong happened");
        // the first reconcile created the ExternalSecret, in the same sliding minute
        assertTrue(repairs <= (BUDGET - 1) * (elapsedMs / 60_000 + 1), "repairs: " + repairs);
    }
}
