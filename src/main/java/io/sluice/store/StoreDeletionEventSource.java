package io.sluice.store;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.processing.event.source.AbstractEventSource;
import io.javaoperatorsdk.operator.processing.event.source.ResourceEventAware;
import java.util.Set;

/**
 * Releases what Sluice holds for a store (its provider clients, the informers on its credentials Secrets) when
 * the store is deleted. It emits no events: JOSDK tells every event source of a controller about deletions of
 * the controller's own resources ({@link ResourceEventAware}), finalizer or not, which lets the store controllers
 * clean up without holding a finalizer on stores.
 */
final class StoreDeletionEventSource<P extends HasMetadata> extends AbstractEventSource<StoreClientCache.StoreId, P>
        implements ResourceEventAware<P> {

    /** Told when a store is deleted. */
    @FunctionalInterface
    interface Release {
        void storeDeleted(String namespace, String name);
    }

    private final Release release;

    StoreDeletionEventSource(Release release) {
        super(StoreClientCache.StoreId.class, "store-deletions");
        this.release = release;
    }

    @Override
    public void onResourceDeleted(P store) {
        release.storeDeleted(
                store.getMetadata().getNamespace(), store.getMetadata().getName());
    }

    @Override
    public Set<StoreClientCache.StoreId> getSecondaryResources(P primary) {
        return Set.of();
    }
}
