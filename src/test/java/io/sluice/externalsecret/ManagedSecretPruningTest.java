package io.sluice.externalsecret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.FieldsV1;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.sluice.api.v1.ExternalSecret;
import io.sluice.api.v1.ExternalSecretSpec;
import io.sluice.api.v1.ExternalSecretTarget;
import io.sluice.api.v1.ExternalSecretTarget.CreationPolicy;
import io.sluice.externalsecret.SecretPlan.Action;
import io.sluice.kube.PrunedItemStore;
import io.sluice.kube.SecretData;
import io.sluice.kube.WellKnown;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The managed-Secrets cache keeps of managedFields exactly what {@link PreviouslySyncedKeys} reads, and a Secret
 * planned from the trimmed copy never carries that remnant back to the server.
 */
class ManagedSecretPruningTest {
    private static final String ESO_MANAGER = PreviouslySyncedKeys.ESO_FIELD_MANAGER_PREFIX + "app";

    @Test
    void aSecretEsoMergedIntoKeepsOnlyEsosEntryAndTheSameSyncedKeys() {
        Secret secret = esoMerged();
        Set<String> before = PreviouslySyncedKeys.of(secret, "app");

        ManagedSecretPruning.prune(secret);

        assertEquals(Set.of("a", "b"), before);
        assertEquals(before, PreviouslySyncedKeys.of(secret, "app"));
        assertEquals(
                List.of(ESO_MANAGER),
                secret.getMetadata().getManagedFields().stream()
                        .map(ManagedFieldsEntry::getManager)
                        .toList());
    }

    @Test
    void aSecretWithSluicesRecordKeepsNoManagedFields() {
        Secret secret = esoMerged();
        secret.getMetadata().getAnnotations().put(WellKnown.SYNCED_KEYS_ANNOTATION, "a");

        ManagedSecretPruning.prune(secret);

        assertNull(secret.getMetadata().getManagedFields());
        assertEquals(Set.of("a"), PreviouslySyncedKeys.of(secret, "app"));
    }

    @Test
    void kubectlsLastAppliedCopyStaysBecauseSluiceWritesTheSecretBackWhole() {
        Secret secret = esoMerged();

        ManagedSecretPruning.prune(secret);

        assertTrue(secret.getMetadata().getAnnotations().containsKey(PrunedItemStore.LAST_APPLIED_ANNOTATION));
    }

    @Test
    void anUpdatePlannedFromTheTrimmedCopySendsNoManagedFields() {
        Secret secret = esoMerged();
        ManagedSecretPruning.prune(secret);

        SecretPlan plan = SecretPlanner.forDesired(
                merging(),
                new DesiredSecret("target", "Opaque", Map.of(), Map.of(), Map.of("a", bytes("2")), false),
                secret);

        assertEquals(Action.UPDATE, plan.action());
        assertNull(
                plan.secret().getMetadata().getManagedFields(),
                "a partial managedFields on a PUT would replace the server's record");
        assertEquals(Map.of("a", "2", "foreign", "f"), text(plan.secret()), "b was ESO's and left the provider");
    }

    private static EffectiveSpec merging() {
        ExternalSecret es = new ExternalSecret();
        es.setMetadata(new ObjectMetaBuilder()
                .withNamespace("ns")
                .withName("app")
                .withUid("uid-app")
                .withGeneration(1L)
                .build());
        es.setSpec(new ExternalSecretSpec());
        es.getSpec().target = new ExternalSecretTarget();
        es.getSpec().target.name = "target";
        es.getSpec().target.creationPolicy = CreationPolicy.Merge;
        return new EffectiveSpec(es, Duration.ofHours(1));
    }

    private static Secret esoMerged() {
        Map<String, String> annotations = new HashMap<>();
        annotations.put(PrunedItemStore.LAST_APPLIED_ANNOTATION, "{\"kind\":\"Secret\"}");
        return new SecretBuilder()
                .withNewMetadata()
                .withNamespace("ns")
                .withName("target")
                .withResourceVersion("3")
                .withLabels(Map.of(WellKnown.MANAGED_LABEL, "true"))
                .withAnnotations(annotations)
                .withManagedFields(
                        new ManagedFieldsEntryBuilder()
                                .withManager("kubectl")
                                .withOperation("Update")
                                .withFieldsV1(fields("foreign"))
                                .build(),
                        new ManagedFieldsEntryBuilder()
                                .withManager(ESO_MANAGER)
                                .withOperation("Apply")
                                .withFieldsV1(fields("a", "b"))
                                .build())
                .endMetadata()
                .withType("Opaque")
                .withData(SecretData.encode(Map.of("a", bytes("1"), "b", bytes("1"), "foreign", bytes("f"))))
                .build();
    }

    private static FieldsV1 fields(String... keys) {
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

    private static Map<String, String> text(Secret secret) {
        Map<String, String> result = new HashMap<>();
        SecretData.decode(secret).forEach((k, v) -> result.put(k, new String(v, StandardCharsets.UTF_8)));
        return result;
    }
}
