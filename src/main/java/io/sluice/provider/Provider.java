package io.sluice.provider;

import io.sluice.api.v1.SecretStoreProvider;
import java.util.Set;

/** One implementation per supported {@code spec.provider} block. Providers are CDI beans. */
public interface Provider {

    /** The name of the provider block, e.g. {@code aws}. */
    String name();

    /** Whether this provider is the one configured in the block. */
    boolean handles(SecretStoreProvider block);

    StoreCapabilities capabilities(SecretStoreProvider block);

    /**
     * Builds a client for the store. {@code consumerNamespace} is the namespace of the resource using the
     * store; providers use it for referent authentication of cluster stores whose refs name no namespace.
     */
    SecretsClient newClient(StoreView store, String consumerNamespace);

    /**
     * True when the store's credentials are resolved in the namespace of whoever uses it, so the store
     * itself cannot be fully validated (ESO's ValidationUnknown).
     */
    default boolean usesReferentAuth(StoreView store) {
        return false;
    }

    /**
     * The Kubernetes Secrets the store's credentials are read from when it is used from
     * {@code consumerNamespace}; with null, only those that do not depend on the consumer (referent
     * authentication resolves the others in the consumer's namespace). Sluice watches them so that rotated
     * keys reach the store's clients at once.
     */
    default Set<SecretReference> credentialSecrets(StoreView store, String consumerNamespace) {
        return Set.of();
    }

    /** A Secret by namespace and name. */
    record SecretReference(String namespace, String name) {}
}
