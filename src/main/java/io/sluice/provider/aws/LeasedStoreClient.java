package io.sluice.provider.aws;

import io.sluice.provider.SecretsClient;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * What every AWS service's store client shares: the leased pooled SDK clients, the store prefix, the sharing key
 * (same clients, same prefix, same service: same reads), validation through STS GetCallerIdentity, and the lease's
 * end.
 */
abstract class LeasedStoreClient implements SecretsClient {
    protected final AwsClientPool.Lease lease;
    protected final String prefix;
    protected final String storeName;

    LeasedStoreClient(AwsClientPool.Lease lease, String prefix, String storeName) {
        this.lease = lease;
        this.prefix = prefix == null ? "" : prefix;
        this.storeName = storeName;
    }

    @Override
    public Object sharingKey() {
        return new SharingKey(getClass(), lease.pooledClients(), prefix);
    }

    private record SharingKey(Class<?> service, Object pooledClients, String prefix) {}

    @Override
    public void validate() {
        try {
            lease.clients().sts().getCallerIdentity();
        } catch (SdkException e) {
            throw AwsErrors.classify("GetCallerIdentity", storeName, e);
        }
    }

    @Override
    public void retireCredentials() {
        lease.retire();
    }

    @Override
    public void close() {
        lease.release();
    }
}
