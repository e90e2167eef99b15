package io.sluice.provider.fake;

import io.sluice.api.v1.FakeProvider;
import io.sluice.metrics.ProviderCallMetrics;
import io.sluice.provider.FindQuery;
import io.sluice.provider.JsonProperty;
import io.sluice.provider.ProviderConfigurationException;
import io.sluice.provider.PushRequest;
import io.sluice.provider.PushTarget;
import io.sluice.provider.RemoteDeletion;
import io.sluice.provider.RemoteKey;
import io.sluice.provider.RemoteSecret;
import io.sluice.provider.SecretNotFoundException;
import io.sluice.provider.SecretsClient;
import io.sluice.regexp.TenantRegexp;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/** Serves the entries of one fake store; an entry matches on key and on version (absent matches absent). */
final class FakeSecretsClient implements SecretsClient {
    private final String storeName;
    private final List<FakeProvider.Entry> entries;
    private final ProviderCallMetrics calls;
    private final Map<String, byte[]> pushed;

    FakeSecretsClient(String storeName, FakeProvider block, ProviderCallMetrics calls, Map<String, byte[]> pushed) {
        this.storeName = storeName;
        this.pushed = pushed;
        this.entries = block.data == null ? List.of() : List.copyOf(block.data);
        this.calls = calls;
    }

    /** Counted like a real provider's calls, so tests can see how often the provider is asked. */
    @Override
    public RemoteSecret fetch(RemoteKey key) {
        try {
            RemoteSecret found = lookup(key);
            calls.record(FakeProviderImpl.METRIC_PROVIDER, "GetSecret", true);
            return found;
        } catch (RuntimeException e) {
            calls.record(FakeProviderImpl.METRIC_PROVIDER, "GetSecret", false);
            throw e;
        }
    }

    private RemoteSecret lookup(RemoteKey key) {
        if (key.metadata()) {
            throw new ProviderConfigurationException(
                    "the fake provider has no metadata (metadataPolicy=Fetch) for key " + key.key());
        }
        String version = emptyToNull(key.version());
        byte[] pushedValue = version == null ? pushed.get(key.key()) : null;
        if (pushedValue != null) {
            return new RemoteSecret(pushedValue.clone());
        }
        return entries.stream()
                .filter(e -> key.key().equals(e.key) && Objects.equals(version, emptyToNull(e.version)))
                .findFirst()
                .map(e -> RemoteSecret.ofString(e.value == null ? "" : e.value))
                .orElseThrow(() -> new SecretNotFoundException("secret " + key + " not found in " + storeName));
    }

    @Override
    public Map<String, RemoteSecret> find(FindQuery query) {
        try {
            Map<String, RemoteSecret> found = search(query);
            calls.record(FakeProviderImpl.METRIC_PROVIDER, "Find", true);
            return found;
        } catch (RuntimeException e) {
            calls.record(FakeProviderImpl.METRIC_PROVIDER, "Find", false);
            throw e;
        }
    }

    private Map<String, RemoteSecret> search(FindQuery query) {
        if (!query.tags().isEmpty()) {
            throw new ProviderConfigurationException("the fake provider does not support find by tags");
        }
        Optional<TenantRegexp> pattern = query.namePattern();
        Map<String, RemoteSecret> found = new TreeMap<>();
        for (FakeProvider.Entry e : entries) {
            boolean pathMatches = query.path() == null || e.key.startsWith(query.path());
            if (emptyToNull(e.version) == null
                    && pathMatches
                    && pattern.map(p -> p.find(e.key)).orElse(true)) {
                found.put(e.key, RemoteSecret.ofString(e.value == null ? "" : e.value));
            }
        }
        return found;
    }

    @Override
    public boolean push(PushRequest request) {
        requirePushable(request.remoteKey());
        synchronized (pushed) {
            byte[] current = pushed.get(request.remoteKey());
            byte[] next = request.property() == null
                    ? request.value().clone()
                    : JsonProperty.set(current, request.property(), request.value(), request.remoteKey());
            if (current != null
                    && (request.property() == null
                            ? Arrays.equals(current, next)
                            : JsonProperty.sameJson(current, next))) {
                return false;
            }
            pushed.put(request.remoteKey(), next);
            return true;
        }
    }

    @Override
    public RemoteDeletion delete(PushTarget target) {
        if (isStatic(target.remoteKey())) {
            return RemoteDeletion.KEPT_UNMANAGED;
        }
        synchronized (pushed) {
            byte[] current = pushed.get(target.remoteKey());
            if (current == null) {
                return RemoteDeletion.ABSENT;
            }
            byte[] remaining = target.property() == null
                    ? null
                    : JsonProperty.remove(current, target.property(), target.remoteKey());
            if (remaining == null) {
                pushed.remove(target.remoteKey());
            } else {
                pushed.put(target.remoteKey(), remaining);
            }
            return RemoteDeletion.DELETED;
        }
    }

    @Override
    public boolean exists(PushTarget target) {
        return pushed.containsKey(target.remoteKey()) || isStatic(target.remoteKey());
    }

    private void requirePushable(String remoteKey) {
        if (isStatic(remoteKey)) {
            throw new ProviderConfigurationException("secret " + remoteKey + " exists in " + storeName
                    + " but is not managed by external-secrets: it is not overwritten");
        }
    }

    private boolean isStatic(String remoteKey) {
        return entries.stream().anyMatch(e -> remoteKey.equals(e.key));
    }

    @Override
    public void validate() {
        // the data lives in the store itself: nothing to reach
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
