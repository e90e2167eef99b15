package io.sluice.externalsecret;

import static io.sluice.testing.Fixtures.entry;
import static io.sluice.testing.Fixtures.externalSecret;
import static io.sluice.testing.Fixtures.fakeStore;
import static io.sluice.testing.Fixtures.withData;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.sluice.api.common.Condition;
import io.sluice.api.v1.ExternalSecret;
import io.sluice.api.v1.ExternalSecretTarget;
import io.sluice.api.v1.ExternalSecretTarget.CreationPolicy;
import io.sluice.api.v1.ExternalSecretTarget.DeletionPolicy;
import io.sluice.kube.WellKnown;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The ExternalSecret's own life: deletion and its finalizer, target rename, ownership conflicts, immutability. */
@QuarkusTest
@Tag("slow")
@WithKubernetesTestServer(crud = true)
class ExternalSecretLifecycleTest {

    @Inject
    KubernetesClient client;

    @Inject
    ExternalSecretReconciler reconciler;

    private TestNamespace t;

    @BeforeEach
    void namespace() {
        t = new TestNamespace(client);
        client.resource(fakeStore(t.ns, "fake", entry("token", "v1"))).create();
    }

    @AfterEach
    void cleanUp() {
        t.deleteAllExternalSecrets();
    }

    @Test
    void deletionPolicyDeleteCarriesTheCleanupFinalizerAndDeletesTheSecretWithTheExternalSecret() {
        client.resource(target(es("app", "1h"), null, DeletionPolicy.Delete)).create();
        t.awaitData("app", Map.of("token", "v1"));
        await().atMost(TestNamespace.WAIT).until(() -> t.es("app").hasFinalizer(WellKnown.ES_CLEANUP_FINALIZER));
        ResourceID id = new ResourceID("app", t.ns);
        assertTrue(reconciler.remembers(id));

        client.resource(t.es("app")).delete();

        t.awaitGone("app");
        await().atMost(TestNamespace.WAIT).until(() -> t.es("app") == null);
        await().atMost(TestNamespace.WAIT).until(() -> !reconciler.remembers(id));
    }

    @Test
    void retainCarriesNoFinalizerAndSluiceNeverDeletesTheSecret() {
        client.resource(es("app", "1h")).create();
        t.awaitReady("app", "True");
        assertFalse(t.es("app").hasFinalizer(WellKnown.ES_CLEANUP_FINALIZER));
        ResourceID id = new ResourceID("app", t.ns);
        assertTrue(reconciler.remembers(id));

        client.resource(t.es("app")).delete();

        await().atMost(TestNamespace.WAIT).until(() -> t.es("app") == null && !reconciler.remembers(id));
        // a real cluster's garbage collector removes an Owner Secret through its ownerReference; Sluice does not
        assertNotNull(t.secret("app"));
    }

    @Test
    void switchingAwayFromDeleteRemovesTheFinalizer() {
        client.resource(target(es("app", "1h"), null, DeletionPolicy.Delete)).create();
        await().atMost(TestNamespace.WAIT).until(() -> t.es("app").hasFinalizer(WellKnown.ES_CLEANUP_FINALIZER));

        t.editEs("app", e -> {
            e.getSpec().target.deletionPolicy = DeletionPolicy.Retain;
            return e;
        });

        await().atMost(TestNamespace.WAIT).until(() -> !t.es("app").hasFinalizer(WellKnown.ES_CLEANUP_FINALIZER));
    }

    @Test
    void aTargetOwnedByAnotherExternalSecretIsNeverTakenOverNorDeleted() {
        client.resource(target(es("first", "1h"), "shared", DeletionPolicy.Retain))
                .create();
        t.awaitData("shared", Map.of("token", "v1"));
        String version = t.secret("shared").getMetadata().getResourceVersion();

        ExternalSecret second = target(
                withData(externalSecret(t.ns, "second", "fake", "1h"), "other", "token", null),
                "shared",
                DeletionPolicy.Delete);
        client.resource(second).create();

        Condition ready = t.awaitReady("second", "False");
        assertEquals("SecretSyncedError", ready.reason);
        assertTrue(ready.message.startsWith("target is owned by another ExternalSecret (first)"), ready.message);
        await().atMost(TestNamespace.WAIT).until(() -> t.es("second").hasFinalizer(WellKnown.ES_CLEANUP_FINALIZER));

        client.resource(t.es("second")).delete();
        await().atMost(TestNamespace.WAIT).until(() -> t.es("second") == null);
        assertEquals(version, t.secret("shared").getMetadata().getResourceVersion(), "first's Secret is untouched");
    }

    @Test
    void renamingTheTargetUnderOwnerDeletesTheOldSecretOnly() {
        client.resource(es("app", "1h")).create();
        client.resource(target(es("neighbour", "1h"), "neighbour-secret", DeletionPolicy.Retain))
                .create();
        t.awaitData("app", Map.of("token", "v1"));
        t.awaitData("neighbour-secret", Map.of("token", "v1"));

        t.editEs("app", e -> target(e, "renamed", DeletionPolicy.Retain));

        t.awaitData("renamed", Map.of("token", "v1"));
        t.awaitGone("app");
        assertEquals("renamed", t.es("app").getStatus().binding.name);
        assertNotNull(t.secret("neighbour-secret"));
        assertTrue(t.hasEvent("Deleted"));
    }

    @Test
    void anImmutableTargetIsNeverChanged() {
        ExternalSecret es = es("app", "1s");
        es.getSpec().target = new ExternalSecretTarget();
        es.getSpec().target.immutable = true;
        client.resource(es).create();
        t.awaitData("app", Map.of("token", "v1"));
        assertEquals(Boolean.TRUE, t.secret("app").getImmutable());
        String version = t.secret("app").getMetadata().getResourceVersion();

        t.setStoreData("fake", entry("token", "v2"));

        Condition ready = t.awaitReady("app", "False");
        assertEquals("could not update secret, target is immutable", ready.message);
        assertEquals(version, t.secret("app").getMetadata().getResourceVersion());
        assertEquals(Map.of("token", "v1"), t.data("app"));
    }

    @Test
    void aFieldSluiceDoesNotImplementFailsTheSyncNamingItAndLeavesTheSecret() {
        client.resource(es("app", "1h")).create();
        t.awaitData("app", Map.of("token", "v1"));
        String version = t.secret("app").getMetadata().getResourceVersion();

        t.editEs("app", es -> {
            es.getSpec().syncWindows = new io.sluice.api.v1.SyncWindows();
            es.getSpec().syncWindows.kind = io.sluice.api.v1.SyncWindows.Kind.deny;
            return es;
        });
        t.setStoreData("fake", entry("token", "v2"));

        Condition ready = t.awaitReady("app", "False", "spec.syncWindows");
        assertEquals("SecretSyncedError", ready.reason);
        assertEquals(version, t.secret("app").getMetadata().getResourceVersion(), "the Secret stays as it was");
        assertEquals(Map.of("token", "v1"), t.data("app"));

        // positive control: without the field, the same ExternalSecret syncs the new value
        t.editEs("app", es -> {
            es.getSpec().syncWindows = null;
            return es;
        });
        t.awaitData("app", Map.of("token", "v2"));
    }

    private ExternalSecret es(String name, String refresh) {
        return withData(externalSecret(t.ns, name, "fake", refresh), "token", "token", null);
    }

    private static ExternalSecret target(ExternalSecret es, String name, DeletionPolicy deletion) {
        if (es.getSpec().target == null) {
            es.getSpec().target = new ExternalSecretTarget();
        }
        es.getSpec().target.name = name;
        es.getSpec().target.creationPolicy = CreationPolicy.Owner;
        es.getSpec().target.deletionPolicy = deletion;
        return es;
    }
}
