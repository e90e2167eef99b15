package io.sluice.provider.aws;

import io.sluice.metrics.ProviderCallMetrics;
import io.sluice.provider.ProviderConfigurationException;
import io.sluice.provider.aws.credentials.CredentialsProviders;
import io.sluice.provider.aws.credentials.CredentialsSource;
import io.sluice.provider.aws.credentials.RoleChain;
import io.sluice.provider.aws.credentials.ServiceAccountTokens;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.AuthorizationData;
import software.amazon.awssdk.services.ecr.model.GetAuthorizationTokenResponse;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.GetSessionTokenRequest;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * The AWS calls of the ECRAuthorizationToken and STSSessionToken generators, through the aws provider's credentials
 * code (secretRef, jwt, the operator's own chain, then {@code role}). Each call builds its clients and closes them,
 * as ESO builds a session per generation: a generator runs once per refresh, and no tenant's session outlives it.
 */
public final class AwsGeneratorCalls implements AutoCloseable {
    static final String ECR = "AWS/ECR";

    private final AwsSettings settings;
    private final Optional<URI> ecrEndpoint;
    private final ProviderCallMetrics metrics;
    private final ServiceAccountTokens tokens;
    private final SdkHttpClient http = UrlConnectionHttpClient.builder().build();

    public AwsGeneratorCalls(
            AwsSettings settings, Optional<URI> ecrEndpoint, ProviderCallMetrics metrics, ServiceAccountTokens tokens) {
        this.settings = settings;
        this.ecrEndpoint = ecrEndpoint;
        this.metrics = metrics;
        this.tokens = tokens;
    }

    /** A registry login; {@link #toString()} shows no secret. */
    public record EcrLogin(String username, String password, String proxyEndpoint, Instant expiresAt) {
        @Override
        public String toString() {
            return "EcrLogin[" + proxyEndpoint + " until " + expiresAt + "]";
        }
    }

    /** Temporary credentials; {@link #toString()} shows no secret. */
    public record SessionCredentials(
            String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration) {
        @Override
        public String toString() {
            return "SessionCredentials[until " + expiration + "]";
        }
    }

    /** What GetSessionToken is asked for; nulls are left out of the request. */
    public record SessionRequest(Integer durationSeconds, String serialNumber, String tokenCode) {
        @Override
        public String toString() {
            return "SessionRequest[" + durationSeconds + "s]";
        }
    }

    /** ECR GetAuthorizationToken for the caller's default registry. */
    public EcrLogin ecrAuthorizationToken(String region, CredentialsSource source, String role, String subject) {
        List<SdkAutoCloseable> resources = new ArrayList<>();
        try {
            Region awsRegion = AwsRegions.require(region);
            AwsCredentialsProvider credentials = credentials(awsRegion, source, role, resources);
            var builder = EcrClient.builder()
                    .region(awsRegion)
                    .httpClient(http)
                    .credentialsProvider(credentials)
                    .overrideConfiguration(overrides(ECR));
            ecrEndpoint.ifPresent(builder::endpointOverride);
            EcrClient ecr = track(builder.build(), resources);
            GetAuthorizationTokenResponse response = ecr.getAuthorizationToken(b -> {});
            if (response.authorizationData().size() != 1) {
                throw new ProviderConfigurationException(subject + ": GetAuthorizationToken returned "
                        + response.authorizationData().size() + " authorization tokens, expected 1");
            }
            return login(response.authorizationData().get(0), subject);
        } catch (SdkException e) {
            throw AwsErrors.classify("GetAuthorizationToken", subject, e);
        } finally {
            close(resources);
        }
    }

    /** STS GetSessionToken. */
    public SessionCredentials stsSessionToken(
            String region, CredentialsSource source, String role, SessionRequest request, String subject) {
        List<SdkAutoCloseable> resources = new ArrayList<>();
        try {
            Region awsRegion = AwsRegions.require(region);
            AwsCredentialsProvider credentials = credentials(awsRegion, source, role, resources);
            StsClient sts = track(sts(awsRegion, credentials), resources);
            Credentials issued = sts.getSessionToken(GetSessionTokenRequest.builder()
                            .durationSeconds(request.durationSeconds())
                            .serialNumber(request.serialNumber())
                            .tokenCode(request.tokenCode())
                            .build())
                    .credentials();
            if (issued == null) {
                throw new ProviderConfigurationException(subject + ": GetSessionToken returned no credentials");
            }
            return new SessionCredentials(
                    issued.accessKeyId(), issued.secretAccessKey(), issued.sessionToken(), issued.expiration());
        } catch (SdkException e) {
            throw AwsErrors.classify("GetSessionToken", subject, e);
        } finally {
            close(resources);
        }
    }

    /** The token is base64 of {@code user:password}; ESO refuses any other shape. */
    private static EcrLogin login(AuthorizationData data, String subject) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(data.authorizationToken()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ProviderConfigurationException(subject + ": the authorization token is not base64");
        }
        String[] parts = decoded.split(":", -1);
        if (parts.length != 2) {
            throw new ProviderConfigurationException(subject + ": unexpected token format");
        }
        if (data.expiresAt() == null) {
            throw new ProviderConfigurationException(subject + ": the authorization token has no expiry");
        }
        return new EcrLogin(parts[0], parts[1], data.proxyEndpoint(), data.expiresAt());
    }

    private AwsCredentialsProvider credentials(
            Region region, CredentialsSource source, String role, List<SdkAutoCloseable> resources) {
        RoleChain roles = new RoleChain(List.of(), role, null, Map.of(), List.of());
        return new CredentialsProviders(
                        credentials -> sts(region, credentials), tokens, settings.credentialRefreshMargin())
                .build(source, roles, resources);
    }

    private StsClient sts(Region region, AwsCredentialsProvider credentials) {
        var builder = StsClient.builder()
                .region(region)
                .httpClient(http)
                .credentialsProvider(credentials)
                .overrideConfiguration(overrides(CallMetricsInterceptor.STS));
        settings.stsEndpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    private ClientOverrideConfiguration overrides(String metricsProvider) {
        return ClientOverrideConfiguration.builder()
                .retryStrategy(RetryConfig.of(null, settings.retryMode()).strategy())
                .apiCallTimeout(settings.callTimeout())
                .addExecutionInterceptor(new CallMetricsInterceptor(metricsProvider, metrics))
                .build();
    }

    private static <T extends SdkAutoCloseable> T track(T resource, List<SdkAutoCloseable> resources) {
        resources.add(resource);
        return resource;
    }

    private static void close(List<SdkAutoCloseable> resources) {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (RuntimeException ignored) {
                // closing a client that failed to start: nothing left to release
            }
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
