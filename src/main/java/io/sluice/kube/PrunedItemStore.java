package io.sluice.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * An informer's store that keeps each object without what Sluice never reads from a cache: {@code
 * metadata.managedFields} (often larger than the object's own metadata) and kubectl's last-applied-configuration
 * annotation (a copy of the whole object as applied). The object is trimmed in place before it is stored, so event
 * handlers, indexers and every reader see the same trimmed object, and an update's old and new objects compare
 * fairly.
 * <p>
 * Writes stay correct without the trimmed fields: primaries are written with JSON patches computed from the
 * object (a field missing on both sides is not part of the patch), and an update sent without managedFields keeps
 * the server's (the API server ignores an empty managedFields on update). An informer whose objects Sluice writes
 * back whole (PUT) passes its own {@code pruning}, see {@link #PrunedItemStore(Consumer)}.
 * <p>
 * Registered for reflection: JOSDK instantiates the class named in {@code @Informer(itemStore = ...)} reflectively,
 * which a native image allows only for registered classes.
 */
@RegisterForReflection
public class PrunedItemStore<R extends HasMetadata> implements ItemStore<R> {
    public static final String LAST_APPLIED_ANNOTATION = "kubectl.kubernetes.io/last-applied-configuration";

    private final Map<String, R> items = new ConcurrentHashMap<>();
    private final Consumer<? super R> pruning;

    /** Drops managedFields and the last-applied annotation; used by {@code @Informer(itemStore = ...)}. */
    public PrunedItemStore() {
        this(PrunedItemStore::pruneMetadata);
    }

    public PrunedItemStore(Consumer<? super R> pruning) {
        this.pruning = pruning;
    }

    /** Drops managedFields and the last-applied annotation from {@code resource} itself. */
    public static void pruneMetadata(HasMetadata resource) {
        resource.getMetadata().setManagedFields(null);
        dropLastApplied(resource);
    }

    public static void dropLastApplied(HasMetadata resource) {
        Map<String, String> annotations = resource.getMetadata().getAnnotations();
        if (annotations != null && annotations.containsKey(LAST_APPLIED_ANNOTATION)) {
            annotations.remove(LAST_APPLIED_ANNOTATION);
        }
    }

    @Override
    public String getKey(R obj) {
        return Cache.metaNamespaceKeyFunc(obj);
    }

    @Override
    public R put(String key, R obj) {
        pruning.accept(obj);
        return items.put(key, obj);
    }

    @Override
    public R remove(String key) {
        return items.remove(key);
    }

    @Override
    public Stream<String> keySet() {
        return items.keySet().stream();
    }

    @Override
    public Stream<R> values() {
        return items.values().stream();
    }

    @Override
    public R get(String key) {
        return items.get(key);
    }

    @Override
    public int size() {
        return items.size();
    }

    /** Every object is kept (only trimmed), so the informer's initial adds are delivered once it is synced. */
    @Override
    public boolean isFullState() {
        return true;
    }
}
