package io.sluice.dev;

import io.quarkus.arc.profile.IfBuildProfile;
import io.sluice.testing.aws.emulator.AwsEmulator;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
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
    private static final Logger LOG = Logger.getLogger(DevAwsBackend.class);
    /** Any key works against LocalStack and the emulator; examples/dev holds the same pair. */
    private static final AwsBasicCredentials DEMO_KEYS = AwsBasicCredentials.create("dev-access-key", "dev-secret-key");

    private final Optional<URI> devServiceEndpoint;
    private AwsEmulator emulator;

    DevAwsBackend(@ConfigProperty(name = "quarkus.secretsmanager.endpoint-override") Optional<URI> devServiceEndpoint) {
        this.devServiceEndpoint = devServiceEndpoint;
    }

    /** Starts the emulator unless LocalStack runs, makes it the SDK's default endpoint and seeds the demo secret. */
    synchronized URI start(String secretName, String secretValue) {
        URI endpoint = devServiceEndpoint.orElseGet(() -> {
            emulator = AwsEmulator.start();
            LOG.infof("No LocalStack Dev Service (Docker): dev mode's AWS Secrets Manager and STS are the in-JVM emulator at %s",
                    emulator.endpoint());
            return emulator.endpoint();
        });
        System.setProperty("aws.endpointUrlSecretsManager", endpoint.toString());
        System.setProperty("aws.endpointUrlSts", endpoint.toString());
        seed(endpoint, secretName, secretValue);
        return endpoint;
    }

    private static void seed(URI endpoint, String secretName, String secretValue) {
        try (SecretsManagerClient client = SecretsManagerClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(DEMO_KEYS))
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            client.createSecret(b -> b.name(secretName).secretString(secretValue));
        } catch (ResourceExistsException e) {
            // seeded by an earlier start of dev mode against the same LocalStack
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (emulator != null) {
            emulator.close();
        }
    }
}
