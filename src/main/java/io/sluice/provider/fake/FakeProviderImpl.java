package io.sluice.provider.fake;

import io.sluice.api.v1.SecretStoreProvider;
import io.sluice.metrics.ProviderCallMetrics;
import io.sluice.provider.Provider;
import io.sluice.provider.SecretsClient;
import io.sluice.provider.StoreCapabilities;
import io.sluice.store.StoreView;
import jakarta.enterprise.context.ApplicationScoped;

/** ESO's fake provider: values come from {@code spec.provider.fake.data[]} of the store itself. */
@ApplicationScoped
public class FakeProviderImpl implements Provider {
    /** The provider label of the fake's calls in {@code externalsecret_provider_api_calls_count}. */
    public static final String METRIC_PROVIDER = "Fake";

    private final ProviderCallMetrics calls;

    public FakeProviderImpl(ProviderCallMetrics calls) {
        this.calls = calls;
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
        return StoreCapabilities.ReadOnly;
    }

    @Override
    public SecretsClient newClient(StoreView store, String consumerNamespace) {
        return new FakeSecretsClient(store.displayName(), store.spec().provider.fake, calls);
    }
}
