package io.sluice.externalsecret;

import static io.sluice.testing.Fixtures.entry;
import static io.sluice.testing.Fixtures.externalSecret;
import static io.sluice.testing.Fixtures.fakeStore;
import static io.sluice.testing.Fixtures.withData;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.sluice.kube.SecretData;
import io.sluice.metrics.SyncMetrics;
import io.sluice.testing.SmallReconcileBudget;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Another writer keeps changing the target Secret and Sluice keeps repairing it: a ping-pong that must not become
 * a hot loop. Syncs of the ExternalSecret stay within sluice.kubernetes.max-reconciles-per-minute.
 */
@Tag("slow")
@QuarkusTest
@WithKubernetesTestServer(crud = true)
@TestProfile(SmallReconcileBudget.class)
class ReconcileBudgetPingPongTest {
    private static final int BUDGET = SmallReconcileBudget.BUDGET;

    @Inject
    KubernetesClient client;

    @Inject
    SyncMetrics syncs;

    @Inject
    ExternalSecretReconciler reconciler;

    @Test
    void aWriterFightingOverTheSecretGetsAtMostTheBudgetOfSyncsPerMinute() throws Exception {
        TestNamespace t = new TestNamespace(client);
        client.resource(fakeStore(t.ns, "fake", entry("token", "v1"))).create();
        client.resource(withData(externalSecret(t.ns, "app", "fake", "1h"), "token", "token", null))
                .create();
        t.awaitData("app", Map.of("token", "v1"));
        long start = System.nanoTime();
        ResourceID id = new ResourceID("app", t.ns);

        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger tampers = new AtomicInteger();
        AtomicInteger repairsSeen = new AtomicInteger();
        Thread rival = new Thread(
                () -> {
                    while (!stop.get()) {
                        try {
                            var secret = client.secrets()
                                    .inNamespace(t.ns)
                                    .withName("app")
                                    .get();
                            String token = new String(SecretData.decode(secret).get("token"), StandardCharsets.UTF_8);
                            if (token.equals("v1") && tampers.get() > 0) {
                                repairsSeen.incrementAndGet();
                            }
                            secret.getData()
                                    .put(
                                            "token",
                                            Base64.getEncoder()
                                                    .encodeToString(("rival-" + tampers.incrementAndGet())
                                                            .getBytes(StandardCharsets.UTF_8)));
                            client.resource(secret).update();
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
            // barrier: the budget is spent and Sluice has refused several events of this ExternalSecret since, or
            // (without a budget) the rival has given Sluice far more occasions to sync than the budget allows
            await().atMost(Duration.ofSeconds(50))
                    .until(() -> reconciler.postponedByBudget(id) >= 5 || tampers.get() >= 150);
        } finally {
            stop.set(true);
            rival.join(10_000);
        }
        double syncCount = syncs.syncCount(t.ns, "app");
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        System.out.printf(
                "[measure] ping-pong on one target Secret for %d ms: rival wrote %d times, Sluice repaired "
                        + "%d times, %.0f syncs (budget %d per minute), %d syncs postponed%n",
                elapsedMs, tampers.get(), repairsSeen.get(), syncCount, BUDGET, reconciler.postponedByBudget(id));
        assertTrue(repairsSeen.get() >= 1, "Sluice did fight back: the ping-pong happened");
        if (elapsedMs < 60_000) {
            assertTrue(syncCount <= BUDGET, "syncs within the first minute: " + syncCount);
        } else {
            assertTrue(syncCount <= BUDGET * (elapsedMs / 60_000 + 1), "syncs: " + syncCount);
        }
    }
}
