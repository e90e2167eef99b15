package io.sluice.testing.aws;

import io.sluice.testing.aws.emulator.AwsEmulator;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.Tag;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * A server speaking the AWS Secrets Manager and STS wire protocols on one endpoint, as the contract tests
 * see it: where it is, which region and test credentials to use, real SDK clients, seeding through the SDK
 * (so it works on every server) and a reset between tests. Emulator-only hooks are behind {@link #emulator()}.
 */
public interface AwsTestServer extends AutoCloseable {

    String TEST_ACCESS_KEY = "AKIASLUICETESTKEY001";
    String TEST_SECRET_KEY = "sluice-test-secret-access-key";

    /** Short name used in test display names: emulator, moto, localstack. */
    String name();

    URI endpoint();

    default Region region() {
        return Region.US_EAST_1;
    }

    /** The static credentials every default client signs with. */
    default AwsCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(TEST_ACCESS_KEY, TEST_SECRET_KEY));
    }

    Set<ServerQuirk> quirks();

    default boolean hasQuirk(ServerQuirk quirk) {
        return quirks().contains(quirk);
    }

    /** The in-JVM emulator's test hooks (counters, faults, allow-list, STS log), when this server is it. */
    default Optional<AwsEmulator> emulator() {
        return Optional.empty();
    }

    /** A shared client signing with {@link #credentials()}; do not close it. */
    SecretsManagerClient secretsManager();

    /** A new client signing with other credentials (e.g. assumed-role ones); the caller closes it. */
    default SecretsManagerClient secretsManager(AwsCredentialsProvider credentials) {
        return SdkClients.secretsManager(endpoint(), region(), credentials);
    }

    /** A shared Parameter Store (SSM) client signing with {@link #credentials()}; do not close it. */
    SsmClient ssm();

    /** Creates or overwrites a parameter through the SDK (tags only on creation, as AWS allows); returns its version. */
    default long putParameter(String name, String value, ParameterType type, Map<String, String> tags) {
        boolean exists = ssm().describeParameters(b -> b.parameterFilters(
                                f -> f.key("Name").option("Equals").values(name)))
                        .parameters()
                        .size()
                == 1;
        return ssm().putParameter(b -> {
                    b.name(name).value(value).type(type).overwrite(exists);
                    if (!exists && !tags.isEmpty()) {
                        b.tags(tags.entrySet().stream()
                                .map(e -> software.amazon.awssdk.services.ssm.model.Tag.builder()
                                        .key(e.getKey())
                                        .value(e.getValue())
                                        .build())
                                .toList());
                    }
                })
                .version();
    }

    default long putParameter(String name, String value) {
        return putParameter(name, value, ParameterType.STRING, Map.of());
    }

    /** A shared STS client signing with {@link #credentials()}; do not close it. */
    StsClient sts();

    default StsClient sts(AwsCredentialsProvider credentials) {
        return SdkClients.sts(endpoint(), region(), credentials);
    }

    /** Brings the server back to no secrets (and, where supported, no recorded calls). */
    void reset();

    default String createSecret(String name, String value) {
        return createSecret(name, value, Map.of());
    }

    /** Creates a string secret through the SDK; returns its ARN. */
    default String createSecret(String name, String value, Map<String, String> tags) {
        return secretsManager()
                .createSecret(b -> b.name(name).secretString(value).tags(tags(tags)))
                .arn();
    }

    /** Creates a binary secret through the SDK; returns its ARN. */
    default String createBinarySecret(String name, byte[] value, Map<String, String> tags) {
        return secretsManager()
                .createSecret(b ->
                        b.name(name).secretBinary(SdkBytes.fromByteArray(value)).tags(tags(tags)))
                .arn();
    }

    /** Adds a new AWSCURRENT version; returns its version id. */
    default String putSecretValue(String nameOrArn, String value) {
        return secretsManager()
                .putSecretValue(b -> b.secretId(nameOrArn).secretString(value))
                .versionId();
    }

    @Override
    void close();

    private static java.util.List<Tag> tags(Map<String, String> tags) {
        return tags.entrySet().stream()
                .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
                .toList();
    }
}
