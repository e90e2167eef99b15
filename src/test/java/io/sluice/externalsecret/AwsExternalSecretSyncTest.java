package io.sluice.externalsecret;

import static io.sluice.testing.Fixtures.externalSecret;
import static io.sluice.testing.Fixtures.withData;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.sluice.api.v1.ExternalSecret;
import io.sluice.api.v1.SecretStore;
import io.sluice.status.Conditions;
import io.sluice.testing.Fixtures;
import io.sluice.testing.aws.EmulatorResource;
import io.sluice.testing.aws.emulator.AwsEmulator;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** ExternalSecrets against a SecretStore of the AWS provider, talking HTTP to the in-JVM emulator. */
@QuarkusTest
@Tag("slow")
@WithKubernetesTestServer(crud = true)
@QuarkusTestResource(EmulatorResource.class)
class AwsExternalSecretSyncTest {

    @Inject
    KubernetesClient client;

    private final String ns = "aws-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void threeEntriesOnOneSecretCostOneGetSecretValue() {
        AwsEmulator aws = EmulatorResource.emulator();
        String remote = ns + "/db";
        aws.seedSecret(remote, "{\"user\":\"app\",\"pass\":\"p4ss\",\"host\":\"db.internal\"}", Map.of());
        createKeys("AKIDTEST1", "secret1");
        client.resource(awsStore("aws")).create();
        ExternalSecret es = externalSecret(ns, "db", "aws", "1h");
        withData(es, "user", remote, "user");
        withData(es, "pass", remote, "pass");
        withData(es, "host", remote, "host");
        int before = aws.calls("GetSecretValue");
        client.resource(es).create();

        await().atMost(Duration.ofSeconds(30)).until(() -> "db.internal".equals(value("db", "host")));
        assertEquals("app", value("db", "user"));
        assertEquals("p4ss", value("db", "pass"));
        int calls = aws.calls("GetSecretValue") - before;
        System.out.println(
                "[measure] AWS GetSecretValue calls for one sync of 3 data[] entries on one secret: " + calls);
        assertEquals(1, calls);
    }

    @Test
    void storesWithTheSameCredentialsShareReadsAcrossNamespacesButOthersDoNot() {
        AwsEmulator aws = EmulatorResource.emulator();
        String remote = ns + "/shared";
        aws.seedSecret(remote, "v4lue", Map.of());
        String teamA = ns + "-a";
        String teamB = ns + "-b";
        String teamC = ns + "-c";
        for (String team : new String[] {teamA, teamB, teamC}) {
            String accessKey = team.equals(teamC) ? "AKIDOTHER" : "AKIDSHARED";
            client.resource(new SecretBuilder()
                            .withMetadata(new ObjectMetaBuilder()
                                    .withNamespace(team)
                                    .withName("aws-keys")
                                    .build())
                            .withData(Map.of("access-key", b64(accessKey), "secret-access-key", b64("s3cret")))
                            .build())
                    .create();
            SecretStore store = awsStore("aws");
            store.getMetadata().setNamespace(team);
            client.resource(store).create();
        }
        int before = aws.calls("GetSecretValue");
        for (String team : new String[] {teamA, teamB}) {
            client.resource(withData(externalSecret(team, "app", "aws", "1h"), "v", remote, null))
                    .create();
            await().atMost(Duration.ofSeconds(30))
                    .until(() ->
                            client.secrets().inNamespace(team).withName("app").get() != null);
        }
        int shared = aws.calls("GetSecretValue") - before;
        client.resource(withData(externalSecret(teamC, "app", "aws", "1h"), "v", remote, null))
                .create();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> client.secrets().inNamespace(teamC).withName("app").get() != null);
        int total = aws.calls("GetSecretValue") - before;
        System.out.println("[measure] GetSecretValue for one remote secret read by ExternalSecrets in 2 namespaces"
                + " whose stores hold the same credentials: " + shared + "; plus a third with other credentials: "
                + total);
        assertEquals(1, shared, "same credentials, same reads");
        assertEquals(2, total, "a read is never served to a store with other credentials");
    }

    @Test
    void rotatedKeysReachTheStoreAndItsExternalSecretsAtOnce() {
        AwsEmulator aws = EmulatorResource.emulator();
        String remote = ns + "/token";
        aws.seedSecret(remote, "t0k3n", Map.of());
        aws.restrictAccessTo("AKIDGOOD");
        try {
            createKeys("AKIDREVOKED", "old");
            client.resource(awsStore("rotating")).create();
            client.resource(withData(externalSecret(ns, "token", "rotating", "1h"), "token", remote, null))
                    .create();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                SecretStore store = client.resources(SecretStore.class)
                        .inNamespace(ns)
                        .withName("rotating")
                        .get();
                return store.getStatus() != null && !Conditions.isTrue(store.getStatus().conditions, "Ready");
            });
            var reason = Conditions.find(
                    client.resources(SecretStore.class)
                            .inNamespace(ns)
                            .withName("rotating")
                            .get()
                            .getStatus()
                            .conditions,
                    "Ready");
            assertEquals("InvalidProviderConfig", reason.reason);
            assertTrue(!reason.message.contains("old"), "no credentials in status: " + reason.message);

            long rotatedAt = System.nanoTime();
            Secret keys = client.secrets().inNamespace(ns).withName("aws-keys").get();
            keys.setData(Map.of("access-key", b64("AKIDGOOD"), "secret-access-key", b64("new")));
            client.resource(keys).update();

            await().atMost(Duration.ofSeconds(30)).until(() -> "t0k3n".equals(value("token", "token")));
            System.out.printf(
                    "[measure] rotated credentials to synced Secret: %d ms (store revalidation period 5m)%n",
                    (System.nanoTime() - rotatedAt) / 1_000_000);
        } finally {
            aws.allowAllAccess();
        }
    }

    private void createKeys(String accessKey, String secretKey) {
        client.resource(new SecretBuilder()
                        .withMetadata(new ObjectMetaBuilder()
                                .withNamespace(ns)
                                .withName("aws-keys")
                                .build())
                        .withData(Map.of("access-key", b64(accessKey), "secret-access-key", b64(secretKey)))
                        .build())
                .create();
    }

    private SecretStore awsStore(String name) {
        return Fixtures.awsStore(ns, name);
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
