package io.sluice.generator;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.sluice.api.generators.EcrAuthorizationTokenSpec;
import io.sluice.api.generators.StsSessionTokenSpec;
import io.sluice.api.v1.GeneratorRef;
import io.sluice.config.SluiceConfig;
import io.sluice.metrics.ProviderCallMetrics;
import io.sluice.provider.ProviderException;
import io.sluice.provider.aws.AwsGeneratorCalls;
import io.sluice.provider.aws.AwsGeneratorCalls.EcrLogin;
import io.sluice.provider.aws.AwsGeneratorCalls.SessionCredentials;
import io.sluice.provider.aws.AwsGeneratorCalls.SessionRequest;
import io.sluice.provider.aws.AwsSettings;
import io.sluice.provider.aws.credentials.CredentialsSource;
import io.sluice.provider.aws.credentials.CredentialsSourceResolver;
import io.sluice.provider.aws.credentials.ServiceAccountTokens;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the generator a {@code generatorRef} names, afresh at every call: ESO generates again at each refresh, and
 * {@code refreshPolicy: CreatedOnce} is what keeps a first value. Output keys and formats are ESO's.
 */
@ApplicationScoped
public class GeneratorRunner {
    private final GeneratorLookup lookup;
    private final CredentialsSourceResolver credentials;
    private final AwsGeneratorCalls aws;
    private final PasswordGenerator passwords = new PasswordGenerator();

    @Inject
    public GeneratorRunner(KubernetesClient kubernetes, SluiceConfig config, ProviderCallMetrics metrics) {
        this(
                kubernetes,
                new AwsGeneratorCalls(
                        AwsSettings.from(config.aws()),
                        config.aws().ecrEndpoint().map(URI::create),
                        metrics,
                        new ServiceAccountTokens(kubernetes)));
    }

    public GeneratorRunner(KubernetesClient kubernetes, AwsGeneratorCalls aws) {
        this.lookup = new GeneratorLookup(kubernetes);
        this.credentials = new CredentialsSourceResolver(kubernetes);
        this.aws = aws;
    }

    /**
     * @param namespace the consumer's namespace: where a namespaced generator lives, and where a ClusterGenerator's
     *            credentials refs without a namespace resolve
     * @throws GeneratorException when the reference or the spec is unusable
     * @throws ProviderException when AWS refuses or fails
     */
    public Generated generate(GeneratorRef ref, String namespace) {
        return switch (lookup.find(ref, namespace)) {
            case ResolvedGenerator.Random random -> new Generated(passwords.generate(random.spec()), Optional.empty());
            case ResolvedGenerator.Ecr ecr -> ecr(ecr, namespace);
            case ResolvedGenerator.Sts sts -> sts(sts, namespace);
        };
    }

    private Generated ecr(ResolvedGenerator.Ecr generator, String namespace) {
        EcrAuthorizationTokenSpec spec = generator.spec();
        if ("public".equals(spec.scope)) {
            throw new GeneratorException(generator.owner().displayName()
                    + ": scope public (ECR Public) is not supported by Sluice; use the default scope private");
        }
        requireRegion(generator.owner().displayName(), spec.region);
        CredentialsSource source = credentials.resolve(generator.owner(), spec.auth, namespace);
        EcrLogin login = aws.ecrAuthorizationToken(
                spec.region, source, spec.role, generator.owner().displayName());
        Map<String, byte[]> data = new LinkedHashMap<>();
        data.put("username", utf8(login.username()));
        data.put("password", utf8(login.password()));
        data.put("proxy_endpoint", utf8(login.proxyEndpoint() == null ? "" : login.proxyEndpoint()));
        data.put("expires_at", utf8(Long.toString(login.expiresAt().getEpochSecond())));
        return new Generated(data, Optional.of(login.expiresAt()));
    }

    private Generated sts(ResolvedGenerator.Sts generator, String namespace) {
        StsSessionTokenSpec spec = generator.spec();
        if (spec.auth != null && spec.auth.jwt != null) {
            // as ESO: GetSessionToken needs an IAM user's keys, which a web identity never is
            throw new GeneratorException(
                    generator.owner().displayName() + ": jwt auth cannot be used for STS Session Token generation");
        }
        requireRegion(generator.owner().displayName(), spec.region);
        CredentialsSource source = credentials.resolve(generator.owner(), spec.auth, namespace);
        StsSessionTokenSpec.RequestParameters parameters = spec.requestParameters;
        SessionRequest request = parameters == null
                ? new SessionRequest(null, null, null)
                : new SessionRequest(parameters.sessionDuration, parameters.serialNumber, parameters.tokenCode);
        SessionCredentials issued = aws.stsSessionToken(
                spec.region, source, spec.role, request, generator.owner().displayName());
        Map<String, byte[]> data = new LinkedHashMap<>();
        data.put("access_key_id", utf8(issued.accessKeyId()));
        data.put("secret_access_key", utf8(issued.secretAccessKey()));
        data.put("session_token", utf8(issued.sessionToken()));
        data.put("expiration", utf8(Long.toString(issued.expiration().getEpochSecond())));
        return new Generated(data, Optional.of(issued.expiration()));
    }

    private static void requireRegion(String owner, String region) {
        if (region == null || region.isBlank()) {
            throw new GeneratorException(owner + ": spec.region is required");
        }
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @PreDestroy
    void close() {
        aws.close();
    }
}
