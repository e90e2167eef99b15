package io.sluice.store;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.sluice.provider.Provider.SecretReference;
import io.sluice.provider.StoreView;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jboss.logging.Logger;

/**
 * Informs about only the Secrets that hold store credentials (never caches all Secrets): one
 * {@link CredentialSecretInformer} per namespace holding such Secrets, caching only those, shared by every store
 * reading them. When one changes, the
 * clients built from it are rebuilt and the stores' users are told, so rotated keys take effect at once
 * instead of at the next revalidation.
 * <p>
 * Two kinds of use: the Secrets a store names itself (tracked by the store's reconcile), and, for a
 * ClusterSecretStore with referent authentication, the Secrets it resolves in each consumer's namespace
 * (tracked when a client is built for that namespace; a change there rebuilds only that namespace's client).
 */
@ApplicationScoped
public class StoreCredentialWatch {
    private static final Logger LOG = Logger.getLogger(StoreCredentialWatch.class);

    /** Told when the credentials of a store changed. */
    @FunctionalInterface
    public interface Listener {
        /** @param consumerNamespace the only namespace whose users are concerned, or null for every user */
        void credentialsChanged(StoreClientCache.StoreId store, String consumerNamespace);
    }

    private record Use(StoreClientCache.StoreId store, String consumerNamespace) {}

    private final KubernetesClient client;
    private final StoreClientCache clients;
    private final Map<Use, Set<SecretReference>> uses = new HashMap<>();
    private final Map<StoreClientCache.StoreId, Long> trackedGenerations = new HashMap<>();
    private final Map<String, CredentialSecretInformer> informers = new HashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    public StoreCredentialWatch(KubernetesClient client, StoreClientCache clients) {
        this.client = client;
        this.clients = clients;
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    /**
     * Records which Secrets a store reads its credentials from, and informs about them. A new store generation
     * forgets the referent Secrets of the previous one: its clients are rebuilt, and track them again.
     */
    public synchronized void track(StoreView store, Set<SecretReference> secrets) {
        StoreClientCache.StoreId id = StoreClientCache.StoreId.of(store);
        Long previousGeneration = trackedGenerations.put(id, store.generation());
        if (previousGeneration != null && !Objects.equals(previousGeneration, store.generation())) {
            uses.keySet().removeIf(use -> use.store().equals(id) && use.consumerNamespace() != null);
        }
        replace(new Use(id, null), secrets);
    }

    /** Records the Secrets a referent-auth store resolved in a consumer's namespace, and informs about them. */
    public synchronized void trackReferent(StoreView store, String consumerNamespace, Set<SecretReference> secrets) {
        Use use = new Use(StoreClientCache.StoreId.of(store), consumerNamespace);
        if (!secrets.equals(uses.get(use))) {
            replace(use, secrets);
        }
    }

    /** Forgets every use of the store (it was deleted) and stops informing about Secrets no one uses. */
    public synchronized void untrack(String kind, String namespace, String name) {
        StoreClientCache.StoreId id = new StoreClientCache.StoreId(kind, namespace, name);
        trackedGenerations.remove(id);
        uses.keySet().removeIf(use -> use.store().equals(id));
        closeUnused();
    }

    /** The Secrets informed about right now. */
    synchronized Set<SecretReference> informedSecrets() {
        Set<SecretReference> informed = new HashSet<>();
        informers.forEach((namespace, informer) ->
                informer.watchedNames().forEach(name -> informed.add(new SecretReference(namespace, name))));
        return informed;
    }

    /** The informers open right now: one per namespace. */
    synchronized int informerCount() {
        return informers.size();
    }

    /** Whether every informer has its watch open. */
    synchronized boolean allWatching() {
        return informers.values().stream().allMatch(CredentialSecretInformer::isWatching);
    }

    private void replace(Use use, Set<SecretReference> secrets) {
        if (secrets.isEmpty()) {
            uses.remove(use);
        } else {
            uses.put(use, Set.copyOf(secrets));
        }
        secrets.forEach(ref -> informers
                .computeIfAbsent(
                        ref.namespace(), namespace -> new CredentialSecretInformer(client, namespace, this::changed))
                .watch(ref.name()));
        closeUnused();
    }

    private void closeUnused() {
        Set<SecretReference> used = new HashSet<>();
        uses.values().forEach(used::addAll);
        informers.entrySet().removeIf(e -> {
            String namespace = e.getKey();
            CredentialSecretInformer informer = e.getValue();
            informer.watchedNames().stream()
                    .filter(name -> !used.contains(new SecretReference(namespace, name)))
                    .forEach(informer::unwatch);
            if (!informer.watchesNothing()) {
                return false;
            }
            informer.close();
            return true;
        });
    }

    void changed(SecretReference secret) {
        List<Use> concerned;
        synchronized (this) {
            concerned = uses.entrySet().stream()
                    .filter(e -> e.getValue().contains(secret))
                    .map(Map.Entry::getKey)
                    .toList();
        }
        for (Use use : concerned) {
            StoreClientCache.StoreId store = use.store();
            LOG.infof(
                    "credentials of %s %s changed (Secret %s/%s): rebuilding its clients%s",
                    store.kind(),
                    store.name(),
                    secret.namespace(),
                    secret.name(),
                    use.consumerNamespace() == null ? "" : " for namespace " + use.consumerNamespace());
            if (use.consumerNamespace() == null) {
                clients.invalidate(store.kind(), store.namespace(), store.name());
            } else {
                clients.invalidate(store, use.consumerNamespace());
            }
            listeners.forEach(l -> l.credentialsChanged(store, use.consumerNamespace()));
        }
    }

    @PreDestroy
    synchronized void closeAll() {
        informers.values().forEach(CredentialSecretInformer::close);
        informers.clear();
    }
}
