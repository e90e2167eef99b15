package io.sluice.externalsecret;

import static io.sluice.testing.Fixtures.entry;
import static io.sluice.testing.Fixtures.externalSecret;
import static io.sluice.testing.Fixtures.fakeStore;
import static io.sluice.testing.Fixtures.withData;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.sluice.api.common.Condition;
import io.sluice.api.v1.ExternalSecret;
import io.sluice.api.v1.ExternalSecretStatus;
import io.sluice.api.v1.ExternalSecretTarget;
import io.sluice.api.v1.ExternalSecretTarget.CreationPolicy;
import io.sluice.api.v1.ExternalSecretTemplate;
import io.sluice.api.v1.SecretStore;
import io.sluice.kube.SecretData;
import io.sluice.kube.WellKnown;
import io.sluice.metrics.ResourceSeries;
import io.sluice.metrics.StatusConditionMetrics;
import io.sluice.metrics.SyncMetrics;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Installing over ESO: ExternalSecrets, Secrets and statuses exactly as ESO left them are taken over without
 * writing a Secret. While "ESO runs", the store belongs to another controller class, so Sluice leaves the
 * resources alone; clearing {@code spec.controller} hands them to Sluice, as starting Sluice does in a cluster.
 * The hashes are literals worked out from ESO's formula, not computed by the code under test.
 */
@QuarkusTest
@Tag("slow")
@WithKubernetesTestServer(crud = true)
class EsoTakeoverTest {
    /** ESO's hashMeta of an ExternalSecret with no labels and no annotations: {annotations:map[] labels:map[]}. */
    private static final String ESO_EMPTY_META_HASH = "f47fe3c0b255b6dd8047cdffa772587bb829efe7a1cb70febeda2eb2";
    /** ESO's hashMeta of an ExternalSecret labelled app=shop: {annotations:map[] labels:map[app:shop]}. */
    private static final String ESO_APP_SHOP_META_HASH = "434e6f48ae14950e8bacbe8000a720d8aa800f823edae6f512494cb3";
    /** The same after {@code external-secrets.io/force-sync: "1"} is added to the annotations. */
    private static final String ESO_FORCED_META_HASH = "65cd34c07f24d8b8d7a029bdeb7680a40e3ae0b9c6e6560f0d6c5a6e";

    private static final String ESO_FORCED_APP_SHOP_META_HASH =
            "16c0cd6651fc39a940f4c4f42416e80e8b710119ddbdd0a61fbda35a";
    /** map[password:[115 51 99 114 51 116] username:[97 100 109 105 110]] */
    private static final String HASH_CREDENTIALS = "4dc87f1bc1b42f99971f11cd8a752c3c1babc6486c0744d841d68c6a";
    /** map[foreign:[102] password:[...] username:[...]] */
    private static final String HASH_CREDENTIALS_AND_FOREIGN =
            "cea034e07a68332c5d1841d7c0e6780fc857ae459db0c7ce39f2a6e5";
    /** map[url:[...postgres://admin@db:5432/app...]] */
    private static final String HASH_URL = "00784a04ea7b7bda5cd2ed94fd8fad8f2c5f0ca531a79c07d71743ea";

    private static final Map<String, String> CREDENTIALS = Map.of("username", "admin", "password", "s3cr3t");

    @Inject
    KubernetesClient client;

    @Inject
    SyncMetrics syncMetrics;

    @Inject
    StatusConditionMetrics conditionMetrics;

    private final String ns = "eso-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void secretsEsoKeptInSyncAreNotWrittenWhenSluiceTakesOver() {
        SecretStore store = fakeStore(ns, "aws", entry("db", "{\"user\":\"admin\",\"pass\":\"s3cr3t\"}"));
        store.getSpec().controller = "eso";
        client.resource(store).create();

        ExternalSecret owned = esoSynced(credentials("owned", CreationPolicy.Owner), CREDENTIALS, HASH_CREDENTIALS);
        ExternalSecret orphaned =
                esoSynced(credentials("orphaned", CreationPolicy.Orphan), CREDENTIALS, HASH_CREDENTIALS);
        Map<String, String> merged = new HashMap<>(CREDENTIALS);
        merged.put("foreign", "f");
        ExternalSecret merging =
                esoSynced(credentials("merging", CreationPolicy.Merge), merged, HASH_CREDENTIALS_AND_FOREIGN);
        ExternalSecret templated =
                esoSynced(templated("templated"), Map.of("url", "postgres://admin@db:5432/app"), HASH_URL);
        List<ExternalSecret> takenOver = List.of(owned, orphaned, merging, templated);
        ExternalSecret control = esoSynced(
                credentials("edited-by-hand", CreationPolicy.Owner),
                Map.of("username", "admin", "password", "typo"),
                HASH_CREDENTIALS);
        Map<String, String> secretVersions = new HashMap<>();
        Map<String, String> esVersions = new HashMap<>();
        for (ExternalSecret es : takenOver) {
            secretVersions.put(name(es), secret(name(es)).getMetadata().getResourceVersion());
            esVersions.put(name(es), es(name(es)).getMetadata().getResourceVersion());
        }
        String controlVersion = secret(name(control)).getMetadata().getResourceVersion();

        // ESO stops, Sluice takes over
        client.resources(SecretStore.class).inNamespace(ns).withName("aws").edit(s -> {
            s.getSpec().controller = null;
            return s;
        });

        // barrier: the control (a Secret edited behind ESO's back) is repaired, and every taken-over
        // ExternalSecret went through a reconcile (it reports its Ready condition)
        await().atMost(TestNamespace.WAIT)
                .until(() -> !controlVersion.equals(
                        secret(name(control)).getMetadata().getResourceVersion()));
        assertEquals("s3cr3t", text(secret(name(control))).get("password"));
        for (ExternalSecret es : takenOver) {
            await().atMost(TestNamespace.WAIT)
                    .until(() -> conditionMetrics
                                    .value(ResourceSeries.of(es), "Ready", "True")
                                    .orElse(0)
                            == 1);
        }
        for (ExternalSecret es : takenOver) {
            assertEquals(
                    secretVersions.get(name(es)),
                    secret(name(es)).getMetadata().getResourceVersion(),
                    name(es) + ": the Secret ESO synced must not be written");
            assertEquals(
                    esVersions.get(name(es)),
                    es(name(es)).getMetadata().getResourceVersion(),
                    name(es) + ": ESO's status is taken as it is");
        }

        // a forced refresh fetches and compares: the data is ESO's, so the Secrets still stay as they are
        for (ExternalSecret es : takenOver) {
            client.resources(ExternalSecret.class)
                    .inNamespace(ns)
                    .withName(name(es))
                    .edit(e -> {
                        e.getMetadata().setAnnotations(Map.of(WellKnown.FORCE_SYNC_ANNOTATION, "1"));
                        return e;
                    });
        }
        for (ExternalSecret es : takenOver) {
            String forced = es.getMetadata().getGeneration() + "-"
                    + (unlabelled(es) ? ESO_FORCED_META_HASH : ESO_FORCED_APP_SHOP_META_HASH);
            await().atMost(TestNamespace.WAIT)
                    .until(() -> syncMetrics.syncCount(ns, name(es)) >= 1
                            && forced.equals(es(name(es)).getStatus().syncedResourceVersion));
            assertEquals(
                    secretVersions.get(name(es)),
                    secret(name(es)).getMetadata().getResourceVersion(),
                    name(es) + ": a refresh with ESO's data must not write the Secret");
        }
    }

    private ExternalSecret credentials(String name, CreationPolicy policy) {
        ExternalSecret es = externalSecret(ns, name, "aws", "1h");
        withData(es, "username", "db", "user");
        withData(es, "password", "db", "pass");
        es.getSpec().target = new ExternalSecretTarget();
        es.getSpec().target.creationPolicy = policy;
        return es;
    }

    /** Labelled, but ESO copies no ExternalSecret label to a templated Secret. */
    private ExternalSecret templated(String name) {
        ExternalSecret es = externalSecret(ns, name, "aws", "1h");
        es.getMetadata().setLabels(Map.of("app", "shop"));
        withData(es, "username", "db", "user");
        es.getSpec().target = new ExternalSecretTarget();
        es.getSpec().target.template = new ExternalSecretTemplate();
        es.getSpec().target.template.data = Map.of("url", "postgres://{{ .username }}@db:5432/app");
        return es;
    }

    /** Creates the ExternalSecret, the Secret ESO wrote for it, and ESO's status after its last sync. */
    private ExternalSecret esoSynced(ExternalSecret es, Map<String, String> data, String dataHash) {
        ExternalSecret created = client.resource(es).create();
        CreationPolicy policy = created.getSpec().target == null || created.getSpec().target.creationPolicy == null
                ? CreationPolicy.Owner
                : created.getSpec().target.creationPolicy;
        client.resource(esoSecret(created, policy, data, dataHash)).create();

        ExternalSecretStatus status = new ExternalSecretStatus();
        String synced = Instant.now()
                .minus(10, ChronoUnit.MINUTES)
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
        status.refreshTime = synced;
        status.syncedResourceVersion = created.getMetadata().getGeneration() + "-"
                + (unlabelled(created) ? ESO_EMPTY_META_HASH : ESO_APP_SHOP_META_HASH);
        status.binding = new ExternalSecretStatus.Binding(name(created));
        status.conditions = List.of(new Condition("Ready", "True", "SecretSynced", "secret synced", synced));
        created.setStatus(status);
        return client.resources(ExternalSecret.class)
                .inNamespace(ns)
                .resource(created)
                .updateStatus();
    }

    /** As ESO writes it: the ExternalSecret's labels (none with a template), managed label, data-hash, owner marks. */
    private Secret esoSecret(ExternalSecret es, CreationPolicy policy, Map<String, String> data, String dataHash) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (es.getSpec().target.template == null && !unlabelled(es)) {
            labels.putAll(es.getMetadata().getLabels());
        }
        labels.put(WellKnown.MANAGED_LABEL, "true");
        ObjectMetaBuilder meta = new ObjectMetaBuilder()
                .withNamespace(ns)
                .withName(name(es))
                .withAnnotations(Map.of(WellKnown.DATA_HASH_ANNOTATION, dataHash));
        if (policy == CreationPolicy.Owner) {
            labels.put(WellKnown.CREATED_BY_LABEL, io.sluice.kube.Hashes.sha3(ns + "/" + name(es)));
            meta.withOwnerReferences(new OwnerReferenceBuilder()
                    .withApiVersion("external-secrets.io/v1")
                    .withKind("ExternalSecret")
                    .withName(name(es))
                    .withUid(es.getMetadata().getUid())
                    .withController(true)
                    .withBlockOwnerDeletion(true)
                    .build());
        }
        Map<String, byte[]> bytes = new HashMap<>();
        data.forEach((k, v) -> bytes.put(k, v.getBytes(StandardCharsets.UTF_8)));
        return new SecretBuilder()
                .withMetadata(meta.withLabels(labels).build())
                .withType("Opaque")
                .withData(SecretData.encode(bytes))
                .build();
    }

    private ExternalSecret es(String name) {
        return client.resources(ExternalSecret.class)
                .inNamespace(ns)
                .withName(name)
                .get();
    }

    private Secret secret(String name) {
        return client.secrets().inNamespace(ns).withName(name).get();
    }

    private static boolean unlabelled(ExternalSecret es) {
        return es.getMetadata().getLabels() == null
                || es.getMetadata().getLabels().isEmpty();
    }

    private static String name(ExternalSecret es) {
        return es.getMetadata().getName();
    }

    private static Map<String, String> text(Secret secret) {
        Map<String, String> result = new HashMap<>();
        SecretData.decode(secret).forEach((k, v) -> result.put(k, new String(v, StandardCharsets.UTF_8)));
        return result;
    }
}
