package io.sluice.store;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.sluice.provider.Provider.SecretReference;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jboss.logging.Logger;

/**
 * Watches, by name, only the Secrets that hold store credentials (never all Secrets). When one changes, the
 * clients of the stores using it are rebuilt and the stores' users are told, so rotated keys take effect at
 * once instead of at the next revalidation.
 */
@ApplicationScoped
public class StoreCredentialWatch {
    private static final Logger LOG = Logger.getLogger(StoreCredentialWatch.class);

    /** Told when the credentials of a store changed. */
    @FunctionalInterface
    public interface Listener {
        void credentialsChanged(StoreClientCache.StoreId store);
    }

    private final KubernetesClient client;
    private final StoreClientCache clients;
    private final Map<StoreClientCache.StoreId, Set<SecretReference>> byStore = new ConcurrentHashMap<>();
    private final Map<SecretReference, Watch> watches = new ConcurrentHashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    public StoreCredentialWatch(KubernetesClient client, StoreClientCache clients) {
        this.client = client;
        this.clients = clients;
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    /** Records which Secrets a store reads its credentials from, and watches them. */
    public synchronized void track(StoreView store, Set<SecretReference> secrets) {
        StoreClientCache.StoreId id = StoreClientCache.StoreId.of(store);
        Set<SecretReference> previous = byStore.put(id, Set.copyOf(secrets));
        secrets.forEach(ref -> watches.computeIfAbsent(ref, this::watch));
        if (previous != null) {
            previous.stream().filter(ref -> !secrets.contains(ref)).forEach(this::closeIfUnused);
        }
    }

    public synchronized void untrack(String kind, String namespace, String name) {
        Set<SecretReference> previous = byStore.remove(new StoreClientCache.StoreId(kind, namespace, name));
        if (previous != null) {
            previous.forEach(this::closeIfUnused);
        }
    }

    void changed(SecretReference secret) {
        byStore.forEach((store, refs) -> {
            if (refs.contains(secret)) {
                LOG.infof("credentials of %s %s changed (Secret %s/%s): rebuilding its clients", store.kind(),
                        store.name(), secret.namespace(), secret.name());
                clients.invalidate(store.kind(), store.namespace(), store.name());
                listeners.forEach(l -> l.credentialsChanged(store));
            }
        });
    }

    private Watch watch(SecretReference ref) {
        var resource = client.secrets().inNamespace(ref.namespace()).withName(ref.name());
        Secret current = resource.get();
        String known = current == null ? null : current.getMetadata().getResourceVersion();
        return resource.watch(new Watcher<>() {
            private volatile String lastVersion = known;

            @Override
            public void eventReceived(Action action, Secret secret) {
                String version = action == Action.DELETED ? null : secret.getMetadata().getResourceVersion();
                if (!java.util.Objects.equals(version, lastVersion)) {
                    lastVersion = version;
                    changed(ref);
                }
            }

            @Override
            public void onClose(WatcherException cause) {
                LOG.debugf("watch of credentials Secret %s/%s closed: %s", ref.namespace(), ref.name(),
                        cause == null ? "normally" : cause.getClass().getSimpleName());
            }
        });
    }

    private void closeIfUnused(SecretReference ref) {
        boolean used = byStore.values().stream().anyMatch(refs -> refs.contains(ref));
        if (!used) {
            Watch watch = watches.remove(ref);
            if (watch != null) {
                watch.close();
            }
        }
    }

    @PreDestroy
    void closeAll() {
        watches.values().forEach(Watch::close);
        watches.clear();
    }
}
