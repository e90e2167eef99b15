package io.sluice.provider.aws;

import io.sluice.provider.FetchOutcome;
import io.sluice.provider.FindQuery;
import io.sluice.provider.ProviderConfigurationException;
import io.sluice.provider.PushRequest;
import io.sluice.provider.PushTarget;
import io.sluice.provider.RemoteDeletion;
import io.sluice.provider.RemoteKey;
import io.sluice.provider.RemoteSecret;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * A store's view of Parameter Store ({@code service: ParameterStore}). One {@link #fetch} is one GetParameter
 * (decrypted; ListTagsForResource for metadata), {@link #fetchAll} reads up to ten parameters per GetParameters. The
 * store prefix applies to fetched, pushed and deleted names, never to find results.
 */
final class AwsParameterStoreClient extends LeasedStoreClient {
    private final ParameterReader reader;
    private final ParameterFinder finder;
    private final ParameterStorePusher pusher;

    AwsParameterStoreClient(AwsClientPool.Lease lease, String prefix, String storeName) {
        super(lease, prefix, storeName);
        Supplier<SsmClient> ssm = () -> lease.clients().ssm();
        this.reader = new ParameterReader(ssm);
        this.finder = new ParameterFinder(ssm, reader);
        this.pusher = new ParameterStorePusher(ssm, reader, prefix);
    }

    @Override
    public RemoteSecret fetch(RemoteKey key) {
        if (key.metadata()) {
            return reader.tagsJson(prefix + key.key());
        }
        return reader.value(ParameterSelector.of(prefix + key.key(), key.version()));
    }

    @Override
    public int fetchBatchSize() {
        return ParameterReader.BATCH;
    }

    @Override
    public Map<RemoteKey, FetchOutcome> fetchAll(List<RemoteKey> keys) {
        Map<RemoteKey, FetchOutcome> outcomes = new LinkedHashMap<>();
        Map<RemoteKey, ParameterSelector> values = new LinkedHashMap<>();
        List<RemoteKey> metadata = new ArrayList<>();
        for (RemoteKey key : keys) {
            if (key.metadata()) {
                metadata.add(key);
            } else {
                try {
                    values.put(key, ParameterSelector.of(prefix + key.key(), key.version()));
                } catch (ProviderConfigurationException e) {
                    outcomes.put(key, FetchOutcome.failed(e));
                }
            }
        }
        Map<ParameterSelector, FetchOutcome> read = reader.values(List.copyOf(values.values()));
        values.forEach((key, selector) -> outcomes.put(key, read.get(selector)));
        metadata.forEach(key -> outcomes.putAll(super.fetchAll(List.of(key))));
        return outcomes;
    }

    @Override
    public Map<String, RemoteSecret> find(FindQuery query) {
        return finder.find(query);
    }

    @Override
    public boolean push(PushRequest request) {
        return pusher.push(request);
    }

    @Override
    public RemoteDeletion delete(PushTarget target) {
        return pusher.delete(target);
    }

    @Override
    public boolean exists(PushTarget target) {
        return pusher.exists(target);
    }
}
