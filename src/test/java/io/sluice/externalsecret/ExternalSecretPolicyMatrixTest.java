package io.sluice.externalsecret;

import static io.sluice.testing.Fixtures.entry;
import static io.sluice.testing.Fixtures.externalSecret;
import static io.sluice.testing.Fixtures.fakeStore;
import static io.sluice.testing.Fixtures.withData;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.sluice.api.common.Condition;
import io.sluice.api.v1.ExternalSecret;
import io.sluice.api.v1.ExternalSecretTarget;
import io.sluice.api.v1.ExternalSecretTarget.CreationPolicy;
import io.sluice.api.v1.ExternalSecretTarget.DeletionPolicy;
import io.sluice.metrics.SyncMetrics;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every creationPolicy x deletionPolicy pair ESO allows, through a whole life: first sync, one remote secret
 * gone, every remote secret gone. Merge policies start from an existing Secret with a foreign key.
 */
@QuarkusTest
@Tag("slow")
@WithKubernetesTestServer(crud = true)
class ExternalSecretPolicyMatrixTest {

    @Inject
    KubernetesClient client;

    @Inject
    SyncMetrics metrics;

    private TestNamespace t;

    @BeforeEach
    void namespace() {
        t = new TestNamespace(client);
    }

    @AfterEach
    void cleanUp() {
        t.deleteAllExternalSecrets();
    }

    static Stream<Arguments> allowedPairs() {
        return Stream.of(
                Arguments.of(CreationPolicy.Owner, DeletionPolicy.Retain),
                Arguments.of(CreationPolicy.Owner, DeletionPolicy.Delete),
                Arguments.of(CreationPolicy.Owner, DeletionPolicy.Merge),
                Arguments.of(CreationPolicy.Orphan, DeletionPolicy.Retain),
                Arguments.of(CreationPolicy.Orphan, DeletionPolicy.Merge),
                Arguments.of(CreationPolicy.Merge, DeletionPolicy.Retain),
                Arguments.of(CreationPolicy.Merge, DeletionPolicy.Merge),
                Arguments.of(CreationPolicy.CreateOrMerge, DeletionPolicy.Retain),
                Arguments.of(CreationPolicy.CreateOrMerge, DeletionPolicy.Merge),
                Arguments.of(CreationPolicy.None, DeletionPolicy.Retain));
    }

    @ParameterizedTest(name = "creationPolicy {0}, deletionPolicy {1}")
    @MethodSource("allowedPairs")
    void providerSecretsDisappearing(CreationPolicy creation, DeletionPolicy deletion) {
        boolean merges = creation == CreationPolicy.Merge || creation == CreationPolicy.CreateOrMerge;
        boolean preexisting = merges || creation == CreationPolicy.None;
        client.resource(fakeStore(t.ns, "fake", entry("a", "A"), entry("b", "B")))
                .create();
        if (preexisting) {
            client.resource(new SecretBuilder()
                            .withNewMetadata()
                            .withNamespace(t.ns)
                            .withName("app")
                            .endMetadata()
                            .addToStringData("foreign", "F")
                            .build())
                    .create();
        }
        ExternalSecret es =
                withData(withData(externalSecret(t.ns, "app", "fake", "1s"), "k1", "a", null), "k2", "b", null);
        es.getSpec().target = new ExternalSecretTarget();
        es.getSpec().target.creationPolicy = creation;
        es.getSpec().target.deletionPolicy = deletion;
        client.resource(es).create();

        // first sync
        t.awaitReady("app", "True");
        Map<String, String> foreign = merges ? Map.of("foreign", "F") : Map.of();
        if (creation == CreationPolicy.None) {
            assertEquals(Map.of("foreign", "F"), t.data("app"), "None never writes");
        } else {
            t.awaitData("app", with(foreign, Map.of("k1", "A", "k2", "B")));
        }
        String versionBefore = t.secret("app").getMetadata().getResourceVersion();

        // one remote secret gone
        t.setStoreData("fake", entry("a", "A2"));
        if (deletion == DeletionPolicy.Retain) {
            Condition ready = t.awaitReady("app", "False", "secret retained due to DeletionPolicy=Retain");
            assertEquals("SecretSyncedError", ready.reason);
            assertTrue(ready.message.startsWith("could not get secret data from provider"), ready.message);
            assertEquals(
                    versionBefore,
                    t.secret("app").getMetadata().getResourceVersion(),
                    "Retain leaves the Secret as it was");
            return;
        }
        t.awaitData("app", with(foreign, Map.of("k1", "A2")));
        assertTrue(t.hasEvent("MissingProviderSecret"));
        assertEquals("True", t.ready("app").status);

        // every remote secret gone
        t.setStoreData("fake");
        if (deletion == DeletionPolicy.Delete) {
            t.awaitGone("app");
            Condition ready = t.awaitReady("app", "True", "secret deleted due to DeletionPolicy=Delete");
            assertEquals("SecretDeleted", ready.reason);
            assertTrue(t.hasEvent("Deleted"));
            // two more refreshes (1 s) reached the provider, found nothing, and did not bring the Secret back
            double syncs = metrics.syncCount(t.ns, "app");
            await().atMost(TestNamespace.WAIT).until(() -> metrics.syncCount(t.ns, "app") >= syncs + 2);
            assertNull(t.secret("app"));
        } else {
            t.awaitData("app", foreign);
            assertEquals("True", t.ready("app").status);
        }
    }

    private static Map<String, String> with(Map<String, String> a, Map<String, String> b) {
        Map<String, String> result = new HashMap<>(a);
        result.putAll(b);
        return result;
    }
}
