package io.sluice.provider.aws;

import io.sluice.metrics.ProviderCallMetrics;
import io.sluice.provider.aws.credentials.CredentialsProviders;
import io.sluice.provider.aws.credentials.ServiceAccountTokens;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * Builds the SDK clients of one configuration with the SDK builders, all on one shared HTTP client. Without
 * an endpoint setting, the SDK's own resolution applies (AWS_ENDPOINT_URL_SECRETS_MANAGER, AWS_ENDPOINT_URL_SSM,
 * AWS_ENDPOINT_URL_STS, AWS_ENDPOINT_URL, then the regional endpoint).
 */
final class AwsClientFactory {
    private final AwsSettings settings;
    private final SdkHttpClient http;
    private final ProviderCallMetrics metrics;
    private final ServiceAccountTokens tokens;

    AwsClientFactory(
            AwsSettings settings, SdkHttpClient http, ProviderCallMetrics metrics, ServiceAccountTokens tokens) {
        this.settings = settings;
        this.http = http;
        this.metrics = metrics;
        this.tokens = tokens;
    }

    AwsClients create(ClientConfiguration config) {
        List<SdkAutoCloseable> resources = new ArrayList<>();
        try {
            CredentialsProviders.StsClients stsClients = credentials -> sts(config, credentials);
            AwsCredentialsProvider credentials = new CredentialsProviders(
                            stsClients, tokens, settings.credentialRefreshMargin())
                    .build(config.credentials(), config.roles(), resources);
            var secretsManager = SecretsManagerClient.builder()
                    .region(config.region())
                    .httpClient(http)
                    .credentialsProvider(credentials)
                    .overrideConfiguration(overrides(config, CallMetricsInterceptor.SECRETS_MANAGER));
            settings.secretsManagerEndpoint().ifPresent(secretsManager::endpointOverride);
            return new AwsClients(
                    secretsManager.build(), sts(config, credentials), () -> ssm(config, credentials), resources);
        } catch (RuntimeException e) {
            resources.forEach(SdkAutoCloseable::close);
            throw e;
        }
    }

    private StsClient sts(ClientConfiguration config, AwsCredentialsProvider credentials) {
        var builder = StsClient.builder()
                .region(config.region())
                .httpClient(http)
                .credentialsProvider(credentials)
                .overrideConfiguration(overrides(config, CallMetricsInterceptor.STS));
        settings.stsEndpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    private SsmClient ssm(ClientConfiguration config, AwsCredentialsProvider credentials) {
        var builder = SsmClient.builder()
                .region(config.region())
                .httpClient(http)
                .credentialsProvider(credentials)
                .overrideConfiguration(overrides(config, CallMetricsInterceptor.PARAMETER_STORE));
        settings.ssmEndpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    private ClientOverrideConfiguration overrides(ClientConfiguration config, String metricsProvider) {
        return ClientOverrideConfiguration.builder()
                .retryStrategy(config.retry().strategy())
                .apiCallTimeout(settings.callTimeout())
                .addExecutionInterceptor(new CallMetricsInterceptor(metricsProvider, metrics))
                .build();
    }
}
