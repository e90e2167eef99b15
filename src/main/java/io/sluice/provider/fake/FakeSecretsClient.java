package io.sluice.provider.fake;

import io.sluice.api.v1.FakeProvider;
import io.sluice.metrics.ProviderCallMetrics;
import io.sluice.provider.FindQuery;
import io.sluice.provider.ProviderConfigurationException;
import io.sluice.provider.RemoteKey;
import io.sluice.provider.RemoteSecret;
import io.sluice.provider.SecretNotFoundException;
import io.sluice.provider.SecretsClient;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Serves the entries of one fake store; an entry matches on key and on version (absent matches absent). */
final class FakeSecretsClient implements SecretsClient {
    private final String storeName;
    private final List<FakeProvider.Entry> entries;
    private final ProviderCallMetrics calls;

    FakeSecretsClient(String storeName, FakeProvider block, ProviderCallMetrics calls) {
        this.storeName = storeName;
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
            throw new ProviderConfigurationException("the fake provider has no metadata (metadataPolicy=Fetch) for key "
                    + key.key());
        }
        String version = emptyToNull(key.version());
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
        Pattern pattern = query.nameRegexp() == null ? null : Pattern.compile(query.nameRegexp());
        Map<String, RemoteSecret> found = new TreeMap<>();
        for (FakeProvider.Entry e : entries) {
            boolean pathMatches = query.path() == null || e.key.startsWith(query.path());
            boolean nameMatches = pattern == null || pattern.matcher(e.key).find();
            if (emptyToNull(e.version) == null && pathMatches && nameMatches) {
                found.put(e.key, RemoteSecret.ofString(e.value == null ? "" : e.value));
            }
        }
        return found;
    }

    @Override
    public void validate() {
        // the data lives in the store itself: nothing to reach
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
