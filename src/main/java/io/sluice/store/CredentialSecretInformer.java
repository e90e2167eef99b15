package io.sluice.store;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.sluice.kube.PrunedItemStore;
import io.sluice.provider.Provider.SecretReference;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Informs about the credentials Secrets of one namespace: one informer per namespace however many of its Secrets
 * stores read, so thousands of credentials Secrets never mean thousands of watches. Its cache keeps only the
 * Secrets asked for ({@link #watch}), trimmed; the others pass by and are dropped. Unlike a raw watch, an informer
 * relists and watches again by itself when its watch ends (410 Gone, API server restart).
 */
final class CredentialSecretInformer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(CredentialSecretInformer.class);

    private final String namespace;
    private final KubernetesClient client;
    private final Consumer<SecretReference> changed;
    /** The watched names, each with the resourceVersion last seen (absent: the Secret did not exist). */
    private final Map<String, Seen> watched = new ConcurrentHashMap<>();

    private final WatchedOnlyStore store = new WatchedOnlyStore();
    private final SharedIndexInformer<Secret> informer;

    private record Seen(String version) {}

    /**
     * Starts informing; {@code changed} runs (on the informer's thread) whenever a watched Secret's resourceVersion
     * differs from the one it had when it was watched, or it appears or disappears.
     */
    CredentialSecretInformer(KubernetesClient client, String namespace, Consumer<SecretReference> changed) {
        this.client = client;
        this.namespace = namespace;
        this.changed = changed;
        this.informer = client.secrets().inNamespace(namespace).runnableInformer(0);
        informer.itemStore(store);
        // its index would collect the key of every Secret passing by, stored or not
        informer.removeIndexer(Cache.NAMESPACE_INDEX);
        informer.addEventHandler(new ResourceEventHandler<>() {
            @Override
            public void onAdd(Secret secret) {
                seen(secret.getMetadata().getName(), versionOf(secret));
            }

            @Override
            public void onUpdate(Secret before, Secret after) {
                seen(after.getMetadata().getName(), versionOf(after));
            }

            @Override
            public void onDelete(Secret secret, boolean finalStateUnknown) {
                seen(secret.getMetadata().getName(), null);
            }
        });
        // Keep trying after a failed list too (e.g. RBAC not yet granted): rotations must not go unseen for good.
        informer.exceptionHandler((started, error) -> {
            LOG.debugf(
                    "informer of credentials Secrets in %s: %s, retrying",
                    namespace, error.getClass().getSimpleName());
            return true;
        });
        informer.start();
    }

    /**
     * Informs about the named Secret from now on. The version clients were (or are about to be) built from is
     * read now, so the informer's next report of the same version is not a change; the Secret enters the cache so
     * that its deletion is reported even when no event about it came before.
     */
    synchronized void watch(String name) {
        if (watched.containsKey(name)) {
            return;
        }
        // Under the lock the handler waits: an event it handled before was a change this read includes, and an
        // event it handles after is compared with this read.
        Secret current = client.secrets().inNamespace(namespace).withName(name).get();
        watched.put(name, new Seen(versionOf(current)));
        if (current != null) {
            store.putIfAbsent(current);
        }
    }

    synchronized void unwatch(String name) {
        watched.remove(name);
        store.remove(namespace + "/" + name);
    }

    boolean watchesNothing() {
        return watched.isEmpty();
    }

    Set<String> watchedNames() {
        return Set.copyOf(watched.keySet());
    }

    private void seen(String name, String version) {
        boolean differs;
        synchronized (this) {
            Seen last = watched.get(name);
            differs = last != null && !Objects.equals(last.version(), version);
            if (differs) {
                watched.put(name, new Seen(version));
            }
        }
        if (differs) {
            changed.accept(new SecretReference(namespace, name));
        }
    }

    /** Whether the informer's watch is open (tests wait on it). */
    boolean isWatching() {
        return informer.isWatching();
    }

    @Override
    public void close() {
        informer.close();
    }

    private static String versionOf(Secret secret) {
        return secret == null ? null : secret.getMetadata().getResourceVersion();
    }

    /** Keeps only the watched Secrets; every other Secret of the namespace is delivered to the handler, then dropped. */
    private final class WatchedOnlyStore extends PrunedItemStore<Secret> {
        WatchedOnlyStore() {
            super(PrunedItemStore::pruneMetadata);
        }

        @Override
        public Secret put(String key, Secret secret) {
            if (!watched.containsKey(secret.getMetadata().getName())) {
                return null;
            }
            return super.put(key, secret);
        }

        void putIfAbsent(Secret secret) {
            if (get(getKey(secret)) == null) {
                super.put(getKey(secret), secret);
            }
        }
    }
}
