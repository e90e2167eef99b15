package io.sluice.provider.aws;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.arc.Unremovable;
import io.sluice.api.v1.AwsProvider;
import io.sluice.api.v1.SecretStoreProvider;
import io.sluice.config.SluiceConfig;
import io.sluice.metrics.ProviderCallMetrics;
import io.sluice.provider.Provider;
import io.sluice.provider.ProviderConfigurationException;
import io.sluice.provider.SecretsClient;
import io.sluice.provider.StoreCapabilities;
import io.sluice.provider.StoreView;
import io.sluice.provider.aws.credentials.CredentialsSource;
import io.sluice.provider.aws.credentials.CredentialsSourceResolver;
import io.sluice.provider.aws.credentials.RoleChain;
import io.sluice.provider.aws.credentials.ServiceAccountTokens;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * {@code spec.provider.aws} with {@code service: SecretsManager} or {@code ParameterStore}: both services share the
 * pooled SDK clients, credentials, STS sessions and retry configuration of a store configuration.
 */
@ApplicationScoped
@Unremovable
public class AwsSecretsManagerProvider implements Provider, AutoCloseable {
    private final AwsSettings settings;
    private final SdkHttpClient http;
    private final AwsClientPool pool;
    private final CredentialsSourceResolver credentials;

    @Inject
    public AwsSecretsManagerProvider(SluiceConfig config, KubernetesClient kubernetes, ProviderCallMetrics metrics) {
        this(AwsSettings.from(config.aws()), kubernetes, metrics, Clock.systemUTC());
    }

    public AwsSecretsManagerProvider(
            AwsSettings settings, KubernetesClient kubernetes, ProviderCallMetrics metrics, Clock clock) {
        this.settings = settings;
        this.http = UrlConnectionHttpClient.builder().build();
        AwsClientFactory factory = new AwsClientFactory(settings, http, metrics, new ServiceAccountTokens(kubernetes));
        this.pool = new AwsClientPool(factory::create, settings.idleClientTtl(), clock);
        this.credentials = new CredentialsSourceResolver(kubernetes);
    }

    @Override
    public String name() {
        return "aws";
    }

    @Override
    public boolean handles(SecretStoreProvider block) {
        return block != null && block.aws != null;
    }

    @Override
    public StoreCapabilities capabilities(SecretStoreProvider block) {
        return StoreCapabilities.ReadWrite;
    }

    @Override
    public SecretsClient newClient(StoreView store, String consumerNamespace) {
        AwsProvider aws = awsBlock(store);
        Region region = AwsRegions.require(aws.region);
        RetryConfig retry = RetryConfig.of(store.spec().retrySettings, settings.retryMode());
        CredentialsSource source = credentials.resolve(store, aws, consumerNamespace);
        ClientConfiguration config = new ClientConfiguration(region, retry, source, RoleChain.of(aws));
        if (aws.service == AwsProvider.Service.ParameterStore) {
            return new AwsParameterStoreClient(pool.acquire(config), aws.prefix, store.displayName());
        }
        return new AwsSecretsManagerClient(
                pool.acquire(config), aws.prefix, store.displayName(), settings, aws.secretsManager);
    }

    @Override
    public boolean usesReferentAuth(StoreView store) {
        return CredentialsSourceResolver.usesReferentAuth(store, store.spec().provider.aws);
    }

    @Override
    public Set<SecretReference> credentialSecrets(StoreView store, String consumerNamespace) {
        AwsProvider aws = store.spec() == null || store.spec().provider == null ? null : store.spec().provider.aws;
        if (aws == null || aws.auth == null || aws.auth.secretRef == null || aws.auth.jwt != null) {
            return Set.of();
        }
        Set<SecretReference> refs = new HashSet<>();
        for (var selector : Arrays.asList(
                aws.auth.secretRef.accessKeyIDSecretRef,
                aws.auth.secretRef.secretAccessKeySecretRef,
                aws.auth.secretRef.sessionTokenSecretRef)) {
            if (selector == null || selector.name == null) {
                continue;
            }
            // a SecretStore reads from its own namespace; a ClusterSecretStore from the ref's, else the consumer's
            String namespace = !store.isCluster()
                    ? store.namespace()
                    : selector.namespace == null || selector.namespace.isBlank()
                            ? consumerNamespace
                            : selector.namespace;
            if (namespace != null && !namespace.isBlank()) {
                refs.add(new SecretReference(namespace, selector.name));
            }
        }
        return refs;
    }

    /** Distinct SDK client configurations currently open (leased or idle). */
    int openConfigurations() {
        return pool.size();
    }

    private static AwsProvider awsBlock(StoreView store) {
        AwsProvider aws = store.spec() == null || store.spec().provider == null ? null : store.spec().provider.aws;
        if (aws == null) {
            throw new ProviderConfigurationException(store.displayName() + " has no spec.provider.aws block");
        }
        if (aws.service != AwsProvider.Service.SecretsManager && aws.service != AwsProvider.Service.ParameterStore) {
            throw new ProviderConfigurationException(store.displayName() + ": AWS service " + aws.service
                    + " is not supported; Sluice implements SecretsManager and ParameterStore");
        }
        return aws;
    }

    @PreDestroy
    @Override
    public void close() {
        pool.close();
        http.close();
    }
}
