package io.sluice.externalsecret;

import static io.sluice.testing.Fixtures.entry;
import static io.sluice.testing.Fixtures.externalSecret;
import static io.sluice.testing.Fixtures.fakeStore;
import static io.sluice.testing.Fixtures.withData;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.sluice.api.common.Condition;
import io.sluice.api.v1.ExternalSecret;
import io.sluice.api.v1.SecretStore;
import io.sluice.kube.SecretData;
import io.sluice.kube.WellKnown;
import io.sluice.metrics.SyncMetrics;
import io.sluice.status.Conditions;
import io.sluice.testing.LogCapture;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@QuarkusTest
@Tag("slow")
@WithKubernetesTestServer(crud = true)
class ExternalSecretSyncTest {

    @Inject
    KubernetesClient client;

    @Inject
    SyncMetrics metrics;

    private final String ns = "t-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void syncsFakeDataIntoAnOwnedSecret() {
        client.resource(fakeStore(
                        ns, "fake", entry("db", "{\"user\":\"admin\",\"pass\":\"s3cr3t\"}"), entry("plain", "hello")))
                .create();
        ExternalSecret es = externalSecret(ns, "app", "fake", "1h");
        withData(es, "username", "db", "user");
        withData(es, "password", "db", "pass");
        withData(es, "greeting", "plain", null);
        client.resource(es).create();

        Secret secret = awaitSecret("app");
        Map<String, byte[]> data = SecretData.decode(secret);
        assertEquals("admin", text(data.get("username")));
        assertEquals("s3cr3t", text(data.get("password")));
        assertEquals("hello", text(data.get("greeting")));
        assertEquals(3, data.size());
        assertEquals("true", secret.getMetadata().getLabels().get(WellKnown.MANAGED_LABEL));
        assertNotNull(secret.getMetadata().getAnnotations().get(WellKnown.DATA_HASH_ANNOTATION));
        ExternalSecret current = client.resources(ExternalSecret.class)
                .inNamespace(ns)
                .withName("app")
                .get();
        assertEquals(
                current.getMetadata().getUid(),
                secret.getMetadata().getOwnerReferences().get(0).getUid());
        assertTrue(secret.getMetadata().getOwnerReferences().get(0).getController());

        Condition ready = awaitReady("app", "True");
        assertEquals("SecretSynced", ready.reason);
        assertEquals("secret synced", ready.message);
        ExternalSecret synced = client.resources(ExternalSecret.class)
                .inNamespace(ns)
                .withName("app")
                .get();
        assertEquals("app", synced.getStatus().binding.name);
        assertNotNull(synced.getStatus().refreshTime);
    }

    @Test
    void missingStoreReportsAClearConditionAndWritesNoSecret() {
        ExternalSecret es = externalSecret(ns, "orphan", "nowhere", "1h");
        withData(es, "k", "v", null);
        client.resource(es).create();

        Condition ready = awaitReady("orphan", "False");
        assertEquals("SecretSyncedError", ready.reason);
        assertTrue(ready.message.contains("SecretStore \"nowhere\""), ready.message);
        assertNull(client.secrets().inNamespace(ns).withName("orphan").get());
    }

    @Test
    void aRefreshWithUnchangedDataWritesNothing() {
        client.resource(fakeStore(ns, "fake", entry("token", "abc"))).create();
        client.resource(withData(externalSecret(ns, "steady", "fake", "1s"), "token", "token", null))
                .create();
        awaitReady("steady", "True");
        String secretVersion = awaitSecret("steady").getMetadata().getResourceVersion();
        String esVersion = client.resources(ExternalSecret.class)
                .inNamespace(ns)
                .withName("steady")
                .get()
                .getMetadata()
                .getResourceVersion();
        double syncsBefore = metrics.syncCount(ns, "steady");

        await().atMost(Duration.ofSeconds(20)).until(() -> metrics.syncCount(ns, "steady") >= syncsBefore + 3);

        assertEquals(
                secretVersion,
                client.secrets()
                        .inNamespace(ns)
                        .withName("steady")
                        .get()
                        .getMetadata()
                        .getResourceVersion(),
                "the Secret must not be rewritten by refreshes that change nothing");
        assertEquals(
                esVersion,
                client.resources(ExternalSecret.class)
                        .inNamespace(ns)
                        .withName("steady")
                        .get()
                        .getMetadata()
                        .getResourceVersion(),
                "the status must not be rewritten by refreshes that change nothing");
    }

    @Test
    void changedProviderDataUpdatesTheSecret() {
        client.resource(fakeStore(ns, "fake", entry("token", "v1"))).create();
        client.resource(withData(externalSecret(ns, "rotating", "fake", "1s"), "token", "token", null))
                .create();
        await().atMost(Duration.ofSeconds(20)).until(() -> "v1".equals(secretValue("rotating", "token")));

        SecretStore store = client.resources(SecretStore.class)
                .inNamespace(ns)
                .withName("fake")
                .get();
        store.getSpec().provider.fake.data = new java.util.ArrayList<>(java.util.List.of(entry("token", "v2")));
        io.sluice.testing.Fixtures.editSpec(client, store);

        await().atMost(Duration.ofSeconds(20)).until(() -> "v2".equals(secretValue("rotating", "token")));
    }

    @Test
    void aDeletedOrEditedSecretIsRepairedAtOnce() {
        client.resource(fakeStore(ns, "fake", entry("token", "good"))).create();
        client.resource(withData(externalSecret(ns, "guarded", "fake", "1h"), "token", "token", null))
                .create();
        await().atMost(Duration.ofSeconds(20)).until(() -> "good".equals(secretValue("guarded", "token")));

        Secret tampered = client.secrets().inNamespace(ns).withName("guarded").get();
        tampered.getData().put("token", java.util.Base64.getEncoder().encodeToString("evil".getBytes()));
        client.resource(tampered).update();
        await().atMost(Duration.ofSeconds(20)).until(() -> "good".equals(secretValue("guarded", "token")));

        client.secrets().inNamespace(ns).withName("guarded").delete();
        await().atMost(Duration.ofSeconds(20)).until(() -> "good".equals(secretValue("guarded", "token")));
    }

    @Test
    void secretValuesNeverReachStatusEventsOrLogs() {
        String marker = "MARKER-" + UUID.randomUUID();
        client.resource(fakeStore(ns, "fake", entry("json", "{\"a\":\"" + marker + "\"}"), entry("plain", marker)))
                .create();
        try (LogCapture logs = LogCapture.start()) {
            ExternalSecret es = externalSecret(ns, "leaky", "fake", "1h");
            withData(es, "missing", "json", "nope");
            client.resource(es).create();
            ExternalSecret decoding = externalSecret(ns, "leaky2", "fake", "1h");
            withData(decoding, "bad", "plain", null);
            decoding.getSpec().data.get(0).remoteRef.decodingStrategy =
                    io.sluice.api.v1.RemoteRef.DecodingStrategy.Base64;
            client.resource(decoding).create();

            Condition first = awaitReady("leaky", "False");
            Condition second = awaitReady("leaky2", "False");
            assertTrue(first.message.contains("key nope does not exist in secret json"), first.message);
            assertFalse(first.message.contains(marker));
            assertFalse(second.message.contains(marker), second.message);
            var events = client.v1().events().inNamespace(ns).list().getItems();
            assertFalse(events.isEmpty(), "failures are reported as events");
            events.forEach(e -> assertFalse(e.getMessage().contains(marker), e.getMessage()));
            assertTrue(
                    logs.lines().stream().anyMatch(l -> l.contains("sync failed") && l.contains("leaky")),
                    "the capture sees the failure log lines it checks");
            logs.lines().forEach(line -> assertFalse(line.contains(marker), line));
        }
    }

    private String secretValue(String name, String key) {
        Secret secret = client.secrets().inNamespace(ns).withName(name).get();
        if (secret == null || secret.getData() == null || secret.getData().get(key) == null) {
            return null;
        }
        return new String(java.util.Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
    }

    private Secret awaitSecret(String name) {
        return await().atMost(Duration.ofSeconds(20))
                .until(() -> client.secrets().inNamespace(ns).withName(name).get(), s -> s != null);
    }

    private Condition awaitReady(String name, String status) {
        return await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> {
                            ExternalSecret es = client.resources(ExternalSecret.class)
                                    .inNamespace(ns)
                                    .withName(name)
                                    .get();
                            return es == null || es.getStatus() == null
                                    ? null
                                    : Conditions.find(es.getStatus().conditions, "Ready");
                        },
                        c -> c != null && status.equals(c.status));
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
