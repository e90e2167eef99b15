package io.sluice.store;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.sluice.config.SluiceConfig;
import io.sluice.provider.Provider;
import io.sluice.provider.SecretsClient;
import io.sluice.provider.StoreView;
import io.sluice.regexp.InvalidRegexpException;
import io.sluice.status.Conditions;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns a store into a usable client for a consumer, or explains why it cannot: unsupported provider,
 * namespace not allowed by a ClusterSecretStore's conditions, or store not ready.
 */
@ApplicationScoped
public class StoreAccess {
    private final ProviderRegistry providers;
    private final StoreClientCache clients;
    private final KubernetesClient kubernetes;
    private final SluiceConfig config;
    private final StoreCredentialWatch credentials;

    public StoreAccess(
            ProviderRegistry providers,
            StoreClientCache clients,
            KubernetesClient kubernetes,
            SluiceConfig config,
            StoreCredentialWatch credentials) {
        this.providers = providers;
        this.clients = clients;
        this.credentials = credentials;
        this.kubernetes = kubernetes;
        this.config = config;
    }

    /** Whether this operator instance is responsible for the store ({@code spec.controller}). */
    public boolean isManagedByThisController(StoreView store) {
        String controller = store.spec() == null ? null : store.spec().controller;
        return controller == null || controller.isEmpty() || controller.equals(config.controllerClass());
    }

    /** The Secrets the store names for its credentials, as its provider reports them (not the referent ones). */
    public Set<Provider.SecretReference> credentialSecrets(StoreView store) {
        return providers
                .providerFor(store.spec().provider)
                .map(p -> p.credentialSecrets(store, null))
                .orElse(Set.of());
    }

    /**
     * As {@link #clientFor(StoreView, String)}, with a store that cannot be used turned into the consumer's own
     * failure by {@code unusable}. A store not validated yet still throws {@link StoreNotValidatedYetException}:
     * consumers wait for it instead of failing.
     */
    public SecretsClient clientFor(
            StoreView store, String consumerNamespace, Function<String, ? extends RuntimeException> unusable) {
        try {
            return clientFor(store, consumerNamespace);
        } catch (StoreNotValidatedYetException e) {
            throw e;
        } catch (StoreUnavailableException e) {
            throw unusable.apply(e.getMessage());
        }
    }

    public SecretsClient clientFor(StoreView store, String consumerNamespace) {
        Provider provider = providers
                .providerFor(store.spec().provider)
                .orElseThrow(() -> new StoreUnavailableException(
                        store.displayName() + ": " + ProviderRegistry.unsupportedMessage(store.spec().provider)));
        if (store.isCluster() && !allowedFrom(store, consumerNamespace)) {
            throw new StoreUnavailableException("using cluster store \"" + store.name()
                    + "\" is not allowed from namespace \"" + consumerNamespace + "\": denied by spec.condition");
        }
        if (config.requireReadyStore()) {
            var ready = Conditions.find(store.status() == null ? null : store.status().conditions, Conditions.READY);
            if (ready == null) {
                throw new StoreNotValidatedYetException(store.displayName() + " has not been validated yet");
            }
            if (!Conditions.TRUE.equals(ready.status)) {
                throw new StoreUnavailableException(
                        store.displayName() + " is not ready" + (ready.message == null ? "" : ": " + ready.message));
            }
        }
        if (provider.usesReferentAuth(store) && consumerNamespace != null) {
            // informed before the client reads them, so no change between the two goes unseen
            credentials.trackReferent(store, consumerNamespace, referentSecrets(provider, store, consumerNamespace));
        }
        return clients.clientFor(store, provider, consumerNamespace);
    }

    private static Set<Provider.SecretReference> referentSecrets(
            Provider provider, StoreView store, String consumerNamespace) {
        Set<Provider.SecretReference> secrets = new HashSet<>(provider.credentialSecrets(store, consumerNamespace));
        secrets.removeAll(provider.credentialSecrets(store, null));
        return secrets;
    }

    private boolean allowedFrom(StoreView store, String namespace) {
        try {
            return NamespaceConditions.allows(store.spec().conditions, namespace, namespaceLabels(store, namespace));
        } catch (InvalidRegexpException e) {
            throw new StoreUnavailableException(store.displayName() + ": " + e.getMessage());
        }
    }

    private Map<String, String> namespaceLabels(StoreView store, String namespace) {
        boolean needsLabels = store.spec().conditions != null
                && store.spec().conditions.stream().anyMatch(c -> c.namespaceSelector != null);
        if (!needsLabels) {
            return Map.of();
        }
        Namespace ns = kubernetes.namespaces().withName(namespace).get();
        return ns == null || ns.getMetadata().getLabels() == null
                ? Map.of()
                : ns.getMetadata().getLabels();
    }
}
