package io.sluice.provider.aws;

import io.sluice.api.common.SecretKeySelector;
import io.sluice.api.common.ServiceAccountSelector;
import io.sluice.api.v1.AwsProvider;
import io.sluice.api.v1.RetrySettings;
import io.sluice.api.v1.SecretStoreProvider;
import io.sluice.api.v1.SecretStoreSpec;
import io.sluice.provider.StoreView;

/** Store views and provider blocks for tests. */
final class AwsStores {
    static final String KEYS_SECRET = "aws-keys";

    private AwsStores() {}

    static AwsProvider aws(String region) {
        AwsProvider aws = new AwsProvider();
        aws.service = AwsProvider.Service.SecretsManager;
        aws.region = region;
        return aws;
    }

    /** {@code auth.secretRef} pointing at the {@value #KEYS_SECRET} Secret (namespace null: none in the refs). */
    static AwsProvider withStaticKeys(AwsProvider aws, String refNamespace) {
        aws.auth = new AwsProvider.Auth();
        aws.auth.secretRef = new AwsProvider.SecretRef();
        aws.auth.secretRef.accessKeyIDSecretRef = key(refNamespace, "access-key");
        aws.auth.secretRef.secretAccessKeySecretRef = key(refNamespace, "secret-access-key");
        return aws;
    }

    static AwsProvider withJwt(AwsProvider aws, String serviceAccount, String refNamespace) {
        aws.auth = new AwsProvider.Auth();
        aws.auth.jwt = new AwsProvider.Jwt();
        aws.auth.jwt.serviceAccountRef = new ServiceAccountSelector();
        aws.auth.jwt.serviceAccountRef.name = serviceAccount;
        aws.auth.jwt.serviceAccountRef.namespace = refNamespace;
        return aws;
    }

    static StoreView secretStore(String namespace, String name, AwsProvider aws) {
        return new StoreView("SecretStore", namespace, name, "uid-" + name, 1L, spec(aws, null), null);
    }

    static StoreView secretStore(String namespace, String name, AwsProvider aws, RetrySettings retry) {
        return new StoreView("SecretStore", namespace, name, "uid-" + name, 1L, spec(aws, retry), null);
    }

    static StoreView clusterStore(String name, AwsProvider aws) {
        return new StoreView("ClusterSecretStore", null, name, "uid-" + name, 1L, spec(aws, null), null);
    }

    static RetrySettings retry(int maxRetries, String interval) {
        RetrySettings retry = new RetrySettings();
        retry.maxRetries = maxRetries;
        retry.retryInterval = interval;
        return retry;
    }

    private static SecretStoreSpec spec(AwsProvider aws, RetrySettings retry) {
        SecretStoreSpec spec = new SecretStoreSpec();
        spec.provider = new SecretStoreProvider();
        spec.provider.aws = aws;
        spec.retrySettings = retry;
        return spec;
    }

    private static SecretKeySelector key(String namespace, String key) {
        SecretKeySelector selector = new SecretKeySelector();
        selector.name = KEYS_SECRET;
        selector.namespace = namespace;
        selector.key = key;
        return selector;
    }
}
