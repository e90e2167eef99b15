package io.sluice.externalsecret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.sluice.api.v1.ExternalSecret;
import io.sluice.api.v1.ExternalSecretSpec;
import io.sluice.api.v1.ExternalSecretTarget;
import io.sluice.api.v1.ExternalSecretTarget.CreationPolicy;
import io.sluice.api.v1.ExternalSecretTarget.DeletionPolicy;
import io.sluice.externalsecret.SecretPlan.Action;
import io.sluice.kube.Hashes;
import io.sluice.kube.SecretData;
import io.sluice.kube.WellKnown;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The creation and deletion policies as pure decisions over (spec, provider answer, Secret in the cluster). */
class SecretPlannerTest {
    private static final String NS = "ns";
    private static final String UID = "uid-this";

    /** What is in the cluster at the target name before the sync. */
    enum Found {
        NOTHING,
        UNOWNED,
        OWNED_BY_THIS,
        OWNED_BY_OTHER_ES,
        OWNED_BY_DEPLOYMENT
    }

    static Stream<Arguments> writes() {
        return Stream.of(
                // policy, found, expected action or the start of the refusal message
                Arguments.of(CreationPolicy.Owner, Found.NOTHING, "CREATE"),
                Arguments.of(CreationPolicy.Owner, Found.UNOWNED, "UPDATE"),
                Arguments.of(CreationPolicy.Owner, Found.OWNED_BY_THIS, "UPDATE"),
                Arguments.of(
                        CreationPolicy.Owner, Found.OWNED_BY_OTHER_ES, "target is owned by another ExternalSecret"),
                Arguments.of(CreationPolicy.Owner, Found.OWNED_BY_DEPLOYMENT, "target is owned by another Deployment"),
                Arguments.of(CreationPolicy.Orphan, Found.NOTHING, "CREATE"),
                Arguments.of(CreationPolicy.Orphan, Found.UNOWNED, "UPDATE"),
                Arguments.of(
                        CreationPolicy.Orphan, Found.OWNED_BY_OTHER_ES, "target is owned by another ExternalSecret"),
                Arguments.of(
                        CreationPolicy.Merge, Found.NOTHING, "secret will not be created due to CreationPolicy=Merge"),
                Arguments.of(CreationPolicy.Merge, Found.UNOWNED, "UPDATE"),
                Arguments.of(CreationPolicy.Merge, Found.OWNED_BY_DEPLOYMENT, "UPDATE"),
                Arguments.of(
                        CreationPolicy.Merge, Found.OWNED_BY_OTHER_ES, "target is owned by another ExternalSecret"),
                Arguments.of(CreationPolicy.CreateOrMerge, Found.NOTHING, "CREATE"),
                Arguments.of(CreationPolicy.CreateOrMerge, Found.UNOWNED, "UPDATE"),
                Arguments.of(
                        CreationPolicy.CreateOrMerge,
                        Found.OWNED_BY_OTHER_ES,
                        "target is owned by another ExternalSecret"),
                Arguments.of(CreationPolicy.None, Found.NOTHING, "SKIPPED"),
                Arguments.of(CreationPolicy.None, Found.OWNED_BY_OTHER_ES, "SKIPPED"));
    }

    @ParameterizedTest(name = "creationPolicy {0}, found {1} -> {2}")
    @MethodSource("writes")
    void creationPolicyDecidesHowTheSecretIsWritten(CreationPolicy policy, Found found, String expected) {
        EffectiveSpec es = spec(policy, DeletionPolicy.Retain);
        Secret existing = existing(found);
        if (expected.equals(expected.toUpperCase())) {
            SecretPlan plan = SecretPlanner.forDesired(es, desired(es, Map.of("a", "1")), existing);
            assertEquals(Action.valueOf(expected), plan.action());
        } else {
            SyncException e = assertThrows(
                    SyncException.class, () -> SecretPlanner.forDesired(es, desired(es, Map.of("a", "1")), existing));
            assertTrue(e.getMessage().startsWith(expected), e.getMessage());
            assertEquals(found == Found.NOTHING ? "SecretMissing" : "SecretSyncedError", e.reason());
        }
    }

    @Test
    void ownerSetsTheControllerReferenceAndTheCreatedByLabel() {
        EffectiveSpec es = spec(CreationPolicy.Owner, DeletionPolicy.Retain);
        Secret created = SecretPlanner.forDesired(es, desired(es, Map.of("a", "1")), null)
                .secret();
        assertTrue(SecretPlanner.isControlledBy(created, es.resource()));
        assertEquals(
                DesiredSecret.createdBy(NS, "app"),
                created.getMetadata().getLabels().get(WellKnown.CREATED_BY_LABEL));
        assertEquals("true", created.getMetadata().getLabels().get(WellKnown.MANAGED_LABEL));
        assertEquals(
                Hashes.ofData(SecretData.decode(created)),
                created.getMetadata().getAnnotations().get(WellKnown.DATA_HASH_ANNOTATION));
    }

    @Test
    void ownerAdoptsAnUnownedSecretAndKeepsItsForeignMetadata() {
        EffectiveSpec es = spec(CreationPolicy.Owner, DeletionPolicy.Retain);
        Secret updated = SecretPlanner.forDesired(es, desired(es, Map.of("a", "1")), existing(Found.UNOWNED))
                .secret();
        assertTrue(SecretPlanner.isControlledBy(updated, es.resource()));
        assertEquals("kept", updated.getMetadata().getLabels().get("team"));
        assertEquals(Map.of("a", "1"), text(updated), "Owner writes the whole data: foreign keys go");
    }

    @Test
    void orphanAndMergePoliciesSetNoOwner() {
        for (CreationPolicy policy : List.of(CreationPolicy.Orphan, CreationPolicy.CreateOrMerge)) {
            EffectiveSpec es = spec(policy, DeletionPolicy.Retain);
            Secret created = SecretPlanner.forDesired(es, desired(es, Map.of("a", "1")), null)
                    .secret();
            assertNull(created.getMetadata().getOwnerReferences(), policy.name());
            assertFalse(created.getMetadata().getLabels().containsKey(WellKnown.CREATED_BY_LABEL), policy.name());
        }
    }

    @Test
    void mergeKeepsForeignKeysAndDropsKeysItSyncedBeforeThatAreGoneNow() {
        EffectiveSpec es = spec(CreationPolicy.Merge, DeletionPolicy.Merge);
        Secret first = SecretPlanner.forDesired(es, desired(es, Map.of("a", "1", "b", "2")), existing(Found.UNOWNED))
                .secret();
        assertEquals(Map.of("foreign", "f", "a", "1", "b", "2"), text(first));
        assertEquals("a,b", first.getMetadata().getAnnotations().get(WellKnown.SYNCED_KEYS_ANNOTATION));
        assertEquals("Opaque", first.getType());

        Secret second = SecretPlanner.forDesired(es, desired(es, Map.of("a", "1")), first)
                .secret();
        assertEquals(Map.of("foreign", "f", "a", "1"), text(second));

        Secret emptied =
                SecretPlanner.forDesired(es, desired(es, Map.of()), second).secret();
        assertEquals(
                Map.of("foreign", "f"),
                text(emptied),
                "deletionPolicy Merge with nothing found keeps only foreign keys");
    }

    @Test
    void mergeKeepsTheTypeOfTheSecretItMergesInto() {
        EffectiveSpec es = spec(CreationPolicy.Merge, DeletionPolicy.Retain);
        Secret tls = new SecretBuilder(existing(Found.UNOWNED))
                .withType("kubernetes.io/tls")
                .withData(SecretData.encode(bytes(Map.of("tls.crt", "c", "tls.key", "k"))))
                .build();
        assertEquals(
                "kubernetes.io/tls",
                SecretPlanner.forDesired(es, desired(es, Map.of("a", "1")), tls)
                        .secret()
                        .getType());
    }

    @Test
    void anUnchangedSecretIsNotWritten() {
        EffectiveSpec es = spec(CreationPolicy.Owner, DeletionPolicy.Retain);
        Secret created = SecretPlanner.forDesired(es, desired(es, Map.of("a", "1")), null)
                .secret();
        assertEquals(
                Action.UNCHANGED,
                SecretPlanner.forDesired(es, desired(es, Map.of("a", "1")), created)
                        .action());
        assertEquals(
                Action.UPDATE,
                SecretPlanner.forDesired(es, desired(es, Map.of("a", "2")), created)
                        .action());
    }

    @Test
    void anImmutableSecretIsNeverChanged() {
        EffectiveSpec es = spec(CreationPolicy.Owner, DeletionPolicy.Retain);
        es.spec().target.immutable = true;
        Secret created = SecretPlanner.forDesired(es, desired(es, Map.of("a", "1")), null)
                .secret();
        assertEquals(Boolean.TRUE, created.getImmutable());
        assertEquals(
                Action.UNCHANGED,
                SecretPlanner.forDesired(es, desired(es, Map.of("a", "1")), created)
                        .action());
        SyncException e = assertThrows(
                SyncException.class, () -> SecretPlanner.forDesired(es, desired(es, Map.of("a", "2")), created));
        assertEquals("could not update secret, target is immutable", e.getMessage());
    }

    static Stream<Arguments> typeChanges() {
        return Stream.of(
                // policy, found, expected action or the start of the refusal message
                Arguments.of(CreationPolicy.Owner, Found.OWNED_BY_THIS, "REPLACE"),
                Arguments.of(
                        CreationPolicy.Owner,
                        Found.UNOWNED,
                        "could not update secret: its type is helm.sh/release.v1, "
                                + "the ExternalSecret asks for kubernetes.io/tls, and the type of a Secret cannot change in place; "
                                + "Sluice replaces only a Secret this ExternalSecret controls"),
                Arguments.of(
                        CreationPolicy.Owner, Found.OWNED_BY_OTHER_ES, "target is owned by another ExternalSecret"),
                Arguments.of(
                        CreationPolicy.Orphan,
                        Found.UNOWNED,
                        "could not update secret: its type is helm.sh/release.v1"),
                Arguments.of(
                        CreationPolicy.Orphan,
                        Found.OWNED_BY_THIS,
                        "could not update secret: its type is helm.sh/release.v1"),
                Arguments.of(CreationPolicy.Merge, Found.UNOWNED, "UPDATE"),
                Arguments.of(CreationPolicy.CreateOrMerge, Found.UNOWNED, "UPDATE"));
    }

    /** A Secret's type never changes in place; only a Secret this ExternalSecret controls is deleted to change it. */
    @ParameterizedTest(name = "creationPolicy {0}, found {1} with another type -> {2}")
    @MethodSource("typeChanges")
    void aTypeChangeReplacesOnlyASecretThisExternalSecretControls(CreationPolicy policy, Found found, String expected) {
        EffectiveSpec es = spec(policy, DeletionPolicy.Retain);
        Secret existing = new SecretBuilder(existing(found))
                .withType("helm.sh/release.v1")
                .build();
        DesiredSecret tls = new DesiredSecret(
                "app",
                "kubernetes.io/tls",
                Map.of(WellKnown.MANAGED_LABEL, "true"),
                Map.of(),
                bytes(Map.of("tls.crt", "c", "tls.key", "k")),
                false);
        if (!expected.equals(expected.toUpperCase())) {
            SyncException e = assertThrows(SyncException.class, () -> SecretPlanner.forDesired(es, tls, existing));
            assertTrue(e.getMessage().startsWith(expected), e.getMessage());
            return;
        }
        SecretPlan plan = SecretPlanner.forDesired(es, tls, existing);
        assertEquals(Action.valueOf(expected), plan.action());
        if (plan.action() == Action.REPLACE) {
            assertEquals("kubernetes.io/tls", plan.secret().getType());
            assertNull(plan.secret().getMetadata().getResourceVersion());
            assertEquals(existing, plan.replaced(), "the writer deletes only this version and restores it on failure");
        } else {
            assertEquals(
                    "helm.sh/release.v1", plan.secret().getType(), "Merge keeps the type of the Secret it merges into");
        }
    }

    static Stream<Arguments> secretTypes() {
        String sa = "kubernetes.io/service-account.name";
        return Stream.of(
                // type, data keys, annotations, expected: "ok" or the refusal after "could not create secret: "
                Arguments.of(
                        "kubernetes.io/tls", List.of("a"), Map.of(), "type kubernetes.io/tls requires the key tls.crt"),
                Arguments.of(
                        "kubernetes.io/tls",
                        List.of("tls.crt"),
                        Map.of(),
                        "type kubernetes.io/tls requires the key tls.key"),
                Arguments.of("kubernetes.io/tls", List.of("tls.crt", "tls.key"), Map.of(), "ok"),
                Arguments.of(
                        "kubernetes.io/dockerconfigjson",
                        List.of("a"),
                        Map.of(),
                        "type kubernetes.io/dockerconfigjson requires the key .dockerconfigjson"),
                Arguments.of(
                        "kubernetes.io/dockerconfigjson",
                        List.of(".dockerconfigjson"),
                        Map.of(),
                        "type kubernetes.io/dockerconfigjson requires the key .dockerconfigjson to hold valid JSON"),
                Arguments.of("kubernetes.io/dockerconfigjson", List.of(".dockerconfigjson=json"), Map.of(), "ok"),
                Arguments.of(
                        "kubernetes.io/dockercfg",
                        List.of(".dockerconfigjson=json"),
                        Map.of(),
                        "type kubernetes.io/dockercfg requires the key .dockercfg"),
                Arguments.of(
                        "kubernetes.io/dockercfg",
                        List.of(".dockercfg"),
                        Map.of(),
                        "type kubernetes.io/dockercfg requires the key .dockercfg to hold valid JSON"),
                Arguments.of("kubernetes.io/dockercfg", List.of(".dockercfg=json"), Map.of(), "ok"),
                Arguments.of(
                        "kubernetes.io/basic-auth",
                        List.of("user"),
                        Map.of(),
                        "type kubernetes.io/basic-auth requires the key username or the key password"),
                Arguments.of("kubernetes.io/basic-auth", List.of("password"), Map.of(), "ok"),
                Arguments.of("kubernetes.io/basic-auth", List.of("username"), Map.of(), "ok"),
                Arguments.of(
                        "kubernetes.io/ssh-auth",
                        List.of("id_rsa"),
                        Map.of(),
                        "type kubernetes.io/ssh-auth requires the key ssh-privatekey"),
                Arguments.of("kubernetes.io/ssh-auth", List.of("ssh-privatekey"), Map.of(), "ok"),
                Arguments.of(
                        "kubernetes.io/service-account-token",
                        List.of("token"),
                        Map.of(),
                        "type kubernetes.io/service-account-token requires the annotation " + sa),
                Arguments.of("kubernetes.io/service-account-token", List.of("token"), Map.of(sa, "builder"), "ok"),
                Arguments.of("Opaque", List.of(), Map.of(), "ok"),
                Arguments.of("helm.sh/release.v1", List.of("release"), Map.of(), "ok"));
    }

    /**
     * The API server's rules for the well-known types, checked before any write: the test server accepts any
     * Secret, a real one refuses it with 422. The refusal names the type and the key, never a value.
     */
    @ParameterizedTest(name = "{0} with keys {1} -> {3}")
    @MethodSource("secretTypes")
    void aSecretTheApiServerWouldRefuseForItsTypeIsNeverWritten(
            String type, List<String> keys, Map<String, String> annotations, String expected) {
        EffectiveSpec es = spec(CreationPolicy.Owner, DeletionPolicy.Retain);
        Map<String, String> data = new HashMap<>();
        for (String key : keys) {
            boolean json = key.endsWith("=json");
            data.put(key.replace("=json", ""), json ? "{\"auths\":{}}" : "{not json: s3cr3t-value");
        }
        DesiredSecret desired = DesiredSecret.of(es, bytes(data), type, Map.of(), annotations);
        if (expected.equals("ok")) {
            assertEquals(
                    Action.CREATE, SecretPlanner.forDesired(es, desired, null).action());
            return;
        }
        SyncException e = assertThrows(SyncException.class, () -> SecretPlanner.forDesired(es, desired, null));
        assertEquals("could not create secret: " + expected, e.getMessage());
        assertFalse(e.getMessage().contains("s3cr3t"), "a value never appears in the message");
    }

    @Test
    void anUpdateThatWouldBreakTheTypeRulesIsRefusedBeforeWriting() {
        EffectiveSpec es = spec(CreationPolicy.Owner, DeletionPolicy.Retain);
        DesiredSecret good = DesiredSecret.of(
                es, bytes(Map.of("tls.crt", "c", "tls.key", "k")), "kubernetes.io/tls", Map.of(), Map.of());
        Secret created = SecretPlanner.forDesired(es, good, null).secret();
        DesiredSecret keyGone =
                DesiredSecret.of(es, bytes(Map.of("tls.crt", "c")), "kubernetes.io/tls", Map.of(), Map.of());
        SyncException e = assertThrows(SyncException.class, () -> SecretPlanner.forDesired(es, keyGone, created));
        assertEquals("could not update secret: type kubernetes.io/tls requires the key tls.key", e.getMessage());
    }

    static Stream<Arguments> nothingFound() {
        return Stream.of(
                // creation, deletion, found, expected (action, "write as usual" or refusal message)
                Arguments.of(CreationPolicy.Owner, DeletionPolicy.Retain, Found.OWNED_BY_THIS, "RETAINED"),
                Arguments.of(CreationPolicy.Owner, DeletionPolicy.Retain, Found.NOTHING, "RETAINED"),
                Arguments.of(CreationPolicy.Owner, DeletionPolicy.Delete, Found.OWNED_BY_THIS, "DELETE"),
                Arguments.of(CreationPolicy.Owner, DeletionPolicy.Delete, Found.NOTHING, "ALREADY_DELETED"),
                Arguments.of(
                        CreationPolicy.Owner,
                        DeletionPolicy.Delete,
                        Found.UNOWNED,
                        "could not delete secret: it is not controlled by this ExternalSecret"),
                Arguments.of(
                        CreationPolicy.Owner,
                        DeletionPolicy.Delete,
                        Found.OWNED_BY_OTHER_ES,
                        "could not delete secret: it is not controlled by this ExternalSecret"),
                Arguments.of(
                        CreationPolicy.Orphan,
                        DeletionPolicy.Delete,
                        Found.UNOWNED,
                        "could not delete secret: deletionPolicy=Delete requires creationPolicy=Owner"),
                Arguments.of(CreationPolicy.Owner, DeletionPolicy.Merge, Found.OWNED_BY_THIS, "write"),
                Arguments.of(CreationPolicy.Merge, DeletionPolicy.Merge, Found.UNOWNED, "write"),
                Arguments.of(CreationPolicy.CreateOrMerge, DeletionPolicy.Retain, Found.UNOWNED, "RETAINED"));
    }

    @ParameterizedTest(name = "{0}/{1}, provider returned nothing, found {2} -> {3}")
    @MethodSource("nothingFound")
    void deletionPolicyDecidesWhenTheProviderReturnsNothing(
            CreationPolicy creation, DeletionPolicy deletion, Found found, String expected) {
        EffectiveSpec es = spec(creation, deletion);
        Secret existing = existing(found);
        if (expected.startsWith("could not")) {
            SyncException e = assertThrows(SyncException.class, () -> SecretPlanner.whenNothingFound(es, existing));
            assertTrue(e.getMessage().startsWith(expected), e.getMessage());
            return;
        }
        Optional<SecretPlan> plan = SecretPlanner.whenNothingFound(es, existing);
        if (expected.equals("write")) {
            assertTrue(plan.isEmpty());
        } else {
            assertEquals(Action.valueOf(expected), plan.orElseThrow().action());
            assertEquals(expected.equals("DELETE") ? existing : null, plan.get().secret());
        }
    }

    @Test
    void onlyThisExternalSecretsSecretsUnderOtherNamesAreLeftBehindByARename() {
        EffectiveSpec es = spec(CreationPolicy.Owner, DeletionPolicy.Retain);
        Secret oldName = renamed(existing(Found.OWNED_BY_THIS), "old-name");
        Secret current = existing(Found.OWNED_BY_THIS);
        Secret otherEs = renamed(existing(Found.OWNED_BY_OTHER_ES), "other");
        Secret labelledButOtherController = renamed(existing(Found.OWNED_BY_OTHER_ES), "copied-label");
        labelledButOtherController
                .getMetadata()
                .getLabels()
                .put(WellKnown.CREATED_BY_LABEL, DesiredSecret.createdBy(NS, "app"));
        Secret controlledButNoLabel = renamed(existing(Found.OWNED_BY_THIS), "no-label");
        controlledButNoLabel.getMetadata().getLabels().remove(WellKnown.CREATED_BY_LABEL);

        List<Secret> left = SecretPlanner.leftBehind(
                es.resource(),
                "app",
                List.of(oldName, current, otherEs, labelledButOtherController, controlledButNoLabel));
        assertEquals(List.of(oldName), left);
    }

    private static EffectiveSpec spec(CreationPolicy creation, DeletionPolicy deletion) {
        ExternalSecret es = new ExternalSecret();
        es.setMetadata(new ObjectMetaBuilder()
                .withNamespace(NS)
                .withName("app")
                .withUid(UID)
                .withGeneration(1L)
                .build());
        es.setSpec(new ExternalSecretSpec());
        es.getSpec().target = new ExternalSecretTarget();
        es.getSpec().target.creationPolicy = creation;
        es.getSpec().target.deletionPolicy = deletion;
        return new EffectiveSpec(es, Duration.ofHours(1));
    }

    private static DesiredSecret desired(EffectiveSpec es, Map<String, String> data) {
        return DesiredSecret.of(es, bytes(data), null, Map.of("app", "demo"), Map.of());
    }

    private static Secret existing(Found found) {
        if (found == Found.NOTHING) {
            return null;
        }
        var meta = new ObjectMetaBuilder()
                .withNamespace(NS)
                .withName("app")
                .withResourceVersion("7")
                .withLabels(new HashMap<>(Map.of("team", "kept")));
        switch (found) {
            case OWNED_BY_THIS ->
                meta.addToLabels(WellKnown.CREATED_BY_LABEL, DesiredSecret.createdBy(NS, "app"))
                        .withOwnerReferences(controller("ExternalSecret", "app", UID));
            case OWNED_BY_OTHER_ES -> meta.withOwnerReferences(controller("ExternalSecret", "other", "uid-other"));
            case OWNED_BY_DEPLOYMENT -> meta.withOwnerReferences(controller("Deployment", "web", "uid-web"));
            default -> {}
        }
        return new SecretBuilder()
                .withMetadata(meta.build())
                .withData(SecretData.encode(bytes(Map.of("foreign", "f"))))
                .build();
    }

    private static io.fabric8.kubernetes.api.model.OwnerReference controller(String kind, String name, String uid) {
        return new OwnerReferenceBuilder()
                .withApiVersion("v1")
                .withKind(kind)
                .withName(name)
                .withUid(uid)
                .withController(true)
                .build();
    }

    private static Secret renamed(Secret secret, String name) {
        secret.getMetadata().setName(name);
        return secret;
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
