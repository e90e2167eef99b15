package io.sluice.externalsecret;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.sluice.api.common.Condition;
import io.sluice.api.v1.ExternalSecret;
import io.sluice.api.v1.FakeProvider;
import io.sluice.api.v1.SecretStore;
import io.sluice.kube.SecretData;
import io.sluice.status.Conditions;
import io.sluice.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** One random namespace of the test API server, with the reads and waits reconciler tests need. */
final class TestNamespace {
    static final Duration WAIT = Duration.ofSeconds(20);

    final KubernetesClient client;
    final String ns = "t-" + UUID.randomUUID().toString().substring(0, 8);

    TestNamespace(KubernetesClient client) {
        this.client = client;
    }

    ExternalSecret es(String name) {
        return client.resources(ExternalSecret.class)
                .inNamespace(ns)
                .withName(name)
                .get();
    }

    ExternalSecret editEs(String name, UnaryOperator<ExternalSecret> edit) {
        return Fixtures.editLatest(
                client.resources(ExternalSecret.class).inNamespace(ns).withName(name), edit);
    }

    Secret secret(String name) {
        return client.secrets().inNamespace(ns).withName(name).get();
    }

    /** The Secret's data as text; null when the Secret does not exist. */
    Map<String, String> data(String name) {
        Secret secret = secret(name);
        if (secret == null) {
            return null;
        }
        Map<String, String> result = new HashMap<>();
        SecretData.decode(secret).forEach((k, v) -> result.put(k, new String(v, StandardCharsets.UTF_8)));
        return result;
    }

    void setStoreData(String store, FakeProvider.Entry... entries) {
        Fixtures.editLatest(client.resources(SecretStore.class).inNamespace(ns).withName(store), s -> {
            s.getSpec().provider.fake.data = new ArrayList<>(List.of(entries));
            return s;
        });
    }

    Condition ready(String name) {
        ExternalSecret es = es(name);
        return es == null || es.getStatus() == null
                ? null
                : Conditions.find(es.getStatus().conditions, Conditions.READY);
    }

    Condition awaitReady(String name, String status) {
        return await().atMost(WAIT).until(() -> ready(name), c -> c != null && status.equals(c.status));
    }

    Condition awaitReady(String name, String status, String messagePart) {
        return await().atMost(WAIT)
                .until(
                        () -> ready(name),
                        c -> c != null
                                && status.equals(c.status)
                                && c.message != null
                                && c.message.contains(messagePart));
    }

    Map<String, String> awaitData(String name, Map<String, String> expected) {
        return await().atMost(WAIT).until(() -> data(name), expected::equals);
    }

    void awaitGone(String secretName) {
        await().atMost(WAIT).until(() -> secret(secretName) == null);
    }

    boolean hasEvent(String reason) {
        return client.v1().events().inNamespace(ns).list().getItems().stream()
                .anyMatch(e -> reason.equals(e.getReason()));
    }

    void deleteAllExternalSecrets() {
        client.resources(ExternalSecret.class).inNamespace(ns).delete();
    }
}
