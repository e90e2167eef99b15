package io.sluice.provider.fake;

import io.sluice.api.v1.SecretStoreProvider;
import io.sluice.metrics.ProviderCallMetrics;
import io.sluice.provider.Provider;
import io.sluice.provider.SecretsClient;
import io.sluice.provider.StoreCapabilities;
import io.sluice.provider.StoreView;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * ESO's fake provider: values come from {@code spec.provider.fake.data[]} of the store itself. PushSecret writes
 * are kept in memory per store (like ESO's fake) and lost on restart; the store's own entries count as secrets
 * Sluice did not create, so pushes never overwrite them.
 */
@ApplicationScoped
public class FakeProviderImpl implements Provider {
    /** The provider label of the fake's calls in {@code externalsecret_provider_api_calls_count}. */
    public static final String METRIC_PROVIDER = "Fake";

    private final ProviderCallMetrics calls;
    private final Map<String, Map<String, byte[]>> pushed = new ConcurrentHashMap<>();

    public FakeProviderImpl(ProviderCallMetrics calls) {
        this.calls = calls;
    }

    /** The values pushed to a store ({@link StoreView#displayName()}), by remote key; for demos and tests. */
    public Map<String, byte[]> pushedTo(String storeDisplayName) {
        return Map.copyOf(pushed.getOrDefault(storeDisplayName, Map.of()));
    }

    @Override
    public String name() {
        return "fake";
    }

    @Override
    public boolean handles(SecretStoreProvider block) {
        return block.fake != null;
    }

    @Override
    public StoreCapabilities capabilities(SecretStoreProvider block) {
        return StoreCapabilities.ReadWrite;
    }

    @Override
    public SecretsClient newClient(StoreView store, String consumerNamespace) {
        return new FakeSecretsClient(
                store.displayName(),
                store.spec().provider.fake,
                calls,
                pushed.computeIfAbsent(store.displayName(), k -> new ConcurrentHashMap<>()));
    }
}
