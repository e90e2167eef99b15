package io.sluice.store;

import static io.sluice.testing.Fixtures.externalSecret;
import static io.sluice.testing.Fixtures.withData;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.sluice.api.common.SecretKeySelector;
import io.sluice.api.v1.AwsProvider;
import io.sluice.api.v1.ClusterSecretStore;
import io.sluice.api.v1.ExternalSecret;
import io.sluice.api.v1.SecretStore;
import io.sluice.api.v1.SecretStoreProvider;
import io.sluice.api.v1.SecretStoreRef;
import io.sluice.api.v1.SecretStoreSpec;
import io.sluice.provider.Provider.SecretReference;
import io.sluice.status.Conditions;
import io.sluice.testing.aws.EmulatorResource;
import io.sluice.testing.aws.emulator.AwsEmulator;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What the store controllers hold for a store, end to end on the AWS emulator: the clients and the credentials
 * informers, released when the store is deleted, and the referent credentials of a ClusterSecretStore, watched in
 * each namespace that uses it.
 */
@Tag("slow")
@QuarkusTest
@WithKubernetesTestServer(crud = true)
@QuarkusTestResource(EmulatorResource.class)
class StoreLifecycleTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    KubernetesClient client;

    @Inject
    StoreCredentialWatch watch;

    @Inject
    StoreClientCache clients;

    private final String ns = "store-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void deletingAStoreClosesItsClientsAndStopsWatchingItsCredentials() {
        keys(ns, "AKIDLIFECYCLE", "s3cret");
        client.resource(secretStore("doomed")).create();
        await().atMost(WAIT).until(() -> ready(ns, "doomed"));
        SecretReference keys = new SecretReference(ns, "aws-keys");
        assertTrue(watch.informedSecrets().contains(keys), "the credentials Secret is watched");
        assertTrue(clients.holdsClientsOf("SecretStore", ns, "doomed"), "validation built a client");

        client.resources(SecretStore.class).inNamespace(ns).withName("doomed").delete();

        await().atMost(WAIT)
                .until(() -> !watch.informedSecrets().contains(keys)
                        && !clients.holdsClientsOf("SecretStore", ns, "doomed"));
    }

    @Test
    void aClusterStoresReferentCredentialsAreWatchedInTheNamespaceUsingThem() {
        AwsEmulator aws = EmulatorResource.emulator();
        String remote = ns + "/token";
        aws.seedSecret(remote, "t0k3n", Map.of());
        String store = "referent-" + ns;
        aws.restrictAccessTo("AKIDREFERENTGOOD");
        try {
            keys(ns, "AKIDREFERENTOLD", "old");
            client.resource(clusterStore(store)).create();
            var es = withData(externalSecret(ns, "token", store, "1h"), "token", remote, null);
            es.getSpec().secretStoreRef = new SecretStoreRef(store, SecretStoreRef.CLUSTER_SECRET_STORE);
            client.resource(es).create();
            await().atMost(WAIT).until(() -> failed("token"));
            assertTrue(
                    watch.informedSecrets().contains(new SecretReference(ns, "aws-keys")),
                    "the Secret read in the ExternalSecret's namespace is watched");

            Secret rotated =
                    client.secrets().inNamespace(ns).withName("aws-keys").get();
            rotated.setData(Map.of("access-key", b64("AKIDREFERENTGOOD"), "secret-access-key", b64("new")));
            client.resource(rotated).update();

            // AccessDeniedException is no credentials rejection: only the watch can make the client see the new key
            await().atMost(WAIT).until(() -> "t0k3n".equals(value("token", "token")));
            client.resources(ClusterSecretStore.class).withName(store).delete();
            await().atMost(WAIT).until(() -> !watch.informedSecrets().contains(new SecretReference(ns, "aws-keys")));
        } finally {
            aws.allowAllAccess();
        }
    }

    private boolean ready(String namespace, String name) {
        SecretStore store = client.resources(SecretStore.class)
                .inNamespace(namespace)
                .withName(name)
                .get();
        return store != null && store.getStatus() != null && Conditions.isTrue(store.getStatus().conditions, "Ready");
    }

    private boolean failed(String name) {
        ExternalSecret es = client.resources(ExternalSecret.class)
                .inNamespace(ns)
                .withName(name)
                .get();
        return es != null
                && es.getStatus() != null
                && es.getStatus().conditions != null
                && Conditions.find(es.getStatus().conditions, "Ready") != null
                && !Conditions.isTrue(es.getStatus().conditions, "Ready");
    }

    private void keys(String namespace, String accessKey, String secretKey) {
        client.resource(new SecretBuilder()
                        .withMetadata(new ObjectMetaBuilder()
                                .withNamespace(namespace)
                                .withName("aws-keys")
                                .build())
                        .withData(Map.of("access-key", b64(accessKey), "secret-access-key", b64(secretKey)))
                        .build())
                .create();
    }

    private SecretStore secretStore(String name) {
        SecretStore store = new SecretStore();
        store.setMetadata(
                new ObjectMetaBuilder().withNamespace(ns).withName(name).build());
        store.setSpec(awsSpec());
        return store;
    }

    private static ClusterSecretStore clusterStore(String name) {
        ClusterSecretStore store = new ClusterSecretStore();
        store.setMetadata(new ObjectMetaBuilder().withName(name).build());
        store.setSpec(awsSpec());
        return store;
    }

    /** Static keys from the {@code aws-keys} Secret; refs without a namespace (a ClusterSecretStore: referent). */
    private static SecretStoreSpec awsSpec() {
        SecretStoreSpec spec = new SecretStoreSpec();
        spec.provider = new SecretStoreProvider();
        AwsProvider aws = new AwsProvider();
        aws.service = AwsProvider.Service.SecretsManager;
        aws.region = AwsEmulator.DEFAULT_REGION;
        aws.auth = new AwsProvider.Auth();
        aws.auth.secretRef = new AwsProvider.SecretRef();
        aws.auth.secretRef.accessKeyIDSecretRef = selector("access-key");
        aws.auth.secretRef.secretAccessKeySecretRef = selector("secret-access-key");
        spec.provider.aws = aws;
        return spec;
    }

    private static SecretKeySelector selector(String key) {
        SecretKeySelector s = new SecretKeySelector();
        s.name = "aws-keys";
        s.key = key;
        return s;
    }

    private String value(String secret, String key) {
        Secret s = client.secrets().inNamespace(ns).withName(secret).get();
        return s == null || s.getData() == null || !s.getData().containsKey(key)
                ? null
                : new String(Base64.getDecoder().decode(s.getData().get(key)), StandardCharsets.UTF_8);
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
