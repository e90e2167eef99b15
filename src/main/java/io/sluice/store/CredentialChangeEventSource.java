package io.sluice.store;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.processing.event.Event;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.AbstractEventSource;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Reconciles the resources concerned when the credentials Secret of a store changes: the store itself
 * (revalidation) or the resources that use it.
 */
public final class CredentialChangeEventSource<P extends HasMetadata>
        extends AbstractEventSource<StoreClientCache.StoreId, P> implements StoreCredentialWatch.Listener {
    private final BiFunction<StoreClientCache.StoreId, String, Set<ResourceID>> concerned;

    /**
     * @param concerned the resources to reconcile, given the store and the only consumer namespace concerned
     *        (null: every consumer)
     */
    public CredentialChangeEventSource(
            StoreCredentialWatch watch, BiFunction<StoreClientCache.StoreId, String, Set<ResourceID>> concerned) {
        super(StoreClientCache.StoreId.class, "store-credential-changes");
        this.concerned = concerned;
        watch.addListener(this);
    }

    @Override
    public Set<StoreClientCache.StoreId> getSecondaryResources(P primary) {
        return Set.of();
    }

    @Override
    public void credentialsChanged(StoreClientCache.StoreId store, String consumerNamespace) {
        if (isRunning()) {
            concerned
                    .apply(store, consumerNamespace)
                    .forEach(id -> getEventHandler().handleEvent(new Event(id)));
        }
    }
}
