package io.sluice.clusterexternalsecret;

import io.fabric8.kubernetes.api.model.Namespace;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.IndexerResourceCache;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.sluice.api.v1.ClusterExternalSecret;
import io.sluice.api.v1.ExternalSecret;
import io.sluice.kube.PrunedItemStore;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the ClusterExternalSecret controller watches: namespaces (a new or relabelled namespace reaches every
 * ClusterExternalSecret at once) and the ExternalSecrets it provisioned (only those carrying the owner label),
 * so an edited or deleted ExternalSecret is restored promptly. Status-only changes of those ExternalSecrets
 * are filtered out: they happen at every sync and concern the ExternalSecret controller alone.
 */
final class ClusterExternalSecretEventSources {
    private final IndexerResourceCache<ClusterExternalSecret> primaries;
    private final InformerEventSource<Namespace, ClusterExternalSecret> namespaces;
    private final InformerEventSource<ExternalSecret, ClusterExternalSecret> provisioned;

    ClusterExternalSecretEventSources(EventSourceContext<ClusterExternalSecret> context) {
        this.primaries = context.getPrimaryCache();
        namespaces = new InformerEventSource<>(
                InformerEventSourceConfiguration.from(Namespace.class, ClusterExternalSecret.class)
                        .withName("ces-namespaces")
                        .withItemStore(new PrunedItemStore<>())
                        .withSecondaryToPrimaryMapper(ns -> everyClusterExternalSecret())
                        .withOnUpdateFilter((next, previous) -> !Objects.equals(
                                        next.getMetadata().getLabels(),
                                        previous.getMetadata().getLabels())
                                || !Objects.equals(
                                        next.getMetadata().getDeletionTimestamp(),
                                        previous.getMetadata().getDeletionTimestamp()))
                        .build(),
                context);
        provisioned = new InformerEventSource<>(
                InformerEventSourceConfiguration.from(ExternalSecret.class, ClusterExternalSecret.class)
                        .withName("ces-external-secrets")
                        .withItemStore(new PrunedItemStore<>())
                        .withLabelSelector(ProvisionedExternalSecret.OWNER_LABEL)
                        .withSecondaryToPrimaryMapper(es -> Set.of(new ResourceID(
                                es.getMetadata().getLabels().get(ProvisionedExternalSecret.OWNER_LABEL))))
                        .withOnUpdateFilter((next, previous) -> !Objects.equals(
                                        next.getMetadata().getGeneration(),
                                        previous.getMetadata().getGeneration())
                                || !Objects.equals(
                                        next.getMetadata().getLabels(),
                                        previous.getMetadata().getLabels())
                                || !Objects.equals(
                                        next.getMetadata().getAnnotations(),
                                        previous.getMetadata().getAnnotations()))
                        .build(),
                context);
    }

    List<EventSource<?, ClusterExternalSecret>> all() {
        return List.of(namespaces, provisioned);
    }

    List<Namespace> allNamespaces() {
        return namespaces.list().toList();
    }

    /** Every ExternalSecret labelled as provisioned by the named ClusterExternalSecret, in any namespace. */
    List<ExternalSecret> provisionedBy(String cesName) {
        return provisioned
                .list(es -> cesName.equals(es.getMetadata().getLabels().get(ProvisionedExternalSecret.OWNER_LABEL)))
                .toList();
    }

    ExternalSecret cachedExternalSecret(String namespace, String name) {
        return provisioned.get(new ResourceID(name, namespace)).orElse(null);
    }

    private Set<ResourceID> everyClusterExternalSecret() {
        return primaries.list().map(ResourceID::fromResource).collect(Collectors.toSet());
    }
}
