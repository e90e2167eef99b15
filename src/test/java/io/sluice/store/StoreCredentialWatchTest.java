package io.sluice.store;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.sluice.api.v1.SecretStoreProvider;
import io.sluice.api.v1.SecretStoreSpec;
import io.sluice.provider.Provider;
import io.sluice.provider.Provider.SecretReference;
import io.sluice.provider.RemoteKey;
import io.sluice.provider.RemoteSecret;
import io.sluice.provider.SecretsClient;
import io.sluice.provider.StoreCapabilities;
import io.sluice.provider.StoreView;
import io.sluice.testing.ExpiringWatchesDispatcher;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The credentials watch against a mock API server that can expire watches: rotations are seen after a watch
 * ended with 410 Gone, referent Secrets are watched per consumer namespace, and nothing stays watched once
 * its stores are gone.
 */
@Tag("slow")
class StoreCredentialWatchTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final StoreView CLUSTER_STORE =
            new StoreView("ClusterSecretStore", null, "shared", "uid-1", 1L, new SecretStoreSpec(), null);

    private final ExpiringWatchesDispatcher dispatcher = new ExpiringWatchesDispatcher();
    private KubernetesMockServer server;
    private KubernetesClient client;
    private StoreClientCache clients;
    private StoreCredentialWatch watch;
    private final List<String> told = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), dispatcher, false);
        server.init();
        client = server.createClient();
        clients = new StoreClientCache();
        watch = new StoreCredentialWatch(client, clients);
        watch.addListener((store, namespace) -> told.add(store.name() + "@" + namespace));
    }

    @AfterEach
    void stop() {
        watch.closeAll();
        client.close();
        server.destroy();
    }

    @Test
    void aRotationAfterTheWatchExpiredWith410GoneStillRebuildsTheClientsAndTellsTheUsers() {
        keys("team-a", "aws-keys", "AKIDOLD");
        StoreView store = new StoreView("SecretStore", "team-a", "aws", "uid-2", 1L, new SecretStoreSpec(), null);
        watch.track(store, Set.of(new SecretReference("team-a", "aws-keys")));
        await().atMost(WAIT).until(watch::allWatching);

        int endedBefore = dispatcher.watchesEnded();
        assertEquals(1, dispatcher.expireOpenWatches(), "one watch, for the one credentials Secret");
        // barrier: the server has seen the watch end, so a watch that is not re-established misses what follows
        await().atMost(WAIT).until(() -> dispatcher.watchesEnded() > endedBefore);
        keys("team-a", "aws-keys", "AKIDNEW");

        await().atMost(WAIT).until(() -> clients.epochOf("SecretStore", "team-a", "aws") == 1);
        assertEquals(List.of("aws@null"), told);
        // the informer relists (which saw the rotation) before it opens its watch again
        await().atMost(WAIT).until(() -> dispatcher.watchesOpened() >= 2);
    }

    @Test
    void referentSecretsAreWatchedPerConsumerNamespaceAndOnlyThatNamespacesClientIsRebuilt() {
        keys("team-a", "aws-keys", "AKIDA");
        keys("team-b", "aws-keys", "AKIDB");
        CountingProvider provider = new CountingProvider();
        watch.trackReferent(CLUSTER_STORE, "team-a", Set.of(new SecretReference("team-a", "aws-keys")));
        watch.trackReferent(CLUSTER_STORE, "team-b", Set.of(new SecretReference("team-b", "aws-keys")));
        SecretsClient a = clients.clientFor(CLUSTER_STORE, provider, "team-a");
        SecretsClient b = clients.clientFor(CLUSTER_STORE, provider, "team-b");
        await().atMost(WAIT).until(watch::allWatching);

        keys("team-a", "aws-keys", "AKIDA2");

        await().atMost(WAIT).until(() -> !told.isEmpty());
        assertEquals(List.of("shared@team-a"), told, "only team-a's users are concerned");
        assertNotSame(a, clients.clientFor(CLUSTER_STORE, provider, "team-a"), "team-a's client is rebuilt");
        assertSame(b, clients.clientFor(CLUSTER_STORE, provider, "team-b"), "team-b's client is kept");
        assertEquals(3, provider.built.size(), "team-a, team-b, then team-a again");
        assertTrue(provider.built.get(0).closed, "team-a's replaced client is closed");
        assertTrue(!provider.built.get(1).closed, "team-b's client is open");
    }

    @Test
    void aDeletedCredentialsSecretCountsAsAChange() {
        keys("team-a", "aws-keys", "AKIDA");
        StoreView store = new StoreView("SecretStore", "team-a", "aws", "uid-2", 1L, new SecretStoreSpec(), null);
        watch.track(store, Set.of(new SecretReference("team-a", "aws-keys")));
        await().atMost(WAIT).until(watch::allWatching);

        client.secrets().inNamespace("team-a").withName("aws-keys").delete();

        await().atMost(WAIT).until(() -> clients.epochOf("SecretStore", "team-a", "aws") == 1);
    }

    @Test
    void secretsAreWatchedOnceWhateverTheNumberOfStoresAndNoLongerOnceTheirStoresAreGone() {
        keys("team-a", "aws-keys", "AKIDA");
        keys("team-b", "aws-keys", "AKIDB");
        SecretReference shared = new SecretReference("team-a", "aws-keys");
        SecretReference referent = new SecretReference("team-b", "aws-keys");
        StoreView first = new StoreView("SecretStore", "team-a", "one", "uid-3", 1L, new SecretStoreSpec(), null);
        StoreView second = new StoreView("SecretStore", "team-a", "two", "uid-4", 1L, new SecretStoreSpec(), null);
        watch.track(first, Set.of(shared));
        watch.track(second, Set.of(shared));
        watch.trackReferent(CLUSTER_STORE, "team-b", Set.of(referent));
        assertEquals(Set.of(shared, referent), watch.informedSecrets());

        watch.untrack("SecretStore", "team-a", "one");
        assertEquals(Set.of(shared, referent), watch.informedSecrets(), "still used by the second store");
        watch.untrack("SecretStore", "team-a", "two");
        watch.untrack("ClusterSecretStore", null, "shared");
        assertEquals(Set.of(), watch.informedSecrets());
    }

    @Test
    void theSecretsOfANamespaceShareOneInformerWhichReportsOnlyThem() {
        keys("team-a", "keys-1", "AKID1");
        keys("team-a", "keys-2", "AKID2");
        StoreView one = new StoreView("SecretStore", "team-a", "one", "uid-5", 1L, new SecretStoreSpec(), null);
        StoreView two = new StoreView("SecretStore", "team-a", "two", "uid-6", 1L, new SecretStoreSpec(), null);
        watch.track(one, Set.of(new SecretReference("team-a", "keys-1")));
        watch.track(two, Set.of(new SecretReference("team-a", "keys-2")));
        assertEquals(1, watch.informerCount(), "one informer for the namespace, not one per Secret");
        await().atMost(WAIT).until(watch::allWatching);

        keys("team-a", "unrelated", "AKIDX");
        keys("team-a", "keys-2", "AKID2NEW");

        // the namespace's events arrive in order: once keys-2's change is told, the unrelated one was handled
        await().atMost(WAIT).until(() -> !told.isEmpty());
        assertEquals(List.of("two@null"), told, "only the store reading keys-2 is concerned");
        assertEquals(
                Set.of(new SecretReference("team-a", "keys-1"), new SecretReference("team-a", "keys-2")),
                watch.informedSecrets());
    }

    @Test
    void aNewStoreGenerationForgetsTheReferentSecretsOfThePreviousOne() {
        keys("team-b", "aws-keys", "AKIDB");
        watch.track(CLUSTER_STORE, Set.of());
        watch.trackReferent(CLUSTER_STORE, "team-b", Set.of(new SecretReference("team-b", "aws-keys")));
        watch.track(CLUSTER_STORE, Set.of());
        assertEquals(1, watch.informedSecrets().size(), "same generation: kept");

        watch.track(
                new StoreView("ClusterSecretStore", null, "shared", "uid-1", 2L, new SecretStoreSpec(), null),
                Set.of());
        assertEquals(Set.of(), watch.informedSecrets());
    }

    private void keys(String namespace, String name, String accessKey) {
        client.secrets()
                .inNamespace(namespace)
                .resource(new SecretBuilder()
                        .withNewMetadata()
                        .withName(name)
                        .withNamespace(namespace)
                        .endMetadata()
                        .withStringData(Map.of("access-key", accessKey))
                        .build())
                .createOr(r -> r.update());
    }

    private static final class CountingClient implements SecretsClient {
        volatile boolean closed;

        @Override
        public RemoteSecret fetch(RemoteKey key) {
            return RemoteSecret.ofString("v");
        }

        @Override
        public void validate() {}

        @Override
        public void close() {
            closed = true;
        }
    }

    private static final class CountingProvider implements Provider {
        final List<CountingClient> built = new CopyOnWriteArrayList<>();

        @Override
        public String name() {
            return "counting";
        }

        @Override
        public boolean handles(SecretStoreProvider block) {
            return true;
        }

        @Override
        public StoreCapabilities capabilities(SecretStoreProvider block) {
            return StoreCapabilities.ReadOnly;
        }

        @Override
        public SecretsClient newClient(StoreView store, String consumerNamespace) {
            CountingClient client = new CountingClient();
            built.add(client);
            return client;
        }

        @Override
        public boolean usesReferentAuth(StoreView store) {
            return true;
        }
    }
}
