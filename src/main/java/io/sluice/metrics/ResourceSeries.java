package io.sluice.metrics;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Locale;

/**
 * The series key of one resource in ESO's per-resource families: the metric prefix of its kind
 * ({@code externalsecret}, {@code secretstore}, ...) and its {@code namespace} and {@code name} labels
 * (the namespace is empty for cluster-scoped kinds).
 */
public record ResourceSeries(String kind, String namespace, String name) {

    public static ResourceSeries of(HasMetadata resource) {
        return new ResourceSeries(
                prefixOf(HasMetadata.getKind(resource.getClass())),
                resource.getMetadata().getNamespace(),
                resource.getMetadata().getName());
    }

    public ResourceSeries {
        kind = kind.toLowerCase(Locale.ROOT);
        namespace = namespace == null ? "" : namespace;
    }

    /** ESO's metric prefix for a Kubernetes kind: {@code ClusterSecretStore} gives {@code clustersecretstore}. */
    public static String prefixOf(String kubernetesKind) {
        return kubernetesKind.toLowerCase(Locale.ROOT);
    }
}
