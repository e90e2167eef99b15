package io.sluice.externalsecret;

import static io.sluice.testing.Fixtures.entry;
import static io.sluice.testing.Fixtures.externalSecret;
import static io.sluice.testing.Fixtures.fakeStore;
import static io.sluice.testing.Fixtures.withData;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.sluice.api.common.Condition;
import io.sluice.api.v1.ExternalSecret;
import io.sluice.kube.SecretData;
import io.sluice.kube.WellKnown;
import io.sluice.status.Conditions;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithKubernetesTestServer(crud = true)
class ExternalSecretSyncTest {

    @Inject
    KubernetesClient client;

    private final String ns = "t-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void syncsFakeDataIntoAnOwnedSecret() {
        client.resource(fakeStore(ns, "fake", entry("db", "{\"user\":\"admin\",\"pass\":\"s3cr3t\"}"),
                entry("plain", "hello"))).create();
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
        ExternalSecret current = client.resources(ExternalSecret.class).inNamespace(ns).withName("app").get();
        assertEquals(current.getMetadata().getUid(), secret.getMetadata().getOwnerReferences().get(0).getUid());
        assertTrue(secret.getMetadata().getOwnerReferences().get(0).getController());

        Condition ready = awaitReady("app", "True");
        assertEquals("SecretSynced", ready.reason);
        assertEquals("secret synced", ready.message);
        ExternalSecret synced = client.resources(ExternalSecret.class).inNamespace(ns).withName("app").get();
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

    private Secret awaitSecret(String name) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> client.secrets().inNamespace(ns).withName(name).get(),
                s -> s != null);
    }

    private Condition awaitReady(String name, String status) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> {
            ExternalSecret es = client.resources(ExternalSecret.class).inNamespace(ns).withName(name).get();
            return es == null || es.getStatus() == null ? null : Conditions.find(es.getStatus().conditions, "Ready");
        }, c -> c != null && status.equals(c.status));
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
