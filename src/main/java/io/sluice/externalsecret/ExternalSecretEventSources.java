package io.sluice.externalsecret;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.IndexerResourceCache;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.sluice.api.v1.ClusterSecretStore;
import io.sluice.api.v1.ExternalSecret;
import io.sluice.api.v1.SecretStore;
import io.sluice.api.v1.SecretStoreRef;
import io.sluice.kube.PrunedItemStore;
import io.sluice.kube.WellKnown;
import io.sluice.provider.StoreView;
import io.sluice.store.CredentialChangeEventSource;
import io.sluice.store.StoreCredentialWatch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the ExternalSecret controller watches besides ExternalSecrets: the Secrets Sluice manages (only those
 * carrying the managed label: never every Secret of the cluster) and the stores. Each event is mapped to
 * the ExternalSecrets concerned through indexes over the ExternalSecret cache, so a store change reaches
 * its ExternalSecrets at once.
 */
final class ExternalSecretEventSources {
    private static final String BY_STORE = "es-by-store";
    private static final String BY_TARGET = "es-by-target";

    private final IndexerResourceCache<ExternalSecret> primaries;
    private final InformerEventSource<Secret, ExternalSecret> secrets;
    private final InformerEventSource<SecretStore, ExternalSecret> stores;
    private final InformerEventSource<ClusterSecretStore, ExternalSecret> clusterStores;
    private final CredentialChangeEventSource<ExternalSecret> credentialChanges;
    private final KubernetesClient client;

    ExternalSecretEventSources(EventSourceContext<ExternalSecret> context, StoreCredentialWatch credentialWatch) {
        this.client = context.getClient();
        this.primaries = context.getPrimaryCache();
        primaries.addIndexer(BY_STORE, es -> storeKeys(es));
        primaries.addIndexer(
                BY_TARGET,
                es -> List.of(
                        targetKey(es.getMetadata().getNamespace(), new EffectiveSpec(es, Duration.ZERO).targetName())));

        secrets = new InformerEventSource<>(
                InformerEventSourceConfiguration.from(Secret.class, ExternalSecret.class)
                        .withName("managed-secrets")
                        .withLabelSelector(WellKnown.MANAGED_LABEL + "=true")
                        .withItemStore(new PrunedItemStore<>(ManagedSecretPruning::prune))
                        .withSecondaryToPrimaryMapper(secret -> byIndex(
                                BY_TARGET,
                                targetKey(
                                        secret.getMetadata().getNamespace(),
                                        secret.getMetadata().getName())))
                        .build(),
                context);
        stores = new InformerEventSource<>(
                InformerEventSourceConfiguration.from(SecretStore.class, ExternalSecret.class)
                        .withName("secret-stores")
                        .withItemStore(new PrunedItemStore<>())
                        .withSecondaryToPrimaryMapper(store -> byIndex(
                                BY_STORE,
                                storeKey(
                                        SecretStoreRef.SECRET_STORE,
                                        store.getMetadata().getNamespace(),
                                        store.getMetadata().getName())))
                        .build(),
                context);
        clusterStores = new InformerEventSource<>(
                InformerEventSourceConfiguration.from(ClusterSecretStore.class, ExternalSecret.class)
                        .withName("cluster-secret-stores")
                        .withItemStore(new PrunedItemStore<>())
                        .withSecondaryToPrimaryMapper(store -> byIndex(
                                BY_STORE,
                                storeKey(
                                        SecretStoreRef.CLUSTER_SECRET_STORE,
                                        null,
                                        store.getMetadata().getName())))
                        .build(),
                context);
        credentialChanges = new CredentialChangeEventSource<>(credentialWatch, (store, consumerNamespace) -> {
            Set<ResourceID> users = byIndex(BY_STORE, storeKey(store.kind(), store.namespace(), store.name()));
            return consumerNamespace == null
                    ? users
                    : users.stream()
                            .filter(id ->
                                    consumerNamespace.equals(id.getNamespace().orElse(null)))
                            .collect(Collectors.toSet());
        });
    }

    List<EventSource<?, ExternalSecret>> all() {
        return List.of(secrets, stores, clusterStores, credentialChanges);
    }

    Optional<StoreView> findStore(SecretStoreRef ref, String namespace) {
        if (ref.isClusterStore()) {
            return clusterStores.get(new ResourceID(ref.name)).map(StoreView::of);
        }
        return stores.get(new ResourceID(ref.name, namespace)).map(StoreView::of);
    }

    /** Every store the resource references that exists (missing ones are reported during the sync). */
    List<StoreView> referencedStores(EffectiveSpec es) {
        List<StoreView> found = new ArrayList<>();
        for (SecretStoreRef ref : referencedRefs(es.resource())) {
            findStore(ref, es.resource().getMetadata().getNamespace()).ifPresent(found::add);
        }
        return found;
    }

    /**
     * The target Secret from the managed-Secrets cache; a Secret without the managed label (a foreign one at
     * the target name, or one a Merge policy updates) is not cached, so it is read directly.
     */
    Secret targetSecret(String namespace, String name) {
        return secrets.get(new ResourceID(name, namespace))
                .orElseGet(() ->
                        client.secrets().inNamespace(namespace).withName(name).get());
    }

    /** The target Secret if the managed-Secrets cache has it; never asks the API server. */
    Optional<Secret> cachedTargetSecret(String namespace, String name) {
        return secrets.get(new ResourceID(name, namespace));
    }

    /** The Secrets carrying the managed label in a namespace, from the cache. */
    List<Secret> managedSecrets(String namespace) {
        return secrets.list(namespace).toList();
    }

    private Set<ResourceID> byIndex(String index, String key) {
        return primaries.byIndex(index, key).stream()
                .map(ResourceID::fromResource)
                .collect(Collectors.toSet());
    }

    private static List<String> storeKeys(ExternalSecret es) {
        return referencedRefs(es).stream()
                .map(ref -> storeKey(
                        ref.isClusterStore() ? SecretStoreRef.CLUSTER_SECRET_STORE : SecretStoreRef.SECRET_STORE,
                        ref.isClusterStore() ? null : es.getMetadata().getNamespace(),
                        ref.name))
                .toList();
    }

    static Set<SecretStoreRef> referencedRefs(ExternalSecret es) {
        EffectiveSpec spec = new EffectiveSpec(es, Duration.ZERO);
        Set<SecretStoreRef> refs = new LinkedHashSet<>();
        add(refs, spec.storeRef(null));
        if (es.getSpec().data != null) {
            es.getSpec().data.forEach(d -> add(refs, spec.storeRef(d.sourceRef == null ? null : d.sourceRef.storeRef)));
        }
        if (es.getSpec().dataFrom != null) {
            es.getSpec()
                    .dataFrom
                    .forEach(d -> add(refs, spec.storeRef(d.sourceRef == null ? null : d.sourceRef.storeRef)));
        }
        return refs;
    }

    private static void add(Set<SecretStoreRef> refs, SecretStoreRef ref) {
        if (ref != null && refs.stream().noneMatch(r -> r.name.equals(ref.name) && r.kind.equals(ref.kind))) {
            refs.add(ref);
        }
    }

    private static String storeKey(String kind, String namespace, String name) {
        return kind + "/" + (namespace == null ? "" : namespace) + "/" + name;
    }

    private static String targetKey(String namespace, String name) {
        return namespace + "/" + name;
    }
}
