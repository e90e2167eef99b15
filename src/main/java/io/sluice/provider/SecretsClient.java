package io.sluice.provider;

import java.util.Map;

/**
 * A client bound to one store configuration. Clients are cached and shared by every reconcile that uses
 * the store, so implementations must be thread-safe. Operations a provider cannot do throw
 * {@link ProviderConfigurationException}; none silently succeeds.
 */
public interface SecretsClient extends AutoCloseable {

    /** Reads one raw remote value. */
    RemoteSecret fetch(RemoteKey key);

    /** Reads every remote secret matched by the query, by remote name. */
    default Map<String, RemoteSecret> find(FindQuery query) {
        throw new ProviderConfigurationException("this provider does not support dataFrom.find");
    }

    /** A cheap authorised call proving the store works; throws when it does not. */
    void validate();

    @Override
    default void close() {
    }
}
