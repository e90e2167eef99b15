package io.sluice.externalsecret;

import static io.sluice.testing.Fixtures.entry;
import static io.sluice.testing.Fixtures.externalSecret;
import static io.sluice.testing.Fixtures.fakeStore;
import static io.sluice.testing.Fixtures.withData;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.quarkus.test.kubernetes.client.KubernetesTestServer;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.sluice.api.v1.ExternalSecret;
import io.sluice.api.v1.ExternalSecretTarget;
import io.sluice.api.v1.ExternalSecretTarget.CreationPolicy;
import io.sluice.testing.RefusedRequests;
import io.sluice.testing.RefusedRequests.Refusal;
import jakarta.inject.Inject;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A first sync that creates its Secret (Owner, Orphan) does not read the target from the API server when the
 * managed-Secrets cache has none: the create finds out for itself when a Secret is there after all.
 */
@Tag("slow")
@QuarkusTest
@WithKubernetesTestServer(crud = true)
class FirstSyncTargetReadTest {
    @Inject
    KubernetesClient client;

    @KubernetesTestServer
    KubernetesServer server;

    private TestNamespace t;

    @BeforeEach
    void setUp() {
        t = new TestNamespace(client);
        RefusedRequests.expectRefusals(server, HttpURLConnection.HTTP_INTERNAL_ERROR, "InternalError");
        client.resource(fakeStore(t.ns, "fake", entry("token", "v1"))).create();
    }

    @AfterEach
    void cleanUp() {
        t.deleteAllExternalSecrets();
    }

    @Test
    void aFirstSyncCreatesItsSecretWithoutReadingItFirst() {
        String target = "/api/v1/namespaces/" + t.ns + "/secrets/app";
        try (Refusal reads = RefusedRequests.INSTANCE.refuseGets(
                uri -> uri.getPath().equals(target), HttpURLConnection.HTTP_INTERNAL_ERROR)) {
            client.resource(withData(externalSecret(t.ns, "app", "fake", "1h"), "token", "token", null))
                    .create();
            t.awaitReady("app", "True");
            assertEquals(0, reads.refused(), "the target Secret was read");
        }
        assertEquals(Map.of("token", "v1"), t.data("app"));
    }

    @Test
    void aSecretOutsideTheCacheIsFoundByTheCreateAndTakenOverAsBefore() {
        client.resource(new SecretBuilder()
                        .withMetadata(new ObjectMetaBuilder()
                                .withNamespace(t.ns)
                                .withName("taken")
                                .build())
                        .withData(Map.of("keep", b64("x")))
                        .build())
                .create();
        ExternalSecret es = withData(externalSecret(t.ns, "app", "fake", "1h"), "token", "token", null);
        es.getSpec().target = new ExternalSecretTarget();
        es.getSpec().target.name = "taken";
        es.getSpec().target.creationPolicy = CreationPolicy.Owner;
        client.resource(es).create();

        t.awaitReady("app", "True");
        assertEquals(Map.of("token", "v1"), t.data("taken"), "Owner writes the whole Secret");
        assertEquals(
                "app",
                t.secret("taken").getMetadata().getOwnerReferences().get(0).getName());
    }

    private static String b64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }
}
