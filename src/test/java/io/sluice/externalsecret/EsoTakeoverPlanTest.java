package io.sluice.externalsecret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.FieldsV1;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.sluice.api.v1.ExternalSecret;
import io.sluice.api.v1.ExternalSecretSpec;
import io.sluice.api.v1.ExternalSecretTarget;
import io.sluice.api.v1.ExternalSecretTarget.CreationPolicy;
import io.sluice.externalsecret.SecretPlan.Action;
import io.sluice.kube.SecretData;
import io.sluice.kube.WellKnown;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Secrets exactly as ESO leaves them are recognised as up to date, and Secrets Sluice writes carry the values
 * ESO computes. The hashes are literals worked out from ESO's formula (SHA3-224 of Go's {@code %+v}), not
 * computed by the code under test.
 */
class EsoTakeoverPlanTest {
    private static final String NS = "ns";
    private static final String UID = "uid-app";
    /** ESO's created-by label for ns/app. */
    private static final String CREATED_BY = "167f89bed2a98a8e396edb2463d96fd47c9f917511cc1c2a3817e80e";
    /** map[password:[115 51 99 114 51 116] username:[97 100 109 105 110]] */
    private static final String HASH_CREDENTIALS = "4dc87f1bc1b42f99971f11cd8a752c3c1babc6486c0744d841d68c6a";
    /** map[foreign:[102] password:[...] username:[...]] */
    private static final String HASH_CREDENTIALS_AND_FOREIGN =
            "cea034e07a68332c5d1841d7c0e6780fc857ae459db0c7ce39f2a6e5";
    /** map[a:[49] b:[50] foreign:[102]] */
    private static final String HASH_A_B_FOREIGN = "6ac3a70b0c4d029d01f9ed6b4239536be0ac615b490dd3b9a9615dcc";
    /** map[a:[49] foreign:[102]] */
    private static final String HASH_A_FOREIGN = "e2171a9b5b9553c9521d78de00171ac5f758296a0305e58b8d8436f2";

    private static final Map<String, String> CREDENTIALS = Map.of("username", "admin", "password", "s3cr3t");

    @Test
    void anOwnerSecretEsoKeepsInSyncIsNotWritten() {
        EffectiveSpec es = spec(CreationPolicy.Owner);
        Secret eso = esoSecret(CREDENTIALS, HASH_CREDENTIALS, true);

        assertFalse(SecretPlanner.needsRepair(es, eso), "ESO's data-hash must be accepted as valid");
        assertEquals(
                Action.UNCHANGED,
                SecretPlanner.forDesired(es, desired(es, CREDENTIALS), eso).action());
    }

    @Test
    void anOrphanSecretEsoWroteIsNotWritten() {
        EffectiveSpec es = spec(CreationPolicy.Orphan);
        Secret eso = esoSecret(CREDENTIALS, HASH_CREDENTIALS, false);

        assertEquals(
                Action.UNCHANGED,
                SecretPlanner.forDesired(es, desired(es, CREDENTIALS), eso).action());
    }

    @Test
    void aSecretEsoMergedIntoIsNotWrittenJustToAddSluicesBookkeeping() {
        for (CreationPolicy policy : new CreationPolicy[] {CreationPolicy.Merge, CreationPolicy.CreateOrMerge}) {
            EffectiveSpec es = spec(policy);
            Map<String, String> all = new HashMap<>(CREDENTIALS);
            all.put("foreign", "f");
            Secret eso =
                    withEsoFieldManager(esoSecret(all, HASH_CREDENTIALS_AND_FOREIGN, false), "username", "password");

            assertFalse(SecretPlanner.needsRepair(es, eso), policy.name());
            assertEquals(
                    Action.UNCHANGED,
                    SecretPlanner.forDesired(es, desired(es, CREDENTIALS), eso).action(),
                    policy.name());
        }
    }

    @Test
    void aKeyEsoMergedThatLeftTheProviderIsRemovedByTheFirstWriteAfterTakeover() {
        EffectiveSpec es = spec(CreationPolicy.Merge);
        Secret eso = withEsoFieldManager(
                esoSecret(Map.of("a", "1", "b", "2", "foreign", "f"), HASH_A_B_FOREIGN, false), "a", "b");

        SecretPlan plan = SecretPlanner.forDesired(es, desired(es, Map.of("a", "1")), eso);

        assertEquals(Action.UPDATE, plan.action());
        assertEquals(Map.of("a", "1", "foreign", "f"), text(plan.secret()), "ESO's managedFields say b was synced");
        assertEquals("a", plan.secret().getMetadata().getAnnotations().get(WellKnown.SYNCED_KEYS_ANNOTATION));
        assertEquals(
                HASH_A_FOREIGN, plan.secret().getMetadata().getAnnotations().get(WellKnown.DATA_HASH_ANNOTATION));
    }

    @Test
    void aSecretSluiceCreatesCarriesTheValuesEsoComputesSoARollbackWritesNothing() {
        EffectiveSpec es = spec(CreationPolicy.Owner);
        Secret created =
                SecretPlanner.forDesired(es, desired(es, CREDENTIALS), null).secret();

        assertEquals(HASH_CREDENTIALS, created.getMetadata().getAnnotations().get(WellKnown.DATA_HASH_ANNOTATION));
        assertEquals(
                Map.of(WellKnown.MANAGED_LABEL, "true", WellKnown.CREATED_BY_LABEL, CREATED_BY, "app", "demo"),
                created.getMetadata().getLabels());
        var ref = created.getMetadata().getOwnerReferences().get(0);
        assertEquals("external-secrets.io/v1", ref.getApiVersion());
        assertTrue(ref.getController() && ref.getBlockOwnerDeletion(), "ESO's SetControllerReference sets both");
    }

    private static EffectiveSpec spec(CreationPolicy creation) {
        ExternalSecret es = new ExternalSecret();
        es.setMetadata(new ObjectMetaBuilder()
                .withNamespace(NS)
                .withName("app")
                .withUid(UID)
                .withGeneration(1L)
                .withLabels(Map.of("app", "demo"))
                .build());
        es.setSpec(new ExternalSecretSpec());
        es.getSpec().target = new ExternalSecretTarget();
        es.getSpec().target.creationPolicy = creation;
        return new EffectiveSpec(es, Duration.ofHours(1));
    }

    private static DesiredSecret desired(EffectiveSpec es, Map<String, String> data) {
        var meta = es.resource().getMetadata();
        return DesiredSecret.of(es, bytes(data), null, meta.getLabels(), meta.getAnnotations());
    }

    /** The Secret as ESO writes it: ES labels copied, managed label, data-hash, and under Owner its owner marks. */
    private static Secret esoSecret(Map<String, String> data, String dataHash, boolean owner) {
        Map<String, String> labels = new LinkedHashMap<>(Map.of("app", "demo", WellKnown.MANAGED_LABEL, "true"));
        ObjectMetaBuilder meta = new ObjectMetaBuilder()
                .withNamespace(NS)
                .withName("app")
                .withResourceVersion("41")
                .withAnnotations(new HashMap<>(Map.of(WellKnown.DATA_HASH_ANNOTATION, dataHash)));
        if (owner) {
            labels.put(WellKnown.CREATED_BY_LABEL, CREATED_BY);
            meta.withOwnerReferences(new OwnerReferenceBuilder()
                    .withApiVersion("external-secrets.io/v1")
                    .withKind("ExternalSecret")
                    .withName("app")
                    .withUid(UID)
                    .withController(true)
                    .withBlockOwnerDeletion(true)
                    .build());
        }
        return new SecretBuilder()
                .withMetadata(meta.withLabels(labels).build())
                .withType("Opaque")
                .withData(SecretData.encode(bytes(data)))
                .build();
    }

    /** ESO's record of the data keys it wrote: its field manager's entry in managedFields. */
    private static Secret withEsoFieldManager(Secret secret, String... keys) {
        Map<String, Object> dataFields = new TreeMap<>();
        dataFields.put(".", Map.of());
        for (String key : keys) {
            dataFields.put("f:" + key, Map.of());
        }
        FieldsV1 fields = new FieldsV1();
        fields.setAdditionalProperty("f:data", dataFields);
        ObjectMeta meta = secret.getMetadata();
        meta.setManagedFields(java.util.List.of(
                new ManagedFieldsEntryBuilder()
                        .withManager("kubectl")
                        .withOperation("Update")
                        .withFieldsV1(foreignFields())
                        .build(),
                new ManagedFieldsEntryBuilder()
                        .withManager("externalsecrets.external-secrets.io/app")
                        .withOperation("Apply")
                        .withFieldsV1(fields)
                        .build()));
        return secret;
    }

    private static FieldsV1 foreignFields() {
        FieldsV1 fields = new FieldsV1();
        fields.setAdditionalProperty("f:data", Map.of("f:foreign", Map.of()));
        return fields;
    }

    private static Map<String, byte[]> bytes(Map<String, String> text) {
        Map<String, byte[]> result = new HashMap<>();
        text.forEach((k, v) -> result.put(k, v.getBytes(StandardCharsets.UTF_8)));
        return result;
    }

    private static Map<String, String> text(Secret secret) {
        Map<String, String> result = new HashMap<>();
        SecretData.decode(secret).forEach((k, v) -> result.put(k, new String(v, StandardCharsets.UTF_8)));
        return result;
    }
}
