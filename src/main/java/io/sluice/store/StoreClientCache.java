package io.sluice.store;

import io.sluice.provider.Provider;
import io.sluice.provider.SecretsClient;
import io.sluice.provider.StoreView;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * One provider client per store configuration, shared by every reconcile. A client is replaced (and the old
 * one closed) when the store's generation changes or {@link #invalidate} is called, e.g. because the
 * Secret holding its credentials changed; it is closed when the store is deleted. A client whose credentials
 * the provider rejects rebuilds itself once ({@link ReauthenticatingClient}).
 */
@ApplicationScoped
public class StoreClientCache {
    private static final Logger LOG = Logger.getLogger(StoreClientCache.class);

    /** Store identity without version: {@code kind/namespace/name}. */
    public record StoreId(String kind, String namespace, String name) {
        static StoreId of(StoreView store) {
            return new StoreId(store.kind(), store.namespace(), store.name());
        }
    }

    /** What makes two clients interchangeable: the same store version used from the same namespace. */
    private record Entry(String uid, Long generation, long epoch, long scopeEpoch, SecretsClient client) {}

    private final Map<StoreId, Map<String, Entry>> clients = new ConcurrentHashMap<>();
    /** Invalidations of every client of a store. */
    private final Map<StoreId, Long> epochs = new ConcurrentHashMap<>();
    /** Invalidations of the client of one consumer namespace (referent authentication). */
    private final Map<StoreId, Map<String, Long>> scopeEpochs = new ConcurrentHashMap<>();

    /**
     * @param consumerNamespace the namespace of the resource using the store; only distinguishes clients when
     *        the provider resolves credentials there (referent authentication)
     */
    public SecretsClient clientFor(StoreView store, Provider provider, String consumerNamespace) {
        StoreId id = StoreId.of(store);
        String scope = provider.usesReferentAuth(store) ? consumerNamespace : "";
        long epoch = epochs.getOrDefault(id, 0L);
        long scopeEpoch = scopeEpochs.getOrDefault(id, Map.of()).getOrDefault(scope, 0L);
        Map<String, Entry> perScope = clients.computeIfAbsent(id, k -> new ConcurrentHashMap<>());
        Entry entry = perScope.compute(scope, (k, existing) -> {
            if (existing != null
                    && existing.uid().equals(store.uid())
                    && Objects.equals(existing.generation(), store.generation())
                    && existing.epoch() == epoch
                    && existing.scopeEpoch() == scopeEpoch) {
                return existing;
            }
            if (existing != null) {
                closeQuietly(existing.client());
            }
            return new Entry(
                    store.uid(),
                    store.generation(),
                    epoch,
                    scopeEpoch,
                    new ReauthenticatingClient(
                            store.displayName(),
                            provider.newClient(store, consumerNamespace),
                            () -> provider.newClient(store, consumerNamespace)));
        });
        return entry.client();
    }

    /** Changes whenever {@link #invalidate} is called for the store; part of what a consumer's retry waits on. */
    public long epochOf(String kind, String namespace, String name) {
        StoreId id = new StoreId(kind, namespace, name);
        long scoped = scopeEpochs.getOrDefault(id, Map.of()).values().stream()
                .mapToLong(Long::longValue)
                .sum();
        return epochs.getOrDefault(id, 0L) + scoped;
    }

    /** Forces new clients for the store on next use (its credentials changed). */
    public void invalidate(String kind, String namespace, String name) {
        epochs.merge(new StoreId(kind, namespace, name), 1L, Long::sum);
    }

    /** Forces a new client for one consumer namespace of a referent-auth store (credentials there changed). */
    public void invalidate(StoreId store, String consumerNamespace) {
        scopeEpochs.computeIfAbsent(store, k -> new ConcurrentHashMap<>()).merge(consumerNamespace, 1L, Long::sum);
    }

    /** Closes and forgets every client of a deleted store. */
    public void evict(String kind, String namespace, String name) {
        StoreId id = new StoreId(kind, namespace, name);
        epochs.remove(id);
        scopeEpochs.remove(id);
        Map<String, Entry> removed = clients.remove(id);
        if (removed != null) {
            removed.values().forEach(e -> closeQuietly(e.client()));
        }
    }

    /** Whether clients of the store are open right now. */
    boolean holdsClientsOf(String kind, String namespace, String name) {
        Map<String, Entry> perScope = clients.get(new StoreId(kind, namespace, name));
        return perScope != null && !perScope.isEmpty();
    }

    @PreDestroy
    void closeAll() {
        clients.values().forEach(m -> m.values().forEach(e -> closeQuietly(e.client())));
        clients.clear();
    }

    private static void closeQuietly(SecretsClient client) {
        try {
            client.close();
        } catch (RuntimeException e) {
            LOG.debugf("closing a provider client failed: %s", e.getClass().getSimpleName());
        }
    }
}
