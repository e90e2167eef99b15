package io.sluice.provider;

import io.fabric8.kubernetes.client.CustomResource;
import io.sluice.api.v1.ClusterSecretStore;
import io.sluice.api.v1.SecretStore;
import io.sluice.api.v1.SecretStoreRef;
import io.sluice.api.v1.SecretStoreSpec;
import io.sluice.api.v1.SecretStoreStatus;

/**
 * One read-only view over a SecretStore or a ClusterSecretStore: what a {@link Provider} is given to build a
 * client. It lives here, below the store controllers, so that providers need nothing from {@code io.sluice.store}.
 */
public record StoreView(
        String kind,
        String namespace,
        String name,
        String uid,
        Long generation,
        SecretStoreSpec spec,
        SecretStoreStatus status) {

    public static StoreView of(SecretStore store) {
        return from(SecretStoreRef.SECRET_STORE, store);
    }

    public static StoreView of(ClusterSecretStore store) {
        return from(SecretStoreRef.CLUSTER_SECRET_STORE, store);
    }

    private static StoreView from(String kind, CustomResource<SecretStoreSpec, SecretStoreStatus> store) {
        var meta = store.getMetadata();
        return new StoreView(
                kind,
                meta.getNamespace(),
                meta.getName(),
                meta.getUid(),
                meta.getGeneration(),
                store.getSpec(),
                store.getStatus());
    }

    public boolean isCluster() {
        return SecretStoreRef.CLUSTER_SECRET_STORE.equals(kind);
    }

    /** {@code SecretStore ns/name} or {@code ClusterSecretStore name}: used in messages and logs. */
    public String displayName() {
        return isCluster() ? kind + " " + name : kind + " " + namespace + "/" + name;
    }

    /** Status-map key used by ESO: {@code <Kind>/<name>}. */
    public String statusKey() {
        return kind + "/" + name;
    }
}
