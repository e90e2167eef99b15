package io.sluice.store;

import io.sluice.api.v1.SecretStoreStatus;
import io.sluice.config.SluiceConfig;
import io.sluice.kube.RefreshInterval;
import io.sluice.kube.RefreshIntervalFloor;
import io.sluice.provider.Provider;
import io.sluice.provider.ProviderException;
import io.sluice.provider.SecretsClient;
import io.sluice.provider.StoreView;
import io.sluice.regexp.InvalidRegexpException;
import io.sluice.status.Conditions;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Validates a store (its provider is supported, its client can be built, and one cheap authorised call
 * succeeds) and computes its next status with ESO's reasons.
 */
@ApplicationScoped
public class StoreValidator {
    private static final Logger LOG = Logger.getLogger(StoreValidator.class);
    public static final String VALID = "Valid";
    public static final String INVALID_PROVIDER_CONFIG = "InvalidProviderConfig";
    public static final String VALIDATION_UNKNOWN = "ValidationUnknown";

    private final ProviderRegistry providers;
    private final StoreClientCache clients;
    private final SluiceConfig config;
    private final Clock clock = Clock.systemUTC();

    public StoreValidator(ProviderRegistry providers, StoreClientCache clients, SluiceConfig config) {
        this.providers = providers;
        this.clients = clients;
        this.config = config;
    }

    public SecretStoreStatus validate(StoreView store) {
        SecretStoreStatus current = store.status() == null ? new SecretStoreStatus() : store.status();
        SecretStoreStatus next = new SecretStoreStatus();
        Optional<Provider> provider = providers.providerFor(store.spec().provider);
        if (provider.isEmpty()) {
            next.conditions = Conditions.with(
                    current.conditions,
                    Conditions.READY,
                    false,
                    INVALID_PROVIDER_CONFIG,
                    ProviderRegistry.unsupportedMessage(store.spec().provider),
                    clock);
            return next;
        }
        next.capabilities = SecretStoreStatus.Capabilities.valueOf(
                provider.get().capabilities(store.spec().provider).name());
        try {
            configuredPeriod(store);
            if (store.isCluster()) {
                NamespaceConditions.requireValid(store.spec().conditions);
            }
        } catch (InvalidRegexpException | RefreshInterval.Invalid e) {
            next.conditions = Conditions.with(
                    current.conditions, Conditions.READY, false, INVALID_PROVIDER_CONFIG, e.getMessage(), clock);
            return next;
        }
        if (provider.get().usesReferentAuth(store)) {
            next.conditions = Conditions.with(
                    current.conditions,
                    Conditions.READY,
                    true,
                    VALIDATION_UNKNOWN,
                    "store credentials are resolved in the namespace of each ExternalSecret (referent authentication)",
                    clock);
            return next;
        }
        try {
            SecretsClient client = clients.clientFor(store, provider.get(), store.namespace());
            client.validate();
            next.conditions =
                    Conditions.with(current.conditions, Conditions.READY, true, VALID, "store validated", clock);
        } catch (ProviderException e) {
            LOG.warnf("%s failed validation: %s", store.displayName(), e.getMessage());
            next.conditions = Conditions.with(
                    current.conditions,
                    Conditions.READY,
                    false,
                    INVALID_PROVIDER_CONFIG,
                    "unable to validate store: " + e.getMessage(),
                    clock);
        } catch (RuntimeException e) {
            LOG.warnf(
                    "%s: unable to create client: %s",
                    store.displayName(), e.getClass().getSimpleName());
            next.conditions = Conditions.with(
                    current.conditions,
                    Conditions.READY,
                    false,
                    INVALID_PROVIDER_CONFIG,
                    "unable to create client: " + e.getClass().getSimpleName(),
                    clock);
        }
        return next;
    }

    /**
     * The revalidation period asked for: {@code spec.refreshInterval} (seconds or a duration), else (also when 0)
     * the default. {@link RefreshIntervalFloor} raises it to the minimum.
     *
     * @throws RefreshInterval.Invalid when it is negative or not a duration ({@link #validate} reports that)
     */
    public Duration configuredPeriod(StoreView store) {
        return RefreshInterval.parseStore(
                "spec.refreshInterval",
                store.spec().refreshInterval,
                config.stores().defaultRefreshInterval());
    }

    /** Ready=False with {@code reason} and {@code message}; the capabilities last reported are kept. */
    public SecretStoreStatus failed(SecretStoreStatus current, String reason, String message) {
        SecretStoreStatus next = new SecretStoreStatus();
        next.capabilities = current == null ? null : current.capabilities;
        next.conditions = Conditions.with(
                current == null ? null : current.conditions, Conditions.READY, false, reason, message, clock);
        return next;
    }
}
