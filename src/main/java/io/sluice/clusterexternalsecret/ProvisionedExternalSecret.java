package io.sluice.clusterexternalsecret;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.sluice.api.v1.ClusterExternalSecret;
import io.sluice.api.v1.ExternalSecret;
import io.sluice.api.v1.ExternalSecretSpec;
import io.sluice.kube.MetadataRules;
import io.sluice.kube.WellKnown;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The ExternalSecret a ClusterExternalSecret wants in one namespace, and how an existing one relates to it.
 *
 * <p>Ownership is the label {@link #OWNER_LABEL} naming the ClusterExternalSecret, not an ownerReference:
 * Kubernetes' garbage collector never deletes these ExternalSecrets (and the Secrets below them) when the
 * ClusterExternalSecret is deleted or replaced, and a re-created ClusterExternalSecret of the same name adopts
 * them without writing. An ExternalSecret created by ESO (a controller ownerReference to a
 * ClusterExternalSecret of this name) is adopted too, and its ownerReference is dropped on the next write.
 */
final class ProvisionedExternalSecret {
    static final String OWNER_LABEL = WellKnown.CLUSTER_EXTERNAL_SECRET_LABEL;
    private static final ObjectMapper JSON = new ObjectMapper();

    enum Ownership {
        OURS,
        FOREIGN
    }

    private ProvisionedExternalSecret() {}

    static String externalSecretName(ClusterExternalSecret ces) {
        String name = ces.getSpec().externalSecretName;
        return name == null || name.isEmpty() ? ces.getMetadata().getName() : name;
    }

    static ExternalSecret desired(ClusterExternalSecret ces, String namespace) {
        ExternalSecret es = new ExternalSecret();
        es.setMetadata(new ObjectMetaBuilder()
                .withNamespace(namespace)
                .withName(externalSecretName(ces))
                .withLabels(desiredLabels(ces))
                .withAnnotations(desiredAnnotations(ces))
                .build());
        es.setSpec(copy(ces.getSpec().externalSecretSpec));
        return es;
    }

    /**
     * What the API server would refuse in {@code externalSecretMetadata}, checked before any write so that its 422
     * (which quotes the value) never reaches the status. Empty when the metadata is valid.
     */
    static String invalidMetadata(ClusterExternalSecret ces) {
        var metadata = ces.getSpec().externalSecretMetadata;
        if (metadata == null) {
            return "";
        }
        List<String> problems = new ArrayList<>(
                MetadataRules.labelProblems("externalSecretMetadata label", orEmpty(metadata.labels), key -> true));
        problems.addAll(MetadataRules.annotationProblems(
                "externalSecretMetadata annotation", orEmpty(metadata.annotations), key -> true));
        return String.join("; ", problems);
    }

    static Ownership ownership(ExternalSecret existing, ClusterExternalSecret ces) {
        String cesName = ces.getMetadata().getName();
        Map<String, String> labels = existing.getMetadata().getLabels();
        if (labels != null && cesName.equals(labels.get(OWNER_LABEL))) {
            return Ownership.OURS;
        }
        return esoController(existing.getMetadata(), cesName) != null ? Ownership.OURS : Ownership.FOREIGN;
    }

    /** True when the existing ExternalSecret already is what the ClusterExternalSecret wants. */
    static boolean upToDate(ExternalSecret existing, ExternalSecret desired, String cesName) {
        ObjectMeta meta = existing.getMetadata();
        return JSON.valueToTree(existing.getSpec()).equals(JSON.valueToTree(desired.getSpec()))
                && Objects.equals(
                        orEmpty(meta.getLabels()), desired.getMetadata().getLabels())
                && Objects.equals(
                        orEmpty(meta.getAnnotations()), desired.getMetadata().getAnnotations())
                && esoController(meta, cesName) == null;
    }

    /** Applies the desired spec and metadata onto the existing object, keeping its identity and version. */
    static ExternalSecret updated(ExternalSecret existing, ExternalSecret desired, String cesName) {
        ExternalSecret next = new ExternalSecret();
        ObjectMeta meta = new ObjectMetaBuilder(existing.getMetadata())
                .withLabels(desired.getMetadata().getLabels())
                .withAnnotations(desired.getMetadata().getAnnotations())
                .build();
        OwnerReference eso = esoController(meta, cesName);
        if (eso != null) {
            meta.setOwnerReferences(
                    meta.getOwnerReferences().stream().filter(r -> r != eso).toList());
        }
        next.setMetadata(meta);
        next.setSpec(desired.getSpec());
        next.setStatus(existing.getStatus());
        return next;
    }

    private static OwnerReference esoController(ObjectMeta meta, String cesName) {
        List<OwnerReference> refs = meta.getOwnerReferences();
        if (refs == null) {
            return null;
        }
        return refs.stream()
                .filter(r -> Boolean.TRUE.equals(r.getController())
                        && "ClusterExternalSecret".equals(r.getKind())
                        && cesName.equals(r.getName()))
                .findFirst()
                .orElse(null);
    }

    private static Map<String, String> desiredLabels(ClusterExternalSecret ces) {
        Map<String, String> labels = new HashMap<>();
        var metadata = ces.getSpec().externalSecretMetadata;
        if (metadata != null && metadata.labels != null) {
            labels.putAll(metadata.labels);
        }
        labels.put(OWNER_LABEL, ces.getMetadata().getName());
        return labels;
    }

    private static Map<String, String> desiredAnnotations(ClusterExternalSecret ces) {
        Map<String, String> annotations = new HashMap<>();
        var metadata = ces.getSpec().externalSecretMetadata;
        if (metadata != null && metadata.annotations != null) {
            annotations.putAll(metadata.annotations);
        }
        Map<String, String> own = ces.getMetadata().getAnnotations();
        if (own != null && own.containsKey(WellKnown.FORCE_SYNC_ANNOTATION)) {
            annotations.put(WellKnown.FORCE_SYNC_ANNOTATION, own.get(WellKnown.FORCE_SYNC_ANNOTATION));
        }
        return annotations;
    }

    private static ExternalSecretSpec copy(ExternalSecretSpec spec) {
        return JSON.convertValue(spec, ExternalSecretSpec.class);
    }

    private static Map<String, String> orEmpty(Map<String, String> map) {
        return map == null ? Map.of() : map;
    }
}
