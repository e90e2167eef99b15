package io.sluice.provider;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A client bound to one store configuration. Clients are cached and shared by every reconcile that uses
 * the store, so implementations must be thread-safe. Operations a provider cannot do throw
 * {@link ProviderConfigurationException}; none silently succeeds.
 */
public interface SecretsClient extends AutoCloseable {
    String UNSUPPORTED_PUSH = "this provider does not support PushSecret";

    /** Reads one raw remote value. */
    RemoteSecret fetch(RemoteKey key);

    /**
     * How many reads one provider call can serve ({@link #fetchAll}); 1 when the provider reads one key per call,
     * so callers gain nothing by gathering keys first.
     */
    default int fetchBatchSize() {
        return 1;
    }

    /**
     * Reads several raw remote values, as few provider calls as the provider allows. A key the provider says is
     * missing gets a failed outcome of its own; an error of the call itself (access denied, throttling) is thrown.
     * Every key of the list has an outcome.
     */
    default Map<RemoteKey, FetchOutcome> fetchAll(List<RemoteKey> keys) {
        Map<RemoteKey, FetchOutcome> outcomes = new LinkedHashMap<>();
        for (RemoteKey key : keys) {
            try {
                outcomes.put(key, FetchOutcome.of(fetch(key)));
            } catch (SecretNotFoundException e) {
                outcomes.put(key, FetchOutcome.failed(e));
            }
        }
        return outcomes;
    }

    /** Reads every remote secret matched by the query, by remote name. */
    default Map<String, RemoteSecret> find(FindQuery query) {
        throw new ProviderConfigurationException("this provider does not support dataFrom.find");
    }

    /**
     * Writes one value (PushSecret). Providers write only when the remote value differs and refuse to overwrite
     * a remote secret they did not create.
     *
     * @return true when something was written, false when the remote value already was the one pushed
     */
    default boolean push(PushRequest request) {
        throw new ProviderConfigurationException(UNSUPPORTED_PUSH);
    }

    /** Removes a pushed value (the property only, when the target names one); never an unmanaged secret. */
    default RemoteDeletion delete(PushTarget target) {
        throw new ProviderConfigurationException(UNSUPPORTED_PUSH);
    }

    /** Whether the remote secret exists (PushSecret's updatePolicy IfNotExists). */
    default boolean exists(PushTarget target) {
        throw new ProviderConfigurationException(UNSUPPORTED_PUSH);
    }

    /**
     * Clients with equal keys reach the same backend with the same identity and key space, so the shared fetch
     * layer may serve one's reads to the other (e.g. SecretStores of several namespaces holding the same
     * credentials). The default shares within this client only.
     */
    default Object sharingKey() {
        return this;
    }

    /** A cheap authorised call proving the store works; throws when it does not. */
    void validate();

    /**
     * The provider rejected this client's credentials ({@link CredentialsRejectedException}): stop sharing what
     * was obtained with them (pooled connections, cached sessions), so that the next client built for the same
     * configuration starts afresh.
     */
    default void retireCredentials() {}

    @Override
    default void close() {}
}
