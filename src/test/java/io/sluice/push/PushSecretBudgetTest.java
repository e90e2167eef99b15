package io.sluice.push;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.sluice.api.v1.SecretStore;
import io.sluice.api.v1alpha1.PushSecret;
import io.sluice.api.v1alpha1.PushSecretData;
import io.sluice.api.v1alpha1.PushSecretMatch;
import io.sluice.api.v1alpha1.PushSecretRemoteRef;
import io.sluice.api.v1alpha1.PushSecretSelector;
import io.sluice.api.v1alpha1.PushSecretSpec;
import io.sluice.api.v1alpha1.PushSecretStoreRef;
import io.sluice.testing.Fixtures;
import io.sluice.testing.SmallReconcileBudget;
import io.sluice.testing.aws.EmulatorResource;
import io.sluice.testing.aws.SdkClients;
import io.sluice.testing.aws.emulator.AwsEmulator;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * A source Secret that another writer changes without pause: every change is watched and would be pushed at once,
 * so without a bound Sluice writes a new remote version per change. Pushes of one PushSecret stay within
 * sluice.kubernetes.max-reconciles-per-minute, counted as versions in the Secrets Manager emulator.
 */
@Tag("slow")
@QuarkusTest
@WithKubernetesTestServer(crud = true)
@QuarkusTestResource(EmulatorResource.class)
@TestProfile(SmallReconcileBudget.class)
class PushSecretBudgetTest {
    private static final int BUDGET = SmallReconcileBudget.BUDGET;

    @Inject
    KubernetesClient client;

    @Inject
    PushSecretReconciler reconciler;

    private final String ns = "pb-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aSourceChangingWithoutPauseGetsAtMostTheBudgetOfPushesPerMinute() throws Exception {
        String remote = ns + "/churn";
        client.resource(new SecretBuilder()
                        .withMetadata(new ObjectMetaBuilder()
                                .withNamespace(ns)
                                .withName("aws-keys")
                                .build())
                        .withData(Map.of("access-key", b64("AKIDBUDGET"), "secret-access-key", b64("s3cret")))
                        .build())
                .create();
        client.resource(awsStore()).create();
        source("v0");
        client.resource(pushSecret(remote)).create();
        ResourceID id = new ResourceID("churn", ns);
        try (SecretsManagerClient aws = SdkClients.secretsManager(
                EmulatorResource.emulator().endpoint(),
                Region.of(AwsEmulator.DEFAULT_REGION),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDBUDGET", "s3cret")))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> versions(aws, remote) == 1);
            long start = System.nanoTime();

            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger changes = new AtomicInteger();
            Thread rival = new Thread(
                    () -> {
                        while (!stop.get()) {
                            try {
                                source("v" + changes.incrementAndGet());
                                Thread.sleep(50);
                            } catch (KubernetesClientException e) {
                                // a conflict: write again
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    },
                    "source-churn");
            rival.start();
            try {
                // barrier: the budget is spent and several pushes were refused since, or (without a budget) the
                // source changed far more often than the budget allows pushes
                await().atMost(Duration.ofSeconds(50))
                        .until(() -> reconciler.postponedByBudget(id) >= 5 || changes.get() >= 150);
            } finally {
                stop.set(true);
                rival.join(10_000);
            }
            int versions = versions(aws, remote);
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;
            System.out.printf(
                    "[measure] source churn for %d ms: %d source changes, %d remote versions (budget %d per"
                            + " minute), %d pushes postponed%n",
                    elapsedMs, changes.get(), versions, BUDGET, reconciler.postponedByBudget(id));
            assertTrue(versions >= 3, "the churn reached Secrets Manager: " + versions);
            long minutes = elapsedMs / 60_000 + 1;
            // the first version was written before the churn, in the same sliding minute
            assertTrue(versions <= BUDGET * minutes, "remote versions: " + versions);
        }
    }

    private static int versions(SecretsManagerClient aws, String remote) {
        try {
            return aws.listSecretVersionIds(r -> r.secretId(remote).includeDeprecated(true))
                    .versions()
                    .size();
        } catch (software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException e) {
            return 0;
        }
    }

    private void source(String value) {
        client.resource(new SecretBuilder()
                        .withMetadata(new ObjectMetaBuilder()
                                .withNamespace(ns)
                                .withName("src")
                                .build())
                        .withData(Map.of("token", b64(value)))
                        .build())
                .createOr(existing -> existing.update());
    }

    private PushSecret pushSecret(String remoteKey) {
        PushSecret ps = new PushSecret();
        ps.setMetadata(
                new ObjectMetaBuilder().withNamespace(ns).withName("churn").build());
        PushSecretSpec spec = new PushSecretSpec();
        spec.refreshInterval = "1h";
        PushSecretStoreRef ref = new PushSecretStoreRef();
        ref.name = "aws";
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

    private SecretStore awsStore() {
        return Fixtures.awsStore(ns, "aws");
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
