package io.sluice.kube;

import static io.sluice.testing.Fixtures.entry;
import static io.sluice.testing.Fixtures.externalSecret;
import static io.sluice.testing.Fixtures.fakeStore;
import static io.sluice.testing.Fixtures.withData;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.sluice.api.v1.ExternalSecret;
import io.sluice.api.v1.ExternalSecretTarget;
import io.sluice.api.v1.ExternalSecretTarget.DeletionPolicy;
import io.sluice.api.v1alpha1.PushSecret;
import io.sluice.api.v1alpha1.PushSecretData;
import io.sluice.api.v1alpha1.PushSecretMatch;
import io.sluice.api.v1alpha1.PushSecretRemoteRef;
import io.sluice.api.v1alpha1.PushSecretSelector;
import io.sluice.api.v1alpha1.PushSecretSpec;
import io.sluice.api.v1alpha1.PushSecretStoreRef;
import io.sluice.provider.fake.FakeProviderImpl;
import io.sluice.testing.Fixtures;
import io.sluice.testing.HeldRequests;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A change someone else makes to a resource while the operator is writing that resource's status must still
 * be acted on. The operator's status write is held before it is sent, the test changes the resource, then the
 * write goes: it lands after the change, so only a write that is refused on a changed resource lets the
 * change's event through JOSDK's own-write event filter.
 */
@QuarkusTest
@Tag("slow")
@WithKubernetesTestServer(crud = true)
class ChangeDuringStatusWriteTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    KubernetesClient client;

    private final HeldRequests held = HeldRequests.INSTANCE;

    @Inject
    FakeProviderImpl fake;

    private final String ns = "r-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void anExternalSecretDeletedWhileItsStatusIsWrittenStillDeletesItsSecret() throws InterruptedException {
        client.resource(fakeStore(ns, "fake", entry("token", "v1"))).create();
        ExternalSecret es = withData(externalSecret(ns, "app", "fake", "1h"), "token", "token", null);
        es.getSpec().target = new ExternalSecretTarget();
        es.getSpec().target.deletionPolicy = DeletionPolicy.Delete;

        try (HeldRequests.Hold statusWrite = held.holdNext("PATCH", "/externalsecrets/app/status")) {
            client.resource(es).create();
            statusWrite.awaitHeld(WAIT);
            // the sync wrote the Secret and the finalizer before reporting its status
            assertNotNull(client.secrets().inNamespace(ns).withName("app").get());
            assertTrue(currentApp().hasFinalizer(WellKnown.ES_CLEANUP_FINALIZER));

            client.resource(currentApp()).delete();
            assertNotNull(currentApp().getMetadata().getDeletionTimestamp());
        }

        await().atMost(WAIT)
                .until(() -> client.secrets().inNamespace(ns).withName("app").get() == null);
        await().atMost(WAIT).until(() -> currentApp() == null);
    }

    @Test
    void aPushSecretSpecChangedWhileItsStatusIsWrittenIsReconciled() throws InterruptedException {
        client.resource(fakeStore(ns, "a")).create();
        client.resource(fakeStore(ns, "b")).create();
        Secret source = new SecretBuilder()
                .withNewMetadata()
                .withNamespace(ns)
                .withName("db")
                .endMetadata()
                .withStringData(Map.of("pass", "pw"))
                .build();
        client.resource(source).create();

        try (HeldRequests.Hold statusWrite = held.holdNext("PATCH", "/pushsecrets/tidy/status")) {
            client.resource(pushSecret("tidy", List.of("a", "b"))).create();
            statusWrite.awaitHeld(WAIT);
            // the push reached both stores before reporting its status
            assertEquals("pw", pushed("a", "k1"));
            assertEquals("pw", pushed("b", "k1"));

            PushSecret oneStore = pushSecret("tidy", List.of("a"));
            Fixtures.editSpec(client, oneStore);
        }

        await().atMost(WAIT).until(() -> pushed("b", "k1") == null);
        assertEquals("pw", pushed("a", "k1"));
    }

    private ExternalSecret currentApp() {
        return client.resources(ExternalSecret.class)
                .inNamespace(ns)
                .withName("app")
                .get();
    }

    private String pushed(String store, String key) {
        byte[] value = fake.pushedTo("SecretStore " + ns + "/" + store).get(key);
        return value == null ? null : new String(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    private PushSecret pushSecret(String name, List<String> stores) {
        PushSecret ps = new PushSecret();
        ps.setMetadata(new ObjectMetaBuilder().withNamespace(ns).withName(name).build());
        PushSecretSpec spec = new PushSecretSpec();
        spec.refreshInterval = "1h";
        spec.deletionPolicy = PushSecretSpec.DeletionPolicy.Delete;
        spec.secretStoreRefs = new ArrayList<>(stores.stream()
                .map(store -> {
                    PushSecretStoreRef ref = new PushSecretStoreRef();
                    ref.name = store;
                    return ref;
                })
                .toList());
        spec.selector = new PushSecretSelector();
        spec.selector.secret = new PushSecretSelector.SecretSource();
        spec.selector.secret.name = "db";
        PushSecretData data = new PushSecretData();
        data.match = new PushSecretMatch();
        data.match.secretKey = "pass";
        data.match.remoteRef = new PushSecretRemoteRef();
        data.match.remoteRef.remoteKey = "k1";
        spec.data = new ArrayList<>(List.of(data));
        ps.setSpec(spec);
        return ps;
    }
}
