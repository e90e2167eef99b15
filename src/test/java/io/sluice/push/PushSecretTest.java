package io.sluice.push;

import static io.sluice.testing.Fixtures.entry;
import static io.sluice.testing.Fixtures.fakeStore;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.sluice.api.common.Condition;
import io.sluice.api.v1.ExternalSecretTemplate;
import io.sluice.api.v1alpha1.PushSecret;
import io.sluice.api.v1alpha1.PushSecretData;
import io.sluice.api.v1alpha1.PushSecretMatch;
import io.sluice.api.v1alpha1.PushSecretRemoteRef;
import io.sluice.api.v1alpha1.PushSecretSelector;
import io.sluice.api.v1alpha1.PushSecretSpec;
import io.sluice.api.v1alpha1.PushSecretStoreRef;
import io.sluice.metrics.ReconcileLedger;
import io.sluice.metrics.ResourceSeries;
import io.sluice.provider.fake.FakeProviderImpl;
import io.sluice.status.Conditions;
import io.sluice.testing.ReconcileBarrier;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@QuarkusTest
@Tag("slow")
@WithKubernetesTestServer(crud = true)
class PushSecretTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    KubernetesClient client;

    @Inject
    FakeProviderImpl fake;

    @Inject
    ReconcileLedger ledger;

    private final String ns = "p-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void pushesAKeyAndTheWholeSecretAndWritesOnlyOnChange() {
        client.resource(fakeStore(ns, "vault")).create();
        source("db", Map.of("user", "admin", "pass", "pw1"));
        PushSecret ps = pushSecret(
                "push-db", "db", "1s", List.of("vault"), data("pass", "db-pass", null), data(null, "db-all", null));
        client.resource(ps).create();

        // one reconcile pushes both entries, one after the other
        await().atMost(WAIT).until(() -> "pw1".equals(pushed("vault", "db-pass")) && pushed("vault", "db-all") != null);
        assertEquals("{\"pass\":\"pw1\",\"user\":\"admin\"}", pushed("vault", "db-all"));
        Condition ready = awaitReady("push-db", "True");
        assertEquals("Synced", ready.reason);
        assertEquals("PushSecret synced successfully", ready.message);
        PushSecret synced = get("push-db");
        assertEquals(
                java.util.Set.of("db-pass", "db-all"),
                synced.getStatus().syncedPushSecrets.get("SecretStore/vault").keySet());
        String version = synced.getMetadata().getResourceVersion();
        ReconcileBarrier barrier = new ReconcileBarrier(ledger, client);
        barrier.awaitReconciles(synced, barrier.reconciles(synced), 2); // two refreshes (1 s) ran since
        assertEquals(
                version,
                get("push-db").getMetadata().getResourceVersion(),
                "refreshes that push nothing new must not rewrite the status");

        source("db", Map.of("user", "admin", "pass", "pw2"));
        await().atMost(WAIT).until(() -> "pw2".equals(pushed("vault", "db-pass")));
    }

    @Test
    void aChangedSourceGoesOutAtOnceEvenWithRefreshIntervalZeroAndOnlySelectedSecretsCount() {
        client.resource(fakeStore(ns, "vault")).create();
        source("named", Map.of("pass", "n1"));
        source("labelled", Map.of("pass", "l1", "note", "a"), Map.of("push", "me"));
        // sorts after "labelled": were it (wrongly) selected, its pass would win the merge
        source("zz-bystander", Map.of("pass", "b1"), Map.of("push", "not-me"));
        client.resource(pushSecret("by-name", "named", "0", List.of("vault"), data("pass", "named-pass", null)))
                .create();
        PushSecret bySelector = pushSecret(
                "by-selector",
                null,
                "0",
                List.of("vault"),
                data("pass", "labelled-pass", null),
                data(null, "labelled-all", null));
        bySelector.getSpec().selector.secret.selector =
                new LabelSelectorBuilder().addToMatchLabels("push", "me").build();
        client.resource(bySelector).create();
        await().atMost(WAIT)
                .until(() ->
                        "n1".equals(pushed("vault", "named-pass")) && "l1".equals(pushed("vault", "labelled-pass")));

        // refreshInterval 0: no timer; only the watch on the sources can send these out
        source("named", Map.of("pass", "n2"));
        await().atMost(WAIT).until(() -> "n2".equals(pushed("vault", "named-pass")));
        source("labelled", Map.of("pass", "l2", "note", "a"), Map.of("push", "me"));
        await().atMost(WAIT).until(() -> "l2".equals(pushed("vault", "labelled-pass")));

        // an unselected Secret changes, then (positive control) a selected one: once the control's change is out,
        // the PushSecret has read its sources after the bystander's change
        long namedEvents = ledger.of(ResourceSeries.of(get("by-name"))).received();
        source("zz-bystander", Map.of("pass", "intruder"), Map.of("push", "not-me"));
        source("labelled", Map.of("pass", "l2", "note", "b"), Map.of("push", "me"));
        await().atMost(WAIT)
                .until(() -> pushed("vault", "labelled-all"), v -> v != null && v.contains("\"note\":\"b\""));
        assertEquals("l2", pushed("vault", "labelled-pass"));
        assertFalse(pushed("vault", "labelled-all").contains("intruder"));
        assertEquals(
                namedEvents,
                ledger.of(ResourceSeries.of(get("by-name"))).received(),
                "no event reaches a PushSecret whose source did not change");
        assertEquals("n2", pushed("vault", "named-pass"));
    }

    @Test
    void refusesToOverwriteARemoteSecretItDidNotCreate() {
        client.resource(fakeStore(ns, "vault", entry("legacy", "precious"))).create();
        source("db", Map.of("pass", "pw"));
        client.resource(pushSecret("takeover", "db", "1h", List.of("vault"), data("pass", "legacy", null)))
                .create();

        Condition ready = awaitReady("takeover", "False");
        assertEquals("Errored", ready.reason);
        assertTrue(ready.message.contains("not managed by external-secrets"), ready.message);
        assertFalse(ready.message.contains("precious") || ready.message.contains("\"pw\""), ready.message);
        assertNull(fake.pushedTo("SecretStore " + ns + "/vault").get("legacy"));
    }

    @Test
    void ifNotExistsLeavesExistingSecretsAlone() {
        client.resource(fakeStore(ns, "vault", entry("legacy", "precious"))).create();
        source("db", Map.of("pass", "pw"));
        PushSecret ps = pushSecret(
                "polite", "db", "1h", List.of("vault"), data("pass", "legacy", null), data("pass", "fresh", null));
        ps.getSpec().updatePolicy = PushSecretSpec.UpdatePolicy.IfNotExists;
        client.resource(ps).create();

        Condition ready = awaitReady("polite", "True");
        assertEquals("PushSecret synced successfully. Existing secrets in providers unchanged.", ready.message);
        assertEquals("pw", pushed("vault", "fresh"));
        assertNull(pushed("vault", "legacy"));
    }

    @Test
    void underDeleteDroppedEntriesAndDroppedStoresAreDeletedAndTheRestOnDeletion() {
        client.resource(fakeStore(ns, "a")).create();
        client.resource(fakeStore(ns, "b")).create();
        source("db", Map.of("pass", "pw"));
        PushSecret ps = pushSecret("tidy", "db", "1h", List.of("a", "b"), data("pass", "k1", null));
        ps.getSpec().deletionPolicy = PushSecretSpec.DeletionPolicy.Delete;
        client.resource(ps).create();
        await().atMost(WAIT).until(() -> "pw".equals(pushed("a", "k1")) && "pw".equals(pushed("b", "k1")));
        assertTrue(get("tidy").getMetadata().getFinalizers().contains("pushsecret.externalsecrets.io/finalizer"));

        PushSecret oneStore = get("tidy");
        oneStore.getSpec().secretStoreRefs = List.of(storeRef("a"));
        io.sluice.testing.Fixtures.editSpec(client, oneStore);
        await().atMost(WAIT).until(() -> pushed("b", "k1") == null);
        assertEquals("pw", pushed("a", "k1"), "the store still referenced keeps its value");

        PushSecret otherKey = get("tidy");
        otherKey.getSpec().data = List.of(data("pass", "k2", null));
        io.sluice.testing.Fixtures.editSpec(client, otherKey);
        await().atMost(WAIT).until(() -> pushed("a", "k1") == null && "pw".equals(pushed("a", "k2")));

        client.resource(get("tidy")).delete();
        await().atMost(WAIT).until(() -> get("tidy") == null);
        assertNull(pushed("a", "k2"));
    }

    @Test
    void underNoneNothingRemoteIsEverDeleted() {
        client.resource(fakeStore(ns, "a")).create();
        client.resource(fakeStore(ns, "b")).create();
        source("db", Map.of("pass", "pw"));
        client.resource(pushSecret("keeper", "db", "1s", List.of("a", "b"), data("pass", "k1", null)))
                .create();
        await().atMost(WAIT).until(() -> "pw".equals(pushed("a", "k1")) && "pw".equals(pushed("b", "k1")));

        PushSecret oneStore = get("keeper");
        oneStore.getSpec().secretStoreRefs = List.of(storeRef("a"));
        io.sluice.testing.Fixtures.editSpec(client, oneStore);
        await().atMost(WAIT)
                .until(() -> get("keeper").getStatus().syncedPushSecrets.size() == 1);
        client.secrets().inNamespace(ns).withName("db").delete();
        awaitReady("keeper", "False");
        client.resource(get("keeper")).delete();
        await().atMost(WAIT).until(() -> get("keeper") == null);

        assertEquals("pw", pushed("a", "k1"));
        assertEquals("pw", pushed("b", "k1"));
    }

    @Test
    void aDeletedSourceIsReportedAndUnderDeleteRemovesTheRemoteValues() {
        client.resource(fakeStore(ns, "a")).create();
        source("db", Map.of("pass", "pw"));
        PushSecret ps = pushSecret("orphan", "db", "1s", List.of("a"), data("pass", "k1", null));
        ps.getSpec().deletionPolicy = PushSecretSpec.DeletionPolicy.Delete;
        client.resource(ps).create();
        await().atMost(WAIT).until(() -> "pw".equals(pushed("a", "k1")));

        client.secrets().inNamespace(ns).withName("db").delete();
        Condition ready = awaitReady("orphan", "False");
        assertEquals("SourceDeleted", ready.reason);
        assertEquals("secret db does not exist", ready.message);
        assertNull(pushed("a", "k1"));
    }

    @Test
    void aPropertyIsMergedAndTemplatesRenderThePushedData() {
        client.resource(fakeStore(ns, "a")).create();
        source("db", Map.of("user", "admin", "pass", "pw"));
        client.resource(pushSecret(
                        "merge",
                        "db",
                        "1h",
                        List.of("a"),
                        data("user", "config", "db.user"),
                        data("pass", "config", "db.password")))
                .create();
        await().atMost(WAIT)
                .until(() -> "{\"db\":{\"user\":\"admin\",\"password\":\"pw\"}}".equals(pushed("a", "config")));

        PushSecret templated = pushSecret("templated", "db", "1h", List.of("a"), data("url", "t", null));
        templated.getSpec().template = new ExternalSecretTemplate();
        templated.getSpec().template.data = Map.of("url", "postgres://{user}:{pass}@db/app");
        client.resource(templated).create();
        await().atMost(WAIT).until(() -> "postgres://admin:pw@db/app".equals(pushed("a", "t")));

        PushSecret broken = pushSecret("broken", "db", "1h", List.of("a"), data("url", "b", null));
        broken.getSpec().template = new ExternalSecretTemplate();
        broken.getSpec().template.data = Map.of("url", "postgres://{user}@{nohost}/app");
        client.resource(broken).create();
        Condition ready = awaitReady("broken", "False");
        assertEquals("Errored", ready.reason);
        assertTrue(ready.message.contains("TemplateKeyNotFound"), ready.message);
        assertFalse(ready.message.contains("pw"), ready.message);
        assertNull(pushed("a", "b"));
    }

    private String pushed(String store, String key) {
        byte[] value = fake.pushedTo("SecretStore " + ns + "/" + store).get(key);
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }

    @Test
    void anIntervalThatOverflowsIsAnErrorInTheStatusNotANegativeTimer() {
        client.resource(fakeStore(ns, "vault")).create();
        source("overflow-src", Map.of("pass", "pw"));
        client.resource(pushSecret(
                        "overflow",
                        "overflow-src",
                        "2562048h1h",
                        List.of("vault"),
                        data("pass", "overflow-pass", null)))
                .create();

        Condition ready = awaitReady("overflow", "False");
        assertEquals(
                "invalid spec.refreshInterval: duration \"2562048h1h\" is too large (at most 2562047h47m16s)",
                ready.message);
        assertEquals(null, pushed("vault", "overflow-pass"), "nothing is pushed under an invalid interval");
    }

    private void source(String name, Map<String, String> data) {
        source(name, data, Map.of());
    }

    private void source(String name, Map<String, String> data, Map<String, String> labels) {
        Secret secret = new SecretBuilder()
                .withNewMetadata()
                .withNamespace(ns)
                .withName(name)
                .withLabels(labels)
                .endMetadata()
                .withStringData(data)
                .build();
        client.resource(secret).createOr(s -> s.update());
    }

    private PushSecret get(String name) {
        return client.resources(PushSecret.class).inNamespace(ns).withName(name).get();
    }

    private Condition awaitReady(String name, String status) {
        return await().atMost(WAIT)
                .until(
                        () -> {
                            PushSecret ps = get(name);
                            return ps == null || ps.getStatus() == null
                                    ? null
                                    : Conditions.find(ps.getStatus().conditions, "Ready");
                        },
                        c -> c != null && status.equals(c.status));
    }

    private PushSecret pushSecret(
            String name, String source, String refresh, List<String> stores, PushSecretData... data) {
        PushSecret ps = new PushSecret();
        ps.setMetadata(new ObjectMetaBuilder().withNamespace(ns).withName(name).build());
        PushSecretSpec spec = new PushSecretSpec();
        spec.refreshInterval = refresh;
        spec.secretStoreRefs =
                new ArrayList<>(stores.stream().map(PushSecretTest::storeRef).toList());
        spec.selector = new PushSecretSelector();
        spec.selector.secret = new PushSecretSelector.SecretSource();
        spec.selector.secret.name = source;
        spec.data = new ArrayList<>(List.of(data));
        ps.setSpec(spec);
        return ps;
    }

    private static PushSecretStoreRef storeRef(String name) {
        PushSecretStoreRef ref = new PushSecretStoreRef();
        ref.name = name;
        return ref;
    }

    private static PushSecretData data(String secretKey, String remoteKey, String property) {
        PushSecretData data = new PushSecretData();
        data.match = new PushSecretMatch();
        data.match.secretKey = secretKey;
        data.match.remoteRef = new PushSecretRemoteRef();
        data.match.remoteRef.remoteKey = remoteKey;
        data.match.remoteRef.property = property;
        return data;
    }
}
