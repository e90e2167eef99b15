package io.sluice.externalsecret;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.sluice.api.v1.ExternalSecret;
import io.sluice.api.v1.ExternalSecretSpec;
import io.sluice.api.v1.ExternalSecretTarget;
import io.sluice.kube.WellKnown;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ESO copies an ExternalSecret's labels and annotations to its Secret; Sluice leaves out GitOps tracking. */
class DesiredSecretTest {

    @Test
    void ownLabelsAndAnnotationsAreCopiedWithoutGitOpsTracking() {
        Map<String, String> labels = new HashMap<>(Map.of(
                "app",
                "shop",
                "team",
                "payments",
                "app.kubernetes.io/instance",
                "shop-prod",
                "argocd.argoproj.io/instance",
                "shop",
                "kustomize.toolkit.fluxcd.io/name",
                "apps",
                WellKnown.CLUSTER_EXTERNAL_SECRET_LABEL,
                "shared"));
        Map<String, String> annotations = new HashMap<>(Map.of(
                "owner",
                "alice",
                "argocd.argoproj.io/tracking-id",
                "shop:external-secrets.io/ExternalSecret:ns/app",
                "kubectl.kubernetes.io/last-applied-configuration",
                "{}",
                "argocd.argoproj.io/sync-wave",
                "1",
                WellKnown.FORCE_SYNC_ANNOTATION,
                "1700000000"));
        EffectiveSpec es = spec(false);

        DesiredSecret desired = DesiredSecret.of(es, Map.of(), null, labels, annotations);

        assertEquals(Map.of("app", "shop", "team", "payments", WellKnown.MANAGED_LABEL, "true"), desired.labels());
        assertEquals(Map.of("owner", "alice"), desired.annotations());
    }

    @Test
    void defaultsTypeNameAndImmutability() {
        DesiredSecret desired = DesiredSecret.of(spec(true), Map.of(), null, null, null);
        assertEquals("Opaque", desired.type());
        assertEquals("target-name", desired.name());
        assertEquals(Map.of(WellKnown.MANAGED_LABEL, "true"), desired.labels());
        assertEquals(Map.of(), desired.annotations());
        assertEquals(true, desired.immutable());
        assertEquals(
                "kubernetes.io/tls",
                DesiredSecret.of(spec(false), Map.of(), "kubernetes.io/tls", null, null)
                        .type());
    }

    private static EffectiveSpec spec(boolean immutable) {
        ExternalSecret es = new ExternalSecret();
        es.setMetadata(
                new ObjectMetaBuilder().withNamespace("ns").withName("app").build());
        es.setSpec(new ExternalSecretSpec());
        es.getSpec().target = new ExternalSecretTarget();
        es.getSpec().target.name = "target-name";
        es.getSpec().target.immutable = immutable;
        return new EffectiveSpec(es, Duration.ofHours(1));
    }
}
