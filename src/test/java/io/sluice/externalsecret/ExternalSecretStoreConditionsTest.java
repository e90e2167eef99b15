package io.sluice.externalsecret;

import static io.sluice.testing.Fixtures.entry;
import static io.sluice.testing.Fixtures.externalSecret;
import static io.sluice.testing.Fixtures.fakeStore;
import static io.sluice.testing.Fixtures.withData;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.sluice.api.common.Condition;
import io.sluice.api.v1.ClusterSecretStore;
import io.sluice.api.v1.ClusterSecretStoreCondition;
import io.sluice.api.v1.ExternalSecret;
import io.sluice.api.v1.SecretStore;
import io.sluice.api.v1.SecretStoreRef;
import io.sluice.metrics.ReconcileLedger;
import io.sluice.metrics.SyncMetrics;
import io.sluice.status.Conditions;
import io.sluice.testing.ReconcileBarrier;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** How an ExternalSecret behaves when its store is unusable, not Sluice's, or not allowed. */
@QuarkusTest
@Tag("slow")
@WithKubernetesTestServer(crud = true)
class ExternalSecretStoreConditionsTest {

    @Inject
    KubernetesClient client;

    @Inject
    SyncMetrics metrics;

    @Inject
    ReconcileLedger ledger;

    private final String ns = "t-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void unsupportedProviderIsReportedOnTheStoreAndOnTheExternalSecret() {
        SecretStore vault = fakeStore(ns, "vault");
        vault.getSpec().provider.fake = null;
        vault.getSpec().provider.setOtherProvider("vault", Map.of("server", "https://vault.example:8200"));
        client.resource(vault).create();
        client.resource(withData(externalSecret(ns, "uses-vault", "vault", "1h"), "k", "path", null))
                .create();

        Condition storeReady = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> readyOf(client.resources(SecretStore.class)
                                .inNamespace(ns)
                                .withName("vault")
                                .get()),
                        c -> c != null);
        assertEquals("False", storeReady.status);
        assertEquals("InvalidProviderConfig", storeReady.reason);
        assertTrue(storeReady.message.contains("provider vault is not supported"), storeReady.message);

        Condition esReady = awaitEsReady("uses-vault", "False");
        assertEquals("SecretSyncedError", esReady.reason);
        assertTrue(esReady.message.contains("provider vault is not supported"), esReady.message);
        assertNull(client.secrets().inNamespace(ns).withName("uses-vault").get());
    }

    @Test
    void aStoreOfAnotherControllerClassLeavesTheExternalSecretUntouched() {
        SecretStore other = fakeStore(ns, "other", entry("k", "v"));
        other.getSpec().controller = "someone-else";
        SecretStore created = client.resource(other).create();
        ExternalSecret notMine = client.resource(
                        withData(externalSecret(ns, "not-mine", "other", "1s"), "k", "k", null))
                .create();

        // both controllers have reconciled both resources as they are now (and wrote nothing, or would have again)
        ReconcileBarrier barrier = new ReconcileBarrier(ledger, client);
        barrier.awaitCaughtUp(created);
        barrier.awaitCaughtUp(notMine);
        ExternalSecret es = client.resources(ExternalSecret.class)
                .inNamespace(ns)
                .withName("not-mine")
                .get();
        assertNull(es.getStatus(), "status must stay empty");
        assertNull(client.resources(SecretStore.class)
                .inNamespace(ns)
                .withName("other")
                .get()
                .getStatus());
        assertNull(client.secrets().inNamespace(ns).withName("not-mine").get());
        assertEquals(0.0, metrics.syncCount(ns, "not-mine"));
    }

    @Test
    void aClusterStoreConditionThatExcludesTheNamespaceGivesAConditionAndNoSecret() {
        String storeName = "css-" + ns;
        ClusterSecretStore css = new ClusterSecretStore();
        css.setMetadata(new ObjectMetaBuilder().withName(storeName).build());
        css.setSpec(fakeStore(null, storeName, entry("k", "v")).getSpec());
        ClusterSecretStoreCondition onlyProd = new ClusterSecretStoreCondition();
        onlyProd.namespaces = List.of("production");
        css.getSpec().conditions = List.of(onlyProd);
        client.resource(css).create();
        ExternalSecret es = withData(externalSecret(ns, "denied", storeName, "1h"), "k", "k", null);
        es.getSpec().secretStoreRef = new SecretStoreRef(storeName, SecretStoreRef.CLUSTER_SECRET_STORE);
        client.resource(es).create();

        Condition ready = awaitEsReady("denied", "False");
        assertEquals("SecretSyncedError", ready.reason);
        assertEquals(
                "using cluster store \"" + storeName + "\" is not allowed from namespace \"" + ns
                        + "\": denied by spec.condition",
                ready.message);
        assertNull(client.secrets().inNamespace(ns).withName("denied").get());
    }

    private Condition awaitEsReady(String name, String status) {
        return await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> readyOf(client.resources(ExternalSecret.class)
                                .inNamespace(ns)
                                .withName(name)
                                .get()),
                        c -> c != null && status.equals(c.status));
    }

    private static Condition readyOf(io.fabric8.kubernetes.client.CustomResource<?, ?> resource) {
        if (resource == null || resource.getStatus() == null) {
            return null;
        }
        Object status = resource.getStatus();
        List<Condition> conditions = status instanceof io.sluice.api.v1.SecretStoreStatus s
                ? s.conditions
                : ((io.sluice.api.v1.ExternalSecretStatus) status).conditions;
        return Conditions.find(conditions, "Ready");
    }
}
