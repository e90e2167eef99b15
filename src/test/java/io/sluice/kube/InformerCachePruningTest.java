package io.sluice.kube;

import static io.sluice.testing.Fixtures.entry;
import static io.sluice.testing.Fixtures.externalSecret;
import static io.sluice.testing.Fixtures.fakeStore;
import static io.sluice.testing.Fixtures.withData;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.FieldsV1;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.sluice.api.common.Condition;
import io.sluice.api.v1.ExternalSecret;
import io.sluice.api.v1.ExternalSecretTarget;
import io.sluice.api.v1.ExternalSecretTarget.CreationPolicy;
import io.sluice.api.v1.ExternalSecretTarget.DeletionPolicy;
import io.sluice.status.Conditions;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The informers hold trimmed objects (no managedFields, no last-applied copy), and Sluice behaves as before: what
 * ESO's managedFields record still decides which keys a Merge removes, and writes from trimmed copies delete
 * nothing the trimming dropped.
 */
@QuarkusTest
@Tag("slow")
@WithKubernetesTestServer(crud = true)
class InformerCachePruningTest {
    private static final String LAST_APPLIED = PrunedItemStore.LAST_APPLIED_ANNOTATION;

    @Inject
    KubernetesClient client;

    @Inject
    Operator operator;

    private final String ns = "prune-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void everyControllersPrimaryInformerTrimsItsObjects() {
        for (String name :
                List.of("externalsecret", "clusterexternalsecret", "pushsecret", "secretstore", "clustersecretstore")) {
            var controller = operator.getRegisteredController(name).orElseThrow();
            assertInstanceOf(
                    PrunedItemStore.class,
                    controller.getConfiguration().getInformerConfig().getItemStore(),
                    name);
        }
    }

    @Test
    void aMergeStillRemovesTheKeysEsosManagedFieldsRecordAndKeepsKubectlsAnnotation() {
        client.resource(fakeStore(ns, "fake", entry("a", "new"))).create();
        Map<String, String> annotations = new HashMap<>();
        annotations.put(LAST_APPLIED, "{\"kind\":\"Secret\"}");
        client.resource(new SecretBuilder()
                        .withNewMetadata()
                        .withNamespace(ns)
                        .withName("target")
                        .withLabels(Map.of(WellKnown.MANAGED_LABEL, "true"))
                        .withAnnotations(annotations)
                        .withManagedFields(
                                new ManagedFieldsEntryBuilder()
                                        .withManager("kubectl")
                                        .withOperation("Update")
                                        .withFieldsV1(dataFields("foreign"))
                                        .build(),
                                new ManagedFieldsEntryBuilder()
                                        .withManager("externalsecrets.external-secrets.io/app")
                                        .withOperation("Apply")
                                        .withFieldsV1(dataFields("a", "b"))
                                        .build())
                        .endMetadata()
                        .withType("Opaque")
                        .withData(
                                SecretData.encode(Map.of("a", bytes("old"), "b", bytes("gone"), "foreign", bytes("f"))))
                        .build())
                .create();
        ExternalSecret es = withData(externalSecret(ns, "app", "fake", "1h"), "a", "a", null);
        es.getSpec().target = new ExternalSecretTarget();
        es.getSpec().target.name = "target";
        es.getSpec().target.creationPolicy = CreationPolicy.Merge;
        client.resource(es).create();

        Secret merged = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> client.secrets()
                                .inNamespace(ns)
                                .withName("target")
                                .get(),
                        s -> s != null && "new".equals(text(s, "a")));

        assertEquals(Map.of("a", "new", "foreign", "f"), texts(merged), "b was ESO's, read from its managedFields");
        assertTrue(
                merged.getMetadata().getAnnotations().containsKey(LAST_APPLIED),
                "the Secret is written whole, so its last-applied annotation must survive the trimmed cache");
    }

    @Test
    void writesToATrimmedPrimaryKeepItsLastAppliedAnnotation() {
        client.resource(fakeStore(ns, "fake", entry("token", "t"))).create();
        ExternalSecret es = withData(externalSecret(ns, "applied", "fake", "1h"), "token", "token", null);
        es.getSpec().target = new ExternalSecretTarget();
        es.getSpec().target.deletionPolicy = DeletionPolicy.Delete; // a finalizer patch besides the status patch
        es.getMetadata().setAnnotations(new HashMap<>(Map.of(LAST_APPLIED, "{\"kind\":\"ExternalSecret\"}")));
        es.getMetadata()
                .setManagedFields(List.of(new ManagedFieldsEntryBuilder()
                        .withManager("kubectl")
                        .withOperation("Update")
                        .build()));
        client.resource(es).create();

        ExternalSecret synced = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> client.resources(ExternalSecret.class)
                                .inNamespace(ns)
                                .withName("applied")
                                .get(),
                        r -> r.getStatus() != null && ready(r) && r.hasFinalizer(WellKnown.ES_CLEANUP_FINALIZER));

        assertEquals(
                "{\"kind\":\"ExternalSecret\"}",
                synced.getMetadata().getAnnotations().get(LAST_APPLIED));
    }

    private static boolean ready(ExternalSecret es) {
        Condition ready = Conditions.find(es.getStatus().conditions, "Ready");
        return ready != null && "True".equals(ready.status);
    }

    private static FieldsV1 dataFields(String... keys) {
        Map<String, Object> data = new TreeMap<>();
        for (String key : keys) {
            data.put("f:" + key, Map.of());
        }
        FieldsV1 fields = new FieldsV1();
        fields.setAdditionalProperty("f:data", data);
        return fields;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(Secret secret, String key) {
        byte[] value = SecretData.decode(secret).get(key);
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }

    private static Map<String, String> texts(Secret secret) {
        Map<String, String> result = new HashMap<>();
        SecretData.decode(secret).forEach((k, v) -> result.put(k, new String(v, StandardCharsets.UTF_8)));
        return result;
    }
}
