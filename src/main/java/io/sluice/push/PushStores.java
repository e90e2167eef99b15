package io.sluice.push;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.sluice.api.v1.ClusterSecretStore;
import io.sluice.api.v1.SecretStore;
import io.sluice.api.v1.SecretStoreRef;
import io.sluice.api.v1alpha1.PushSecret;
import io.sluice.api.v1alpha1.PushSecretStoreRef;
import io.sluice.provider.StoreView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Resolves {@code secretStoreRefs} (by name or label selector, SecretStore or ClusterSecretStore) to stores. */
final class PushStores {
    private final KubernetesClient client;

    PushStores(KubernetesClient client) {
        this.client = client;
    }

    /** The stores referenced, by status key ({@code <Kind>/<name>}); a missing named store is an error. */
    Map<String, StoreView> resolve(PushSecret ps) {
        String namespace = ps.getMetadata().getNamespace();
        Map<String, StoreView> stores = new LinkedHashMap<>();
        for (PushSecretStoreRef ref : ps.getSpec().secretStoreRefs) {
            boolean cluster = SecretStoreRef.CLUSTER_SECRET_STORE.equals(ref.kind);
            List<StoreView> found = new ArrayList<>();
            if (ref.name != null && !ref.name.isEmpty()) {
                Optional<StoreView> store = byKey(
                        (cluster ? SecretStoreRef.CLUSTER_SECRET_STORE : SecretStoreRef.SECRET_STORE) + "/" + ref.name,
                        namespace);
                found.add(store.orElseThrow(() -> new PushException(
                        (cluster ? "ClusterSecretStore" : "SecretStore") + " \"" + ref.name + "\" not found")));
            } else if (ref.labelSelector != null) {
                if (cluster) {
                    client.resources(ClusterSecretStore.class)
                            .withLabelSelector(ref.labelSelector)
                            .list()
                            .getItems()
                            .forEach(s -> found.add(StoreView.of(s)));
                } else {
                    client.resources(SecretStore.class)
                            .inNamespace(namespace)
                            .withLabelSelector(ref.labelSelector)
                            .list()
                            .getItems()
                            .forEach(s -> found.add(StoreView.of(s)));
                }
            }
            found.forEach(s -> stores.put(s.statusKey(), s));
        }
        return stores;
    }

    /** A store by its status key, as recorded in {@code status.syncedPushSecrets}. */
    Optional<StoreView> byKey(String statusKey, String namespace) {
        int slash = statusKey.indexOf('/');
        String kind = statusKey.substring(0, slash);
        String name = statusKey.substring(slash + 1);
        if (SecretStoreRef.CLUSTER_SECRET_STORE.equals(kind)) {
            return Optional.ofNullable(client.resources(ClusterSecretStore.class)
                            .withName(name)
                            .get())
                    .map(StoreView::of);
        }
        return Optional.ofNullable(client.resources(SecretStore.class)
                        .inNamespace(namespace)
                        .withName(name)
                        .get())
                .map(StoreView::of);
    }
}
