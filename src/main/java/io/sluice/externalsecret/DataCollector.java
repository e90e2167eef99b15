package io.sluice.externalsecret;

import io.sluice.api.v1.ExternalSecretData;
import io.sluice.api.v1.ExternalSecretDataFrom;
import io.sluice.api.v1.SecretStoreRef;
import io.sluice.externalsecret.values.EntryValues;
import io.sluice.externalsecret.values.ExtractionException;
import io.sluice.fetch.SharedFetcher;
import io.sluice.provider.FindQuery;
import io.sluice.provider.ProviderException;
import io.sluice.provider.RemoteKey;
import io.sluice.provider.RemoteSecret;
import io.sluice.provider.SecretsClient;
import io.sluice.store.StoreAccess;
import io.sluice.store.StoreLookup;
import io.sluice.store.StoreUnavailableException;
import io.sluice.store.StoreView;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fetches everything an ExternalSecret asks for, through the shared fetch layer, and turns the raw remote
 * values into the key/value map of the target Secret. Entries that read the same remote coordinates through
 * the same store share one provider call.
 */
final class DataCollector {
    private final StoreLookup stores;
    private final StoreAccess access;
    private final SharedFetcher fetcher;

    DataCollector(StoreLookup stores, StoreAccess access, SharedFetcher fetcher) {
        this.stores = stores;
        this.access = access;
        this.fetcher = fetcher;
    }

    /**
     * @param fresh bypass values shared from earlier reads (the user forced a sync or changed the resource)
     * @throws SyncException when a store is unusable or the provider fails
     */
    Map<String, byte[]> collect(EffectiveSpec es, boolean fresh) {
        try {
            return collectEntries(es, fresh);
        } catch (ExtractionException e) {
            throw new SyncException("SecretSyncedError", "UpdateFailed", "could not get secret data from provider: "
                    + e.reason() + ": " + e.getMessage(), null);
        }
    }

    private Map<String, byte[]> collectEntries(EffectiveSpec es, boolean fresh) {
        rejectDuplicateKeys(es);
        String namespace = es.resource().getMetadata().getNamespace();
        Map<String, byte[]> result = new LinkedHashMap<>();
        if (es.spec().dataFrom != null) {
            for (int i = 0; i < es.spec().dataFrom.size(); i++) {
                ExternalSecretDataFrom entry = es.spec().dataFrom.get(i);
                if (entry.sourceRef != null && entry.sourceRef.generatorRef != null) {
                    throw new SyncException("SecretSyncedError", "dataFrom[" + i + "]: generators ("
                            + entry.sourceRef.generatorRef.kind + ") are not supported by Sluice");
                }
                SecretStoreRef ref = es.storeRef(entry.sourceRef == null ? null : entry.sourceRef.storeRef);
                SecretsClient client = client(ref, namespace);
                Map<String, byte[]> values;
                if (entry.extract != null) {
                    RemoteSecret raw = fetch(client, ref, RemoteKey.of(entry.extract), fresh);
                    values = EntryValues.forExtract(entry.extract, entry.rewrite, raw);
                } else if (entry.find != null) {
                    values = EntryValues.forFind(entry.find, entry.rewrite,
                            find(client, ref, FindQuery.of(entry.find), fresh));
                } else {
                    throw new SyncException("SecretSyncedError", "dataFrom[" + i + "] has neither extract nor find");
                }
                result.putAll(values);
            }
        }
        if (es.spec().data != null) {
            for (ExternalSecretData entry : es.spec().data) {
                if (entry.sourceRef != null && entry.sourceRef.generatorRef != null) {
                    throw new SyncException("SecretSyncedError", "data[" + entry.secretKey
                            + "]: generators are not supported by Sluice");
                }
                SecretStoreRef ref = es.storeRef(entry.sourceRef == null ? null : entry.sourceRef.storeRef);
                SecretsClient client = client(ref, namespace);
                RemoteSecret raw = fetch(client, ref, RemoteKey.of(entry.remoteRef), fresh);
                result.put(entry.secretKey, EntryValues.forData(entry.secretKey, entry.remoteRef, raw));
            }
        }
        return result;
    }

    /** ESO's webhook rejects duplicate {@code data[].secretKey} under deletionPolicy Retain; Sluice checks it here. */
    private static void rejectDuplicateKeys(EffectiveSpec es) {
        if (es.spec().data == null || es.deletionPolicy() != io.sluice.api.v1.ExternalSecretTarget.DeletionPolicy.Retain) {
            return;
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (ExternalSecretData entry : es.spec().data) {
            if (!seen.add(entry.secretKey)) {
                throw new SyncException("SecretSyncedError", "duplicate secretKey \"" + entry.secretKey
                        + "\" in spec.data (not allowed with deletionPolicy=Retain)");
            }
        }
    }

    private SecretsClient client(SecretStoreRef ref, String namespace) {
        if (ref == null) {
            throw new SyncException("SecretSyncedError", "no store referenced: set spec.secretStoreRef");
        }
        StoreView store = stores.find(ref, namespace)
                .orElseThrow(() -> new SyncException("SecretSyncedError", "could not get " + describe(ref, namespace)
                        + ": not found"));
        try {
            return access.clientFor(store, namespace);
        } catch (StoreUnavailableException e) {
            throw new SyncException("SecretSyncedError", e.getMessage());
        }
    }

    private RemoteSecret fetch(SecretsClient client, SecretStoreRef ref, RemoteKey key, boolean fresh) {
        try {
            return fetcher.fetch(client, key, fresh);
        } catch (ProviderException e) {
            throw providerFailure(e);
        }
    }

    private Map<String, RemoteSecret> find(SecretsClient client, SecretStoreRef ref, FindQuery query, boolean fresh) {
        try {
            return fetcher.find(client, query, fresh);
        } catch (ProviderException e) {
            throw providerFailure(e);
        }
    }

    static SyncException providerFailure(ProviderException e) {
        return new ProviderSyncException(e);
    }

    private static String describe(SecretStoreRef ref, String namespace) {
        return ref.isClusterStore() ? "ClusterSecretStore \"" + ref.name + "\""
                : "SecretStore \"" + ref.name + "\" in namespace \"" + namespace + "\"";
    }

    /** A provider failure; keeps the typed provider error for policy decisions (e.g. not found). */
    static final class ProviderSyncException extends SyncException {
        private final ProviderException providerError;

        ProviderSyncException(ProviderException cause) {
            super("SecretSyncedError", "UpdateFailed", "could not get secret data from provider: " + cause.getMessage(),
                    cause);
            this.providerError = cause;
        }

        ProviderException providerError() {
            return providerError;
        }
    }
}
