package io.sluice.testing;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.sluice.api.common.SecretKeySelector;
import io.sluice.api.v1.AwsProvider;
import io.sluice.api.v1.ExternalSecret;
import io.sluice.api.v1.ExternalSecretData;
import io.sluice.api.v1.ExternalSecretSpec;
import io.sluice.api.v1.FakeProvider;
import io.sluice.api.v1.RemoteRef;
import io.sluice.api.v1.SecretStore;
import io.sluice.api.v1.SecretStoreProvider;
import io.sluice.api.v1.SecretStoreRef;
import io.sluice.api.v1.SecretStoreSpec;
import io.sluice.testing.aws.emulator.AwsEmulator;
import java.net.HttpURLConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Builders for the resources tests apply. */
public final class Fixtures {
    private static final int MAX_EDIT_ATTEMPTS = 10;

    private Fixtures() {}

    public static SecretStore fakeStore(String namespace, String name, FakeProvider.Entry... entries) {
        SecretStore store = new SecretStore();
        store.setMetadata(
                new ObjectMetaBuilder().withNamespace(namespace).withName(name).build());
        SecretStoreSpec spec = new SecretStoreSpec();
        spec.provider = new SecretStoreProvider();
        spec.provider.fake = new FakeProvider();
        spec.provider.fake.data = new ArrayList<>(List.of(entries));
        store.setSpec(spec);
        return store;
    }

    /** Writes the spec, labels and annotations of {@code changed} onto the latest version on the server. */
    @SuppressWarnings("unchecked")
    public static <T extends io.fabric8.kubernetes.client.CustomResource<?, ?>> void editSpec(
            io.fabric8.kubernetes.client.KubernetesClient client, T changed) {
        var meta = changed.getMetadata();
        var resource = meta.getNamespace() == null
                ? client.resources((Class<T>) changed.getClass()).withName(meta.getName())
                : client.resources((Class<T>) changed.getClass())
                        .inNamespace(meta.getNamespace())
                        .withName(meta.getName());
        editLatest(resource, latest -> {
            ((io.fabric8.kubernetes.client.CustomResource<Object, ?>) latest).setSpec(changed.getSpec());
            latest.getMetadata().setLabels(meta.getLabels());
            latest.getMetadata().setAnnotations(meta.getAnnotations());
            return latest;
        });
    }

    /**
     * Applies {@code edit} to the latest version on the server. fabric8's edit reads the resource and patches it
     * locked on the resourceVersion it read, so the operator writing the status in between makes it fail with 409
     * Conflict: read and apply it again then.
     */
    public static <T extends HasMetadata> T editLatest(Resource<T> resource, UnaryOperator<T> edit) {
        for (int attempt = 1; ; attempt++) {
            try {
                return resource.edit(edit);
            } catch (KubernetesClientException e) {
                if (e.getCode() != HttpURLConnection.HTTP_CONFLICT || attempt == MAX_EDIT_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    public static FakeProvider.Entry entry(String key, String value) {
        return new FakeProvider.Entry(key, value, null);
    }

    /** The Secret {@link #awsStore} reads its static keys from. */
    public static final String AWS_KEYS_SECRET = "aws-keys";

    /**
     * A SecretStore for Secrets Manager in the emulator's default region, with static keys read from the
     * {@value #AWS_KEYS_SECRET} Secret ({@code access-key}, {@code secret-access-key}) of its namespace.
     */
    public static SecretStore awsStore(String namespace, String name) {
        SecretStore store = new SecretStore();
        store.setMetadata(
                new ObjectMetaBuilder().withNamespace(namespace).withName(name).build());
        store.setSpec(new SecretStoreSpec());
        store.getSpec().provider = new SecretStoreProvider();
        AwsProvider aws = new AwsProvider();
        aws.service = AwsProvider.Service.SecretsManager;
        aws.region = AwsEmulator.DEFAULT_REGION;
        aws.auth = new AwsProvider.Auth();
        aws.auth.secretRef = new AwsProvider.SecretRef();
        aws.auth.secretRef.accessKeyIDSecretRef = awsKey("access-key");
        aws.auth.secretRef.secretAccessKeySecretRef = awsKey("secret-access-key");
        store.getSpec().provider.aws = aws;
        return store;
    }

    private static SecretKeySelector awsKey(String key) {
        SecretKeySelector selector = new SecretKeySelector();
        selector.name = AWS_KEYS_SECRET;
        selector.key = key;
        return selector;
    }

    public static ExternalSecret externalSecret(
            String namespace, String name, String storeName, String refreshInterval) {
        ExternalSecret es = new ExternalSecret();
        es.setMetadata(
                new ObjectMetaBuilder().withNamespace(namespace).withName(name).build());
        ExternalSecretSpec spec = new ExternalSecretSpec();
        spec.secretStoreRef = new SecretStoreRef(storeName, null);
        spec.refreshInterval = refreshInterval;
        spec.data = new ArrayList<>();
        es.setSpec(spec);
        return es;
    }

    public static ExternalSecret withData(ExternalSecret es, String secretKey, String remoteKey, String property) {
        ExternalSecretData data = new ExternalSecretData();
        data.secretKey = secretKey;
        data.remoteRef = new RemoteRef();
        data.remoteRef.key = remoteKey;
        data.remoteRef.property = property;
        es.getSpec().data.add(data);
        return es;
    }
}
