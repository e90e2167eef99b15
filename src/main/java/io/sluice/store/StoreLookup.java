package io.sluice.store;

import io.sluice.api.v1.SecretStoreRef;
import io.sluice.provider.StoreView;
import java.util.Optional;

/** Finds a store by reference, from the informer caches of whoever asks. */
@FunctionalInterface
public interface StoreLookup {
    /** @param namespace the consumer's namespace (where a SecretStore must live) */
    Optional<StoreView> find(SecretStoreRef ref, String namespace);
}
