package io.sluice.externalsecret;

import io.sluice.api.v1.ExternalSecretData;
import io.sluice.api.v1.ExternalSecretDataFrom;
import io.sluice.api.v1.ExternalSecretFind;
import io.sluice.api.v1.ExternalSecretTarget.DeletionPolicy;
import io.sluice.api.v1.RemoteRef;
import io.sluice.api.v1.SecretStoreRef;
import io.sluice.fetch.SharedFetcher;
import io.sluice.generator.Generated;
import io.sluice.generator.GeneratorException;
import io.sluice.generator.GeneratorRunner;
import io.sluice.provider.FetchOutcome;
import io.sluice.provider.FindQuery;
import io.sluice.provider.ProviderException;
import io.sluice.provider.RemoteKey;
import io.sluice.provider.RemoteSecret;
import io.sluice.provider.SecretNotFoundException;
import io.sluice.provider.SecretsClient;
import io.sluice.provider.StoreView;
import io.sluice.regexp.InvalidRegexpException;
import io.sluice.regexp.TenantRegexp;
import io.sluice.store.StoreAccess;
import io.sluice.store.StoreLookup;
import io.sluice.values.EntryValues;
import io.sluice.values.ExtractionException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Fetches everything an ExternalSecret asks for, through the shared fetch layer, and turns the raw remote
 * values into the key/value map of the target Secret. Entries that read the same remote coordinates through
 * the same store share one provider call.
 */
final class DataCollector {
    private final StoreLookup stores;
    private final StoreAccess access;
    private final SharedFetcher fetcher;
    private final GeneratorRunner generators;
    private Optional<Instant> expiresAt = Optional.empty();

    DataCollector(StoreLookup stores, StoreAccess access, SharedFetcher fetcher, GeneratorRunner generators) {
        this.stores = stores;
        this.access = access;
        this.fetcher = fetcher;
        this.generators = generators;
    }

    /**
     * What the provider answered for every entry. Under deletionPolicy Delete or Merge an entry whose remote
     * secret is gone is skipped and listed in {@link CollectedData#missing()} (ESO's rule); under Retain it is
     * an error, so the Secret is kept as it is.
     *
     * @param maxAge how old a value read earlier (by this or another resource) may be; zero reads afresh
     * @throws SyncException when a store is unusable, the provider fails or a value cannot be extracted
     */
    CollectedData collect(EffectiveSpec es, Duration maxAge) {
        try {
            return collectEntries(es, maxAge);
        } catch (ExtractionException e) {
            throw new SyncException(
                    "SecretSyncedError",
                    "UpdateFailed",
                    "could not get secret data from provider: " + e.reason() + ": " + e.getMessage(),
                    null);
        }
    }

    /**
     * The Secret data gathered, the entries skipped because the provider says their secret is gone, and when the
     * first generated value that expires (a token) stops working.
     */
    record CollectedData(Map<String, byte[]> data, List<String> missing, Optional<Instant> expiresAt) {
        /** ESO's "the provider returned no data": what deletionPolicy acts on. */
        boolean nothingFound() {
            return data.isEmpty();
        }
    }

    private CollectedData collectEntries(EffectiveSpec es, Duration maxAge) {
        requireRemoteKeys(es);
        rejectDuplicateKeys(es);
        Map<String, byte[]> result = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        if (es.spec().dataFrom != null) {
            for (int i = 0; i < es.spec().dataFrom.size(); i++) {
                String where = "dataFrom[" + i + "]";
                int index = i;
                skipIfGone(es, where, missing, () -> result.putAll(dataFromEntry(es, index, maxAge)));
            }
        }
        if (es.spec().data != null) {
            Prefetched prefetched = prefetch(es, maxAge);
            for (ExternalSecretData entry : es.spec().data) {
                String where = "data[" + entry.secretKey + "]";
                skipIfGone(
                        es,
                        where,
                        missing,
                        () -> result.put(entry.secretKey, dataEntry(es, entry, maxAge, prefetched)));
            }
        }
        return new CollectedData(result, List.copyOf(missing), expiresAt);
    }

    private static void skipIfGone(EffectiveSpec es, String where, List<String> missing, Runnable entry) {
        try {
            entry.run();
        } catch (ProviderSyncException e) {
            if (!(e.providerError() instanceof SecretNotFoundException)) {
                throw e;
            }
            if (es.deletionPolicy() == DeletionPolicy.Retain) {
                throw new SyncException(
                        "SecretSyncedError",
                        "UpdateFailed",
                        e.getMessage() + "; secret retained due to DeletionPolicy=Retain",
                        null);
            }
            missing.add(where);
        }
    }

    private Map<String, byte[]> dataFromEntry(EffectiveSpec es, int i, Duration maxAge) {
        String namespace = es.resource().getMetadata().getNamespace();
        ExternalSecretDataFrom entry = es.spec().dataFrom.get(i);
        if (entry.sourceRef != null && entry.sourceRef.generatorRef != null) {
            return generated(i, entry, namespace);
        }
        SecretStoreRef ref = es.storeRef(entry.sourceRef == null ? null : entry.sourceRef.storeRef);
        SecretsClient client = client(ref, namespace);
        if (entry.extract != null) {
            RemoteSecret raw = fetch(client, ref, RemoteKey.of(entry.extract), maxAge);
            return EntryValues.forExtract(entry.extract, entry.rewrite, raw);
        }
        if (entry.find != null) {
            requireValidNamePattern(i, entry.find);
            return EntryValues.forFind(entry.find, entry.rewrite, find(client, ref, FindQuery.of(entry.find), maxAge));
        }
        throw new SyncException("SecretSyncedError", "dataFrom[" + i + "] has neither extract nor find");
    }

    /** Generated afresh at every sync, as in ESO; not shared with other resources. */
    private Map<String, byte[]> generated(int i, ExternalSecretDataFrom entry, String namespace) {
        String where = "dataFrom[" + i + "].sourceRef.generatorRef";
        Generated generated;
        try {
            generated = generators.generate(entry.sourceRef.generatorRef, namespace);
        } catch (GeneratorException e) {
            throw new SyncException("SecretSyncedError", "error processing spec." + where + ": " + e.getMessage());
        } catch (ProviderException e) {
            throw new SyncException(
                    "SecretSyncedError",
                    "UpdateFailed",
                    "error processing spec." + where + ": " + e.getMessage(),
                    null);
        }
        generated
                .expiresAt()
                .ifPresent(at -> expiresAt =
                        expiresAt.filter(known -> known.isBefore(at)).or(() -> Optional.of(at)));
        return EntryValues.forGenerator(where, entry.rewrite, generated.data());
    }

    /** Refused here, before any provider call, so that the message names the entry. */
    private static void requireValidNamePattern(int i, ExternalSecretFind find) {
        if (find.name != null && find.name.regexp != null && !find.name.regexp.isEmpty()) {
            try {
                TenantRegexp.compile("dataFrom[" + i + "].find.name.regexp", find.name.regexp);
            } catch (InvalidRegexpException e) {
                throw new SyncException("SecretSyncedError", e.getMessage());
            }
        }
    }

    private byte[] dataEntry(EffectiveSpec es, ExternalSecretData entry, Duration maxAge, Prefetched prefetched) {
        if (entry.sourceRef != null && entry.sourceRef.generatorRef != null) {
            throw new SyncException(
                    "SecretSyncedError", "data[" + entry.secretKey + "]: generators are not supported by Sluice");
        }
        SecretStoreRef ref = es.storeRef(entry.sourceRef == null ? null : entry.sourceRef.storeRef);
        SecretsClient client = client(ref, es.resource().getMetadata().getNamespace());
        RemoteKey key = RemoteKey.of(entry.remoteRef);
        Optional<FetchOutcome> read = prefetched.of(client, key);
        RemoteSecret raw = read.isPresent() ? unwrap(read.get()) : fetch(client, ref, key, maxAge);
        return EntryValues.forData(entry.secretKey, entry.remoteRef, raw);
    }

    /** The CRDs do not require the remote key (ESO's do not either): checked before any provider call. */
    private static void requireRemoteKeys(EffectiveSpec es) {
        List<ExternalSecretData> data = es.spec().data == null ? List.of() : es.spec().data;
        for (int i = 0; i < data.size(); i++) {
            RemoteRef ref = data.get(i).remoteRef;
            if (ref == null || ref.key == null || ref.key.isEmpty()) {
                throw new SyncException("SecretSyncedError", "spec.data[" + i + "].remoteRef.key is required");
            }
        }
        List<ExternalSecretDataFrom> dataFrom = es.spec().dataFrom == null ? List.of() : es.spec().dataFrom;
        for (int i = 0; i < dataFrom.size(); i++) {
            RemoteRef extract = dataFrom.get(i).extract;
            if (extract != null && (extract.key == null || extract.key.isEmpty())) {
                throw new SyncException("SecretSyncedError", "spec.dataFrom[" + i + "].extract.key is required");
            }
        }
    }

    /** ESO's webhook rejects duplicate {@code data[].secretKey} under deletionPolicy Retain; Sluice checks it here. */
    private static void rejectDuplicateKeys(EffectiveSpec es) {
        if (es.spec().data == null || es.deletionPolicy() != DeletionPolicy.Retain) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (ExternalSecretData entry : es.spec().data) {
            if (!seen.add(entry.secretKey)) {
                throw new SyncException(
                        "SecretSyncedError",
                        "duplicate secretKey \"" + entry.secretKey
                                + "\" in spec.data (not allowed with deletionPolicy=Retain)");
            }
        }
    }

    private SecretsClient client(SecretStoreRef ref, String namespace) {
        if (ref == null) {
            throw new SyncException("SecretSyncedError", "no store referenced: set spec.secretStoreRef");
        }
        StoreView store = stores.find(ref, namespace)
                .orElseThrow(() -> new SyncException(
                        "SecretSyncedError", "could not get " + describe(ref, namespace) + ": not found"));
        return access.clientFor(store, namespace, message -> new SyncException("SecretSyncedError", message));
    }

    private RemoteSecret fetch(SecretsClient client, SecretStoreRef ref, RemoteKey key, Duration maxAge) {
        try {
            return fetcher.fetch(client, key, maxAge);
        } catch (ProviderException e) {
            throw providerFailure(e);
        }
    }

    /**
     * Reads of {@code data[]} gathered per store client whose provider reads several keys per call (Parameter Store's
     * GetParameters), so that an ExternalSecret with many entries costs a call per batch, not per entry. Entries whose
     * store cannot be used are left to fail on their own, in order.
     */
    private Prefetched prefetch(EffectiveSpec es, Duration maxAge) {
        String namespace = es.resource().getMetadata().getNamespace();
        Map<Object, SecretsClient> clients = new LinkedHashMap<>();
        Map<Object, List<RemoteKey>> keys = new LinkedHashMap<>();
        for (ExternalSecretData entry : es.spec().data) {
            if (entry.sourceRef != null && entry.sourceRef.generatorRef != null || entry.remoteRef == null) {
                continue;
            }
            SecretsClient client;
            try {
                client = client(es.storeRef(entry.sourceRef == null ? null : entry.sourceRef.storeRef), namespace);
            } catch (RuntimeException e) {
                continue;
            }
            if (client.fetchBatchSize() > 1) {
                clients.putIfAbsent(client.sharingKey(), client);
                keys.computeIfAbsent(client.sharingKey(), k -> new ArrayList<>())
                        .add(RemoteKey.of(entry.remoteRef));
            }
        }
        Prefetched prefetched = new Prefetched(new HashMap<>());
        keys.forEach((sharing, list) -> {
            if (list.size() > 1) {
                prefetched.outcomes().put(sharing, fetcher.fetchAll(clients.get(sharing), list, maxAge));
            }
        });
        return prefetched;
    }

    /** Outcomes read ahead, by the client's sharing key and the remote key. */
    private record Prefetched(Map<Object, Map<RemoteKey, FetchOutcome>> outcomes) {
        Optional<FetchOutcome> of(SecretsClient client, RemoteKey key) {
            return Optional.ofNullable(
                    outcomes.getOrDefault(client.sharingKey(), Map.of()).get(key));
        }
    }

    private static RemoteSecret unwrap(FetchOutcome outcome) {
        if (outcome.failure() != null) {
            throw providerFailure(outcome.failure());
        }
        return outcome.value();
    }

    private Map<String, RemoteSecret> find(SecretsClient client, SecretStoreRef ref, FindQuery query, Duration maxAge) {
        try {
            return fetcher.find(client, query, maxAge);
        } catch (ProviderException e) {
            throw providerFailure(e);
        }
    }

    static SyncException providerFailure(ProviderException e) {
        return new ProviderSyncException(e);
    }

    private static String describe(SecretStoreRef ref, String namespace) {
        return ref.isClusterStore()
                ? "ClusterSecretStore \"" + ref.name + "\""
                : "SecretStore \"" + ref.name + "\" in namespace \"" + namespace + "\"";
    }

    /** A provider failure; keeps the typed provider error for policy decisions (e.g. not found). */
    static final class ProviderSyncException extends SyncException {
        private final ProviderException providerError;

        ProviderSyncException(ProviderException cause) {
            super(
                    "SecretSyncedError",
                    "UpdateFailed",
                    "could not get secret data from provider: " + cause.getMessage(),
                    cause);
            this.providerError = cause;
        }

        ProviderException providerError() {
            return providerError;
        }
    }
}
