package io.sluice.clusterexternalsecret;

import static io.sluice.testing.Fixtures.entry;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.sluice.api.common.Condition;
import io.sluice.api.v1.ClusterExternalSecret;
import io.sluice.api.v1.ClusterSecretStore;
import io.sluice.api.v1.ExternalSecret;
import io.sluice.api.v1.ExternalSecretData;
import io.sluice.api.v1.FakeProvider;
import io.sluice.api.v1.RemoteRef;
import io.sluice.api.v1.SecretStoreProvider;
import io.sluice.api.v1.SecretStoreSpec;
import io.sluice.kube.WellKnown;
import io.sluice.metrics.ReconcileLedger;
import io.sluice.status.Conditions;
import io.sluice.testing.ReconcileBarrier;
import jakarta.inject.Inject;
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
class ClusterExternalSecretTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    ReconcileLedger ledger;

    @Inject
    KubernetesClient client;

    private final String run = UUID.randomUUID().toString().substring(0, 6);

    @Test
    void provisionsSelectedNamespacesFollowsNamespaceChangesAndMirrorsForceSync() {
        String team = "team-" + run;
        String web = namespace("web-" + run, Map.of("team", team));
        String api = namespace("api-" + run, Map.of("team", team));
        String listed = namespace("listed-" + run, Map.of());
        namespace("other-" + run, Map.of());
        ClusterExternalSecret ces = ces("ces-" + run, "store-" + run);
        ces.getSpec().namespaceSelectors = List.of(
                new LabelSelectorBuilder().addToMatchLabels("team", team).build());
        ces.getSpec().namespaces = List.of(listed);
        ces.getSpec().externalSecretName = "app";
        ces.getSpec().externalSecretMetadata = new io.sluice.api.v1.ClusterExternalSecretSpec.ExternalSecretMetadata();
        ces.getSpec().externalSecretMetadata.labels = Map.of("tier", "gold");
        client.resource(ces).create();

        List<String> expected = new ArrayList<>(List.of(api, listed, web));
        java.util.Collections.sort(expected);
        awaitProvisioned(ces.getMetadata().getName(), expected);
        ExternalSecret es = externalSecret(web, "app");
        assertEquals("gold", es.getMetadata().getLabels().get("tier"));
        assertEquals("store-" + run, es.getSpec().secretStoreRef.name);
        ClusterExternalSecret current = get(ces.getMetadata().getName());
        assertEquals("app", current.getStatus().externalSecretName);
        assertTrue(Conditions.isTrue(current.getStatus().conditions, Conditions.READY));

        String late = namespace("late-" + run, Map.of("team", team));
        await().atMost(WAIT).until(() -> externalSecret(late, "app") != null);

        Namespace relabelled = client.namespaces().withName(api).get();
        relabelled.getMetadata().setLabels(Map.of());
        client.resource(relabelled).update();
        await().atMost(WAIT).until(() -> externalSecret(api, "app") == null);

        ClusterExternalSecret forced = get(ces.getMetadata().getName());
        forced.getMetadata().setAnnotations(Map.of(WellKnown.FORCE_SYNC_ANNOTATION, "1700000000"));
        io.sluice.testing.Fixtures.editSpec(client, forced);
        await().atMost(WAIT)
                .until(() -> "1700000000"
                        .equals(externalSecret(web, "app")
                                .getMetadata()
                                .getAnnotations()
                                .get(WellKnown.FORCE_SYNC_ANNOTATION)));
    }

    @Test
    void refusesToTakeOverAnExternalSecretItDoesNotOwn() {
        String taken = namespace("taken-" + run, Map.of("pick", run));
        String free = namespace("free-" + run, Map.of("pick", run));
        ExternalSecret foreign = new ExternalSecret();
        foreign.setMetadata(new ObjectMetaBuilder()
                .withNamespace(taken)
                .withName("shared-" + run)
                .build());
        foreign.setSpec(ces("x", "mine").getSpec().externalSecretSpec);
        foreign = client.resource(foreign).create();
        ClusterExternalSecret ces = ces("shared-" + run, "store-" + run);
        ces.getSpec().namespaceSelectors =
                List.of(new LabelSelectorBuilder().addToMatchLabels("pick", run).build());
        client.resource(ces).create();

        awaitProvisioned(ces.getMetadata().getName(), List.of(free));
        ClusterExternalSecret current = await().atMost(WAIT)
                .until(
                        () -> get(ces.getMetadata().getName()),
                        c -> c.getStatus() != null && c.getStatus().failedNamespaces != null);
        assertEquals(1, current.getStatus().failedNamespaces.size());
        assertEquals(taken, current.getStatus().failedNamespaces.get(0).namespace);
        assertEquals(
                "external secret already exists in namespace",
                current.getStatus().failedNamespaces.get(0).reason);
        Condition ready = Conditions.find(current.getStatus().conditions, Conditions.READY);
        assertEquals("False", ready.status);
        assertEquals("one or more namespaces failed", ready.message);
        ExternalSecret untouched = externalSecret(taken, "shared-" + run);
        assertEquals(
                foreign.getMetadata().getGeneration(), untouched.getMetadata().getGeneration());
        assertNull(
                untouched.getMetadata().getLabels() == null
                        ? null
                        : untouched.getMetadata().getLabels().get(ProvisionedExternalSecret.OWNER_LABEL));
        assertEquals("mine", untouched.getSpec().secretStoreRef.name);
    }

    @Test
    void reapplyingOrRecreatingKeepsExternalSecretsAndTheirSecretsUntouched() {
        ReconcileBarrier barrier = new ReconcileBarrier(ledger, client);
        String store = "store-" + run;
        client.resource(fakeClusterStore(store, entry("token", "t0ken"))).create();
        String target = namespace("keep-" + run, Map.of("keep", run));
        ClusterExternalSecret ces = ces("keeper-" + run, store);
        ces.getSpec().namespaceSelectors =
                List.of(new LabelSelectorBuilder().addToMatchLabels("keep", run).build());
        client.resource(ces).create();
        String name = ces.getMetadata().getName();
        awaitProvisioned(name, List.of(target));
        Secret secret = await().atMost(WAIT)
                .until(() -> client.secrets().inNamespace(target).withName(name).get(), s -> s != null);
        ExternalSecret es = externalSecret(target, name);
        assertTrue(
                es.getMetadata().getOwnerReferences() == null
                        || es.getMetadata().getOwnerReferences().isEmpty(),
                "a garbage-collectable ownerReference would take the Secret with it when the CES is replaced");

        ClusterExternalSecret reapplied = get(name);
        reapplied.getMetadata().setLabels(Map.of("reapplied", "yes"));
        io.sluice.testing.Fixtures.editSpec(client, reapplied);
        barrier.awaitCaughtUp(get(name)); // the controller reconciled the reapplied version
        assertUnchanged(es, secret);

        ClusterExternalSecret deleted = get(name);
        client.resource(deleted).delete();
        await().atMost(WAIT).until(() -> get(name) == null);
        barrier.awaitDeletionProcessed(deleted);
        assertUnchanged(es, secret);
        ClusterExternalSecret recreated = ces(name, store);
        recreated.getSpec().namespaceSelectors = ces.getSpec().namespaceSelectors;
        client.resource(recreated).create();
        awaitProvisioned(name, List.of(target));
        barrier.awaitCaughtUp(get(name));
        assertUnchanged(es, secret);
    }

    @Test
    void adoptsAnExternalSecretEsoCreatedAndDropsItsOwnerReference() {
        String ns = namespace("eso-" + run, Map.of("eso", run));
        String name = "migrated-" + run;
        ExternalSecret fromEso = new ExternalSecret();
        fromEso.setMetadata(new ObjectMetaBuilder()
                .withNamespace(ns)
                .withName(name)
                .addNewOwnerReference()
                .withApiVersion("external-secrets.io/v1")
                .withKind("ClusterExternalSecret")
                .withName(name)
                .withUid("uid-of-eso-times")
                .withController(true)
                .endOwnerReference()
                .build());
        fromEso.setSpec(ces(name, "old-store").getSpec().externalSecretSpec);
        client.resource(fromEso).create();
        ClusterExternalSecret ces = ces(name, "new-store");
        ces.getSpec().namespaceSelectors =
                List.of(new LabelSelectorBuilder().addToMatchLabels("eso", run).build());
        client.resource(ces).create();

        ExternalSecret adopted = await().atMost(WAIT)
                .until(() -> externalSecret(ns, name), es -> "new-store".equals(es.getSpec().secretStoreRef.name));
        assertEquals(name, adopted.getMetadata().getLabels().get(ProvisionedExternalSecret.OWNER_LABEL));
        assertTrue(adopted.getMetadata().getOwnerReferences() == null
                || adopted.getMetadata().getOwnerReferences().isEmpty());
    }

    @Test
    void renamingTheExternalSecretDeletesTheOldOne() {
        String ns = namespace("rename-" + run, Map.of("rename", run));
        ClusterExternalSecret ces = ces("renamer-" + run, "store-" + run);
        ces.getSpec().namespaceSelectors = List.of(
                new LabelSelectorBuilder().addToMatchLabels("rename", run).build());
        client.resource(ces).create();
        await().atMost(WAIT).until(() -> externalSecret(ns, ces.getMetadata().getName()) != null);

        ClusterExternalSecret renamed = get(ces.getMetadata().getName());
        renamed.getSpec().externalSecretName = "renamed";
        io.sluice.testing.Fixtures.editSpec(client, renamed);

        await().atMost(WAIT)
                .until(() -> externalSecret(ns, "renamed") != null
                        && externalSecret(ns, ces.getMetadata().getName()) == null);
    }

    @Test
    void anInvalidSelectorIsAnErrorInTheStatusAndDeletesNothing() {
        String store = "store-" + run;
        client.resource(fakeClusterStore(store, entry("token", "t0ken"))).create();
        String target = namespace("sel-" + run, Map.of("sel", run));
        ClusterExternalSecret ces = ces("selector-" + run, store);
        ces.getSpec().namespaceSelectors = List.of(new LabelSelectorBuilder()
                .addNewMatchExpression()
                .withKey("sel")
                .withOperator("In")
                .withValues(run)
                .endMatchExpression()
                .build());
        client.resource(ces).create();
        String name = ces.getMetadata().getName();
        awaitProvisioned(name, List.of(target));
        Secret secret = await().atMost(WAIT)
                .until(() -> client.secrets().inNamespace(target).withName(name).get(), s -> s != null);
        ExternalSecret es = externalSecret(target, name);

        ClusterExternalSecret broken = get(name);
        broken.getSpec().namespaceSelectors.get(0).getMatchExpressions().get(0).setOperator("in");
        io.sluice.testing.Fixtures.editSpec(client, broken);

        // the reconcile that reads the broken selector either reports it or (before the fix) deletes the ExternalSecret
        await().atMost(WAIT)
                .until(() ->
                        externalSecret(target, name) == null || "InvalidNamespaceSelector".equals(readyReason(name)));
        assertUnchanged(es, secret);
        ClusterExternalSecret reported = get(name);
        Condition ready = Conditions.find(reported.getStatus().conditions, Conditions.READY);
        assertEquals("False", ready.status);
        assertEquals(
                "invalid namespace selector, nothing is provisioned or removed until it is fixed: "
                        + "spec.namespaceSelectors[0].matchExpressions[0].operator: \"in\" is not supported; "
                        + "use In, NotIn, Exists or DoesNotExist (exactly)",
                ready.message);
        assertEquals(
                List.of(target),
                reported.getStatus().provisionedNamespaces,
                "the record of what was provisioned stays");

        ClusterExternalSecret fixed = get(name);
        fixed.getSpec().namespaceSelectors.get(0).getMatchExpressions().get(0).setOperator("In");
        io.sluice.testing.Fixtures.editSpec(client, fixed);
        await().atMost(WAIT).until(() -> Conditions.isTrue(get(name).getStatus().conditions, Conditions.READY));
        assertUnchanged(es, secret);
    }

    private String readyReason(String name) {
        ClusterExternalSecret c = get(name);
        Condition ready =
                c == null || c.getStatus() == null ? null : Conditions.find(c.getStatus().conditions, Conditions.READY);
        return ready == null ? null : ready.reason;
    }

    @Test
    void invalidExternalSecretMetadataIsReportedByKeyAndRuleAndNothingIsWritten() {
        String ns = namespace("meta-" + run, Map.of("meta", run));
        ClusterExternalSecret ces = ces("meta-" + run, "store-" + run);
        ces.getSpec().namespaceSelectors =
                List.of(new LabelSelectorBuilder().addToMatchLabels("meta", run).build());
        ces.getSpec().externalSecretMetadata = new io.sluice.api.v1.ClusterExternalSecretSpec.ExternalSecretMetadata();
        ces.getSpec().externalSecretMetadata.labels = Map.of("tier", "not a label value!");
        client.resource(ces).create();

        ClusterExternalSecret failed = await().atMost(WAIT)
                .until(
                        () -> get(ces.getMetadata().getName()),
                        c -> c != null && c.getStatus() != null && c.getStatus().failedNamespaces != null);
        assertEquals(ns, failed.getStatus().failedNamespaces.get(0).namespace);
        String reason = failed.getStatus().failedNamespaces.get(0).reason;
        assertTrue(
                reason.startsWith("not provisioned: the value of externalSecretMetadata label tier: a label value "
                        + "must be at most 63 characters"),
                reason);
        assertFalse(reason.contains("not a label value!"), reason);
        assertFalse(Conditions.isTrue(failed.getStatus().conditions, Conditions.READY));
        // the failed status above is written by the same reconcile that would have created the ExternalSecret
        assertNull(externalSecret(ns, ces.getMetadata().getName()), "nothing is written while the metadata is invalid");
    }

    @Test
    void anInvalidRefreshTimeIsAnErrorInTheStatusLikeAnExternalSecretsAndNothingIsWritten() {
        String ns = namespace("refresh-" + run, Map.of("refresh", run));
        ClusterExternalSecret ces = ces("refresh-" + run, "store-" + run);
        ces.getSpec().namespaceSelectors = List.of(
                new LabelSelectorBuilder().addToMatchLabels("refresh", run).build());
        ces.getSpec().refreshTime = "2562048h1h"; // matches the CRD's pattern, beyond Go's range
        client.resource(ces).create();
        String name = ces.getMetadata().getName();

        await().atMost(WAIT).until(() -> "InvalidRefreshTime".equals(readyReason(name)));
        Condition ready = Conditions.find(get(name).getStatus().conditions, Conditions.READY);
        assertEquals("False", ready.status);
        assertEquals(
                "invalid spec.refreshTime: duration \"2562048h1h\" is too large (at most 2562047h47m16s)",
                ready.message);
        // the failed status above is written by the same reconcile that would have created the ExternalSecret
        assertNull(externalSecret(ns, name), "nothing is provisioned while the refresh time is invalid");

        ClusterExternalSecret fixed = get(name);
        fixed.getSpec().refreshTime = "1h";
        io.sluice.testing.Fixtures.editSpec(client, fixed);
        awaitProvisioned(name, List.of(ns));
    }

    private void assertUnchanged(ExternalSecret es, Secret secret) {
        ExternalSecret nowEs =
                externalSecret(es.getMetadata().getNamespace(), es.getMetadata().getName());
        assertNotNull(nowEs, "the ExternalSecret must survive");
        assertEquals(es.getMetadata().getUid(), nowEs.getMetadata().getUid());
        assertEquals(es.getMetadata().getGeneration(), nowEs.getMetadata().getGeneration());
        Secret nowSecret = client.secrets()
                .inNamespace(secret.getMetadata().getNamespace())
                .withName(secret.getMetadata().getName())
                .get();
        assertNotNull(nowSecret, "the Secret must survive");
        assertEquals(secret.getMetadata().getUid(), nowSecret.getMetadata().getUid());
        assertEquals(
                secret.getMetadata().getResourceVersion(),
                nowSecret.getMetadata().getResourceVersion());
    }

    private void awaitProvisioned(String name, List<String> namespaces) {
        await().atMost(WAIT).until(() -> {
            ClusterExternalSecret c = get(name);
            return c != null && c.getStatus() != null && namespaces.equals(c.getStatus().provisionedNamespaces);
        });
    }

    private ClusterExternalSecret get(String name) {
        return client.resources(ClusterExternalSecret.class).withName(name).get();
    }

    private ExternalSecret externalSecret(String namespace, String name) {
        return client.resources(ExternalSecret.class)
                .inNamespace(namespace)
                .withName(name)
                .get();
    }

    private String namespace(String name, Map<String, String> labels) {
        client.resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName(name)
                        .withLabels(labels)
                        .endMetadata()
                        .build())
                .create();
        return name;
    }

    private static ClusterExternalSecret ces(String name, String storeName) {
        ClusterExternalSecret ces = ProvisionedExternalSecretTest.ces(name, "1h");
        ces.getSpec().externalSecretSpec.secretStoreRef.name = storeName;
        ExternalSecretData data = new ExternalSecretData();
        data.secretKey = "token";
        data.remoteRef = new RemoteRef();
        data.remoteRef.key = "token";
        ces.getSpec().externalSecretSpec.data = new ArrayList<>(List.of(data));
        return ces;
    }

    private static ClusterSecretStore fakeClusterStore(String name, FakeProvider.Entry... entries) {
        ClusterSecretStore store = new ClusterSecretStore();
        store.setMetadata(new ObjectMetaBuilder().withName(name).build());
        store.setSpec(new SecretStoreSpec());
        store.getSpec().provider = new SecretStoreProvider();
        store.getSpec().provider.fake = new FakeProvider();
        store.getSpec().provider.fake.data = new ArrayList<>(List.of(entries));
        return store;
    }
}
