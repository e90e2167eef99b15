package io.sluice.provider.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.api.v1.AwsProvider;
import io.sluice.provider.FindQuery;
import io.sluice.provider.ProviderConfigurationException;
import io.sluice.provider.PushRequest;
import io.sluice.provider.PushTarget;
import io.sluice.provider.RemoteDeletion;
import io.sluice.provider.RemoteKey;
import io.sluice.provider.RemoteSecret;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.Tag;

/**
 * A store's view of Secrets Manager. One {@link #fetch} is one GetSecretValue (DescribeSecret for metadata);
 * the store prefix applies to fetched keys only, never to find results.
 */
final class AwsSecretsManagerClient extends LeasedStoreClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AwsSettings settings;

    private final SecretsManagerPusher pusher;

    AwsSecretsManagerClient(AwsClientPool.Lease lease, String prefix, String storeName, AwsSettings settings) {
        this(lease, prefix, storeName, settings, null);
    }

    AwsSecretsManagerClient(
            AwsClientPool.Lease lease,
            String prefix,
            String storeName,
            AwsSettings settings,
            AwsProvider.SecretsManagerOptions deletion) {
        super(lease, prefix, storeName);
        this.pusher = new SecretsManagerPusher(() -> lease.clients().secretsManager(), prefix, deletion);
        this.settings = settings;
    }

    @Override
    public RemoteSecret fetch(RemoteKey key) {
        String secretId = prefix + key.key();
        SecretsManagerClient client = lease.clients().secretsManager();
        if (key.metadata()) {
            try {
                return RemoteSecret.ofString(tagsJson(client.describeSecret(r -> r.secretId(secretId))));
            } catch (SdkException e) {
                throw AwsErrors.classify("DescribeSecret", secretId, e);
            }
        }
        try {
            return valueOf(client.getSecretValue(SecretVersion.of(key.version()).request(secretId)));
        } catch (SdkException e) {
            throw AwsErrors.classify("GetSecretValue", secretId, e);
        }
    }

    @Override
    public Map<String, RemoteSecret> find(FindQuery query) {
        return new SecretFinder(lease.clients().secretsManager(), settings).find(query);
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

    /** The pooled SDK clients behind this store client (tests check the sharing). */
    AwsClients clients() {
        return lease.clients();
    }

    static RemoteSecret valueOf(GetSecretValueResponse response) {
        return SecretValues.of(response.secretString(), response.secretBinary());
    }

    /** The secret's tags as a JSON object, keys sorted; {@code {}} without tags. */
    static String tagsJson(DescribeSecretResponse response) {
        Map<String, String> tags = new TreeMap<>();
        List<Tag> list = response.hasTags() ? response.tags() : List.of();
        list.forEach(t -> tags.put(t.key(), t.value()));
        try {
            return JSON.writeValueAsString(tags);
        } catch (JsonProcessingException e) {
            throw new ProviderConfigurationException("cannot encode the tags of " + response.name() + " as JSON");
        }
    }
}
