package io.sluice.externalsecret;

import static io.sluice.testing.Fixtures.externalSecret;
import static io.sluice.testing.Fixtures.withData;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.sluice.api.v1.AwsProvider;
import io.sluice.api.v1.ExternalSecret;
import io.sluice.api.v1.SecretStore;
import io.sluice.api.v1alpha1.PushSecret;
import io.sluice.api.v1alpha1.PushSecretData;
import io.sluice.api.v1alpha1.PushSecretMatch;
import io.sluice.api.v1alpha1.PushSecretRemoteRef;
import io.sluice.api.v1alpha1.PushSecretSelector;
import io.sluice.api.v1alpha1.PushSecretSpec;
import io.sluice.api.v1alpha1.PushSecretStoreRef;
import io.sluice.testing.Fixtures;
import io.sluice.testing.aws.EmulatorResource;
import io.sluice.testing.aws.SdkClients;
import io.sluice.testing.aws.emulator.AwsEmulator;
import io.sluice.testing.aws.emulator.ParameterRecord;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * {@code service: ParameterStore} end to end: the operator's reconcilers, the mock Kubernetes API and the in-JVM
 * emulator's Parameter Store over HTTP. An ExternalSecret with many entries syncs in GetParameters batches, and a
 * PushSecret with deletionPolicy Delete creates its parameter and deletes it with the PushSecret.
 */
@QuarkusTest
@Tag("slow")
@WithKubernetesTestServer(crud = true)
@QuarkusTestResource(EmulatorResource.class)
class ParameterStoreEndToEndTest {

    @Inject
    KubernetesClient client;

    private final String ns = "ssm-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void twelveEntriesSyncInTwoGetParametersCalls() {
        AwsEmulator aws = EmulatorResource.emulator();
        try (SsmClient ssm = seedingClient(aws)) {
            for (int i = 0; i < 12; i++) {
                int n = i;
                ssm.putParameter(
                        b -> b.name("/" + ns + "/p" + n).value("value-" + n).type(ParameterType.SECURE_STRING));
            }
        }
        createKeys();
        client.resource(parameterStore("ssm")).create();
        ExternalSecret es = externalSecret(ns, "params", "ssm", "1h");
        for (int i = 0; i < 12; i++) {
            withData(es, "k" + i, "/" + ns + "/p" + i, null);
        }
        int batchesBefore = aws.calls("GetParameters");
        int singlesBefore = aws.calls("GetParameter");
        client.resource(es).create();

        await().atMost(Duration.ofSeconds(30)).until(() -> "value-11".equals(value("params", "k11")));
        assertEquals("value-0", value("params", "k0"));
        int batches = aws.calls("GetParameters") - batchesBefore;
        int singles = aws.calls("GetParameter") - singlesBefore;
        System.out.println("[measure] Parameter Store calls for one sync of 12 data[] entries: GetParameters=" + batches
                + ", GetParameter=" + singles);
        assertEquals(2, batches);
        assertEquals(0, singles);
    }

    @Test
    void aPushSecretCreatesAManagedParameterAndDeletesItWithThePushSecret() {
        AwsEmulator aws = EmulatorResource.emulator();
        String remote = "/" + ns + "/pushed";
        createKeys();
        client.resource(parameterStore("ssm")).create();
        client.resource(new SecretBuilder()
                        .withMetadata(new ObjectMetaBuilder()
                                .withNamespace(ns)
                                .withName("src")
                                .build())
                        .withData(Map.of("token", b64("t0k3n")))
                        .build())
                .create();
        PushSecret ps = pushSecret(remote);
        client.resource(ps).create();

        await().atMost(Duration.ofSeconds(30))
                .until(() -> parameter(aws, remote).isPresent());
        ParameterRecord pushed = parameter(aws, remote).orElseThrow();
        assertEquals("t0k3n", pushed.latest().value());
        assertEquals("external-secrets", pushed.tags().get("managed-by"));

        client.resource(ps).delete();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> parameter(aws, remote).isEmpty());
    }

    private static Optional<ParameterRecord> parameter(AwsEmulator aws, String name) {
        return aws.parameters(AwsEmulator.DEFAULT_REGION).find(name);
    }

    private static SsmClient seedingClient(AwsEmulator aws) {
        return SdkClients.ssm(
                aws.endpoint(),
                Region.of(AwsEmulator.DEFAULT_REGION),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDSEED", "seed")));
    }

    private PushSecret pushSecret(String remoteKey) {
        PushSecret ps = new PushSecret();
        ps.setMetadata(
                new ObjectMetaBuilder().withNamespace(ns).withName("push").build());
        PushSecretSpec spec = new PushSecretSpec();
        spec.refreshInterval = "1h";
        spec.deletionPolicy = PushSecretSpec.DeletionPolicy.Delete;
        PushSecretStoreRef ref = new PushSecretStoreRef();
        ref.name = "ssm";
        spec.secretStoreRefs = new ArrayList<>(List.of(ref));
        spec.selector = new PushSecretSelector();
        spec.selector.secret = new PushSecretSelector.SecretSource();
        spec.selector.secret.name = "src";
        PushSecretData data = new PushSecretData();
        data.match = new PushSecretMatch();
        data.match.secretKey = "token";
        data.match.remoteRef = new PushSecretRemoteRef();
        data.match.remoteRef.remoteKey = remoteKey;
        spec.data = new ArrayList<>(List.of(data));
        ps.setSpec(spec);
        return ps;
    }

    private SecretStore parameterStore(String name) {
        SecretStore store = Fixtures.awsStore(ns, name);
        store.getSpec().provider.aws.service = AwsProvider.Service.ParameterStore;
        return store;
    }

    private void createKeys() {
        client.resource(new SecretBuilder()
                        .withMetadata(new ObjectMetaBuilder()
                                .withNamespace(ns)
                                .withName("aws-keys")
                                .build())
                        .withData(Map.of("access-key", b64("AKIDSSM"), "secret-access-key", b64("s3cret")))
                        .build())
                .create();
    }

    private String value(String secret, String key) {
        Secret s = client.secrets().inNamespace(ns).withName(secret).get();
        return s == null || s.getData() == null || !s.getData().containsKey(key)
                ? null
                : new String(Base64.getDecoder().decode(s.getData().get(key)), StandardCharsets.UTF_8);
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
