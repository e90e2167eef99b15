package io.sluice.testing.aws;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.sts.StsClient;

/** Real AWS SDK v2 clients pointed at a test endpoint, with the URL-connection HTTP client Sluice ships. */
public final class SdkClients {

    private SdkClients() {}

    public static SecretsManagerClient secretsManager(URI endpoint, Region region, AwsCredentialsProvider credentials) {
        return SecretsManagerClient.builder()
                .endpointOverride(endpoint)
                .region(region)
                .credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    public static SsmClient ssm(URI endpoint, Region region, AwsCredentialsProvider credentials) {
        return SsmClient.builder()
                .endpointOverride(endpoint)
                .region(region)
                .credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    public static StsClient sts(URI endpoint, Region region, AwsCredentialsProvider credentials) {
        return StsClient.builder()
                .endpointOverride(endpoint)
                .region(region)
                .credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }
}
