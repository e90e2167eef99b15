package io.sluice.clusterexternalsecret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.sluice.api.v1.ClusterExternalSecret;
import io.sluice.api.v1.ClusterExternalSecretSpec;
import io.sluice.api.v1.ExternalSecret;
import io.sluice.api.v1.ExternalSecretSpec;
import io.sluice.api.v1.SecretStoreRef;
import io.sluice.clusterexternalsecret.ProvisionedExternalSecret.Ownership;
import io.sluice.kube.WellKnown;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProvisionedExternalSecretTest {

    @Test
    void desiredCarriesTemplateMetadataOwnerLabelAndMirroredForceSync() {
        ClusterExternalSecret ces = ces("shared", "1h");
        ces.getSpec().externalSecretName = "app-secret";
        ces.getSpec().externalSecretMetadata = new ClusterExternalSecretSpec.ExternalSecretMetadata();
        ces.getSpec().externalSecretMetadata.labels = Map.of("tier", "gold");
        ces.getSpec().externalSecretMetadata.annotations = Map.of("note", "x");
        ces.getMetadata().setAnnotations(Map.of(WellKnown.FORCE_SYNC_ANNOTATION, "123", "other", "not mirrored"));

        ExternalSecret es = ProvisionedExternalSecret.desired(ces, "team-a");

        assertEquals("team-a", es.getMetadata().getNamespace());
        assertEquals("app-secret", es.getMetadata().getName());
        assertEquals(
                Map.of("tier", "gold", ProvisionedExternalSecret.OWNER_LABEL, "shared"),
                es.getMetadata().getLabels());
        assertEquals(
                Map.of("note", "x", WellKnown.FORCE_SYNC_ANNOTATION, "123"),
                es.getMetadata().getAnnotations());
        assertEquals("1h", es.getSpec().refreshInterval);
        assertTrue(
                es.getMetadata().getOwnerReferences() == null
                        || es.getMetadata().getOwnerReferences().isEmpty(),
                "no ownerReference: the garbage collector must never delete provisioned ExternalSecrets");
    }

    @Test
    void anUnchangedExternalSecretIsUpToDateAndASpecChangeIsNot() {
        ClusterExternalSecret ces = ces("shared", "1h");
        ExternalSecret existing = ProvisionedExternalSecret.desired(ces, "ns");
        existing.getMetadata().setResourceVersion("7");

        assertTrue(
                ProvisionedExternalSecret.upToDate(existing, ProvisionedExternalSecret.desired(ces, "ns"), "shared"));
        ces.getSpec().externalSecretSpec.refreshInterval = "5m";
        ExternalSecret desired = ProvisionedExternalSecret.desired(ces, "ns");
        assertFalse(ProvisionedExternalSecret.upToDate(existing, desired, "shared"));
        ExternalSecret updated = ProvisionedExternalSecret.updated(existing, desired, "shared");
        assertEquals("5m", updated.getSpec().refreshInterval);
        assertEquals("7", updated.getMetadata().getResourceVersion(), "updates are optimistic: they keep the version");
    }

    @Test
    void ownershipIsTheLabelOrEsosControllerReferenceNeverAnotherOwner() {
        ClusterExternalSecret ces = ces("shared", null);
        ExternalSecret labelled = ProvisionedExternalSecret.desired(ces, "ns");
        assertEquals(Ownership.OURS, ProvisionedExternalSecret.ownership(labelled, ces));

        ExternalSecret foreign = plain("ns", "shared");
        assertEquals(Ownership.FOREIGN, ProvisionedExternalSecret.ownership(foreign, ces));
        labelled.getMetadata().getLabels().put(ProvisionedExternalSecret.OWNER_LABEL, "another");
        assertEquals(Ownership.FOREIGN, ProvisionedExternalSecret.ownership(labelled, ces));

        ExternalSecret fromEso = plain("ns", "shared");
        fromEso.getMetadata()
                .setOwnerReferences(new java.util.ArrayList<>(java.util.List.of(new OwnerReferenceBuilder()
                        .withApiVersion("external-secrets.io/v1")
                        .withKind("ClusterExternalSecret")
                        .withName("shared")
                        .withUid("old-uid")
                        .withController(true)
                        .build())));
        assertEquals(Ownership.OURS, ProvisionedExternalSecret.ownership(fromEso, ces));
        ExternalSecret desired = ProvisionedExternalSecret.desired(ces, "ns");
        fromEso.setSpec(desired.getSpec());
        fromEso.getMetadata().setLabels(desired.getMetadata().getLabels());
        assertFalse(ProvisionedExternalSecret.upToDate(fromEso, desired, "shared"), "ESO's ownerReference must go");
        assertTrue(ProvisionedExternalSecret.updated(fromEso, desired, "shared")
                .getMetadata()
                .getOwnerReferences()
                .isEmpty());
    }

    static ClusterExternalSecret ces(String name, String refresh) {
        ClusterExternalSecret ces = new ClusterExternalSecret();
        ces.setMetadata(new ObjectMetaBuilder().withName(name).build());
        ces.setSpec(new ClusterExternalSecretSpec());
        ces.getSpec().externalSecretSpec = new ExternalSecretSpec();
        ces.getSpec().externalSecretSpec.refreshInterval = refresh;
        ces.getSpec().externalSecretSpec.secretStoreRef = new SecretStoreRef("store", "ClusterSecretStore");
        return ces;
    }

    private static ExternalSecret plain(String namespace, String name) {
        ExternalSecret es = new ExternalSecret();
        es.setMetadata(
                new ObjectMetaBuilder().withNamespace(namespace).withName(name).build());
        es.setSpec(new ExternalSecretSpec());
        return es;
    }
}
