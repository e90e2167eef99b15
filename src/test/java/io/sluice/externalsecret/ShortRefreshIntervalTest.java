package io.sluice.externalsecret;

import static io.sluice.testing.Fixtures.externalSecret;
import static io.sluice.testing.Fixtures.withData;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.sluice.api.common.Condition;
import io.sluice.api.v1.ExternalSecret;
import io.sluice.api.v1.ExternalSecretTarget;
import io.sluice.api.v1.ExternalSecretTarget.DeletionPolicy;
import io.sluice.api.v1.SecretStore;
import io.sluice.testing.Fixtures;
import io.sluice.testing.aws.EmulatorResource;
import io.sluice.testing.aws.SdkClients;
import io.sluice.testing.aws.emulator.AwsEmulator;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * ExternalSecrets with intervals of a few seconds see every remote change at their next refreshes, although
 * {@code sluice.fetch.shared-read-window} keeps its 60 s default: a shared read is never older than the
 * reader's own refresh interval allows. The remote side changes through the real Secrets Manager API.
 */
@QuarkusTest
@Tag("slow")
@WithKubernetesTestServer(crud = true)
@QuarkusTestResource(EmulatorResource.class)
class ShortRefreshIntervalTest {

    /** A few 2 s intervals (each stretched by up to 10 % jitter), far below the 60 s sharing window. */
    private static final Duration A_FEW_INTERVALS = Duration.ofSeconds(10);

    @Inject
    KubernetesClient client;

    private TestNamespace t;
    private SecretsManagerClient aws;
    private String remote;

    @BeforeEach
    void store() {
        t = new TestNamespace(client);
        remote = t.ns + "/token";
        emulator().seedSecret(remote, "v1", Map.of());
        client.resource(new SecretBuilder()
                        .withMetadata(new ObjectMetaBuilder()
                                .withNamespace(t.ns)
                                .withName("aws-keys")
                                .build())
                        .withData(Map.of("access-key", b64("AKIDSHORT"), "secret-access-key", b64("s3cret")))
                        .build())
                .create();
        client.resource(awsStore("aws")).create();
        aws = SdkClients.secretsManager(
                emulator().endpoint(),
                Region.of(AwsEmulator.DEFAULT_REGION),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDSHORT", "s3cret")));
    }

    @AfterEach
    void cleanUp() {
        emulator().clearFaults();
        t.deleteAllExternalSecrets();
        aws.close();
    }

    @Test
    void aChangedRemoteValueReachesTheSecretWithinAFewIntervals() {
        client.resource(es("app", "2s")).create();
        t.awaitData("app", Map.of("token", "v1"));

        aws.putSecretValue(r -> r.secretId(remote).secretString("v2"));

        await().atMost(A_FEW_INTERVALS).until(() -> t.data("app"), Map.of("token", "v2")::equals);
    }

    @Test
    void aRemoteDeletionDeletesTheSecretUnderDeletionPolicyDelete() {
        ExternalSecret es = es("app", "2s");
        es.getSpec().target = new ExternalSecretTarget();
        es.getSpec().target.deletionPolicy = DeletionPolicy.Delete;
        client.resource(es).create();
        t.awaitData("app", Map.of("token", "v1"));

        aws.deleteSecret(r -> r.secretId(remote));

        await().atMost(A_FEW_INTERVALS).until(() -> t.secret("app") == null);
    }

    @Test
    void anOutageTurnsReadyFalseWithinAFewIntervalsAndTrueAgainWhenItEnds() {
        client.resource(es("app", "2s")).create();
        t.awaitReady("app", "True");

        emulator().failNext("GetSecretValue", 10_000, "ServiceUnavailable", 503);

        Condition down = await().atMost(A_FEW_INTERVALS).until(() -> t.ready("app"), c -> "False".equals(c.status));
        assertEquals("SecretSyncedError", down.reason);

        emulator().clearFaults();
        t.awaitReady("app", "True");
        assertEquals(Map.of("token", "v1"), t.data("app"), "the Secret kept its value through the outage");
    }

    private ExternalSecret es(String name, String refreshInterval) {
        return withData(externalSecret(t.ns, name, "aws", refreshInterval), "token", remote, null);
    }

    private SecretStore awsStore(String name) {
        return Fixtures.awsStore(t.ns, name);
    }

    private static AwsEmulator emulator() {
        return EmulatorResource.emulator();
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
