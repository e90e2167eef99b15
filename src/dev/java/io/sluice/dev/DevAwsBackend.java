package io.sluice.dev;

import io.quarkus.arc.profile.IfBuildProfile;
import io.sluice.testing.aws.emulator.AwsEmulator;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;

/**
 * Dev mode's AWS Secrets Manager and STS: LocalStack when Dev Services started it (Docker), otherwise the
 * in-JVM emulator. Sluice's store clients reach it through the AWS SDK's endpoint system properties, which
 * apply whenever {@code sluice.aws.*-endpoint} is not set.
 */
@Singleton
@IfBuildProfile("dev")
public class DevAwsBackend {
    /** Read by the AWS SDK's endpoint resolution when a client has no endpoint override. */
    private static final String SECRETS_MANAGER_ENDPOINT_PROPERTY = "aws.endpointUrlSecretsManager";

    private static final String STS_ENDPOINT_PROPERTY = "aws.endpointUrlSts";
    /** The emulator this dev-mode JVM started, found again after a live reload (which reloads this class). */
    private static final String RUNNING_EMULATOR_PROPERTY = "io.sluice.dev.aws-emulator";
    /** Any key works against LocalStack and the emulator; examples/dev holds the same pair. */
    private static final AwsBasicCredentials DEMO_KEYS = AwsBasicCredentials.create("dev-access-key", "dev-secret-key");

    /** Where the stores' AWS clients go; emulated when it is the in-JVM emulator. */
    public record Endpoint(URI uri, boolean emulated) {}

    private final Optional<URI> localStack;
    private Endpoint endpoint;

    DevAwsBackend(@ConfigProperty(name = "quarkus.secretsmanager.endpoint-override") Optional<URI> localStack) {
        this.localStack = localStack;
    }

    /**
     * LocalStack when it runs, otherwise the emulator: started once per dev-mode JVM and kept across live reloads
     * (its threads are daemons), so the secrets seeded or added by a developer survive a reload.
     */
    synchronized Endpoint endpoint() {
        if (endpoint == null) {
            endpoint = localStack.map(uri -> new Endpoint(uri, false)).orElseGet(DevAwsBackend::emulator);
            System.setProperty(SECRETS_MANAGER_ENDPOINT_PROPERTY, endpoint.uri().toString());
            System.setProperty(STS_ENDPOINT_PROPERTY, endpoint.uri().toString());
        }
        return endpoint;
    }

    private static Endpoint emulator() {
        String running = System.getProperty(RUNNING_EMULATOR_PROPERTY);
        if (running == null) {
            running = AwsEmulator.start().endpoint().toString();
            System.setProperty(RUNNING_EMULATOR_PROPERTY, running);
        }
        return new Endpoint(URI.create(running), true);
    }

    /** Creates the secret unless it exists (seeded by an earlier start against the same backend). */
    void seed(String secretName, String secretValue) {
        try (SecretsManagerClient client = SecretsManagerClient.builder()
                .endpointOverride(endpoint().uri())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(DEMO_KEYS))
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            client.createSecret(b -> b.name(secretName).secretString(secretValue));
        } catch (ResourceExistsException e) {
            // seeded before this live reload, or by an earlier dev-mode run against the same LocalStack
        }
    }
}
