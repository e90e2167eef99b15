package io.sluice.store;

import io.sluice.api.v1.SecretStoreProvider;
import io.sluice.provider.Provider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/** Finds the provider implementation for a store's {@code spec.provider} block. */
@ApplicationScoped
public class ProviderRegistry {
    private final List<Provider> providers;

    @Inject
    public ProviderRegistry(Instance<Provider> providers) {
        this.providers = providers.stream().toList();
    }

    public Optional<Provider> providerFor(SecretStoreProvider block) {
        if (block == null) {
            return Optional.empty();
        }
        return providers.stream().filter(p -> p.handles(block)).findFirst();
    }

    /** The message for a store whose provider block Sluice does not implement. */
    public static String unsupportedMessage(SecretStoreProvider block) {
        if (block == null) {
            return "store has no spec.provider";
        }
        String named = block.getOtherProviders().isEmpty()
                ? "(empty)"
                : String.join(", ", block.getOtherProviders().keySet());
        return "provider " + named
                + " is not supported by Sluice (supported: aws with service SecretsManager or ParameterStore, fake)";
    }
}
