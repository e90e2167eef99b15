package io.sluice.provider.aws.credentials;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkSystemSetting;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleWithWebIdentityCredentialsProvider;
import software.amazon.awssdk.services.sts.auth.StsCredentialsProvider;
import software.amazon.awssdk.services.sts.auth.StsWebIdentityTokenFileCredentialsProvider;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityRequest;
import software.amazon.awssdk.services.sts.model.Tag;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * Builds the SDK credentials provider of one store configuration: the base credentials, then each role of
 * the chain assumed with the previous credentials. Every STS-backed step caches its session until
 * {@code refreshMargin} before expiry, so reads reuse it; refreshing a jwt session mints a fresh token.
 */
public final class CredentialsProviders {
    public static final String SESSION_NAME = "external-secrets-provider-aws";
    private static final Duration MAX_STALE_TIME = Duration.ofMinutes(1);

    /** Builds an STS client that signs with the given credentials. */
    @FunctionalInterface
    public interface StsClients {
        StsClient signedWith(AwsCredentialsProvider credentials);
    }

    private final StsClients sts;
    private final ServiceAccountTokens tokens;
    private final Duration refreshMargin;

    public CredentialsProviders(StsClients sts, ServiceAccountTokens tokens, Duration refreshMargin) {
        this.sts = sts;
        this.tokens = tokens;
        this.refreshMargin = refreshMargin;
    }

    /**
     * @param resources receives every closeable built on the way (STS clients, providers), in build order
     */
    public AwsCredentialsProvider build(CredentialsSource source, RoleChain roles, List<SdkAutoCloseable> resources) {
        AwsCredentialsProvider current = base(source, resources);
        for (String role : roles.additionalRoles()) {
            current = assume(
                    current,
                    AssumeRoleRequest.builder()
                            .roleArn(role)
                            .roleSessionName(SESSION_NAME)
                            .build(),
                    resources);
        }
        if (roles.role() != null) {
            AssumeRoleRequest.Builder request = AssumeRoleRequest.builder()
                    .roleArn(roles.role())
                    .roleSessionName(SESSION_NAME)
                    .externalId(roles.externalId());
            if (!roles.sessionTags().isEmpty()) {
                request.tags(roles.sessionTags().entrySet().stream()
                        .map(t -> Tag.builder()
                                .key(t.getKey())
                                .value(t.getValue())
                                .build())
                        .toList());
            }
            if (!roles.transitiveTagKeys().isEmpty()) {
                request.transitiveTagKeys(roles.transitiveTagKeys());
            }
            current = assume(current, request.build(), resources);
        }
        return current;
    }

    private AwsCredentialsProvider base(CredentialsSource source, List<SdkAutoCloseable> resources) {
        return switch (source) {
            case CredentialsSource.StaticKeys keys ->
                StaticCredentialsProvider.create(
                        keys.sessionToken() == null
                                ? AwsBasicCredentials.create(keys.accessKeyId(), keys.secretAccessKey())
                                : AwsSessionCredentials.create(
                                        keys.accessKeyId(), keys.secretAccessKey(), keys.sessionToken()));
            case CredentialsSource.ServiceAccountWebIdentity jwt -> serviceAccountWebIdentity(jwt, resources);
            case CredentialsSource.DefaultChain ignored -> defaultChain(resources);
        };
    }

    private AwsCredentialsProvider serviceAccountWebIdentity(
            CredentialsSource.ServiceAccountWebIdentity jwt, List<SdkAutoCloseable> resources) {
        StsClient anonymous = track(sts.signedWith(AnonymousCredentialsProvider.create()), resources);
        return track(
                cached(StsAssumeRoleWithWebIdentityCredentialsProvider.builder())
                        .stsClient(anonymous)
                        .refreshRequest(() -> AssumeRoleWithWebIdentityRequest.builder()
                                .roleArn(jwt.roleArn())
                                .roleSessionName(SESSION_NAME)
                                .webIdentityToken(tokens.mint(jwt.namespace(), jwt.serviceAccount(), jwt.audiences()))
                                .build())
                        .build(),
                resources);
    }

    /**
     * The operator pod's credentials. IRSA (a role and a token file in the environment or the matching
     * system properties) goes through our STS client so that endpoint overrides and metrics apply; anything
     * else (static environment keys, EKS pod identity, profiles, instance roles) is the SDK's default chain.
     */
    private AwsCredentialsProvider defaultChain(List<SdkAutoCloseable> resources) {
        Optional<String> roleArn = SdkSystemSetting.AWS_ROLE_ARN.getStringValue();
        Optional<String> tokenFile = SdkSystemSetting.AWS_WEB_IDENTITY_TOKEN_FILE.getStringValue();
        boolean environmentKeys =
                SdkSystemSetting.AWS_ACCESS_KEY_ID.getStringValue().isPresent();
        if (!environmentKeys && roleArn.isPresent() && tokenFile.isPresent()) {
            StsClient anonymous = track(sts.signedWith(AnonymousCredentialsProvider.create()), resources);
            return track(
                    cached(StsWebIdentityTokenFileCredentialsProvider.builder())
                            .stsClient(anonymous)
                            .roleArn(roleArn.get().trim())
                            .webIdentityTokenFile(Path.of(tokenFile.get().trim()))
                            .roleSessionName(SdkSystemSetting.AWS_ROLE_SESSION_NAME
                                    .getStringValue()
                                    .orElse(SESSION_NAME))
                            .build(),
                    resources);
        }
        return track(DefaultCredentialsProvider.builder().build(), resources);
    }

    private AwsCredentialsProvider assume(
            AwsCredentialsProvider previous, AssumeRoleRequest request, List<SdkAutoCloseable> resources) {
        StsClient client = track(sts.signedWith(previous), resources);
        return track(
                cached(StsAssumeRoleCredentialsProvider.builder())
                        .stsClient(client)
                        .refreshRequest(request)
                        .build(),
                resources);
    }

    private <B extends StsCredentialsProvider.BaseBuilder<B, ?>> B cached(B builder) {
        Duration stale = refreshMargin.compareTo(MAX_STALE_TIME) < 0 ? refreshMargin : MAX_STALE_TIME;
        return builder.prefetchTime(refreshMargin).staleTime(stale);
    }

    private static <T extends SdkAutoCloseable> T track(T resource, List<SdkAutoCloseable> resources) {
        resources.add(resource);
        return resource;
    }
}
