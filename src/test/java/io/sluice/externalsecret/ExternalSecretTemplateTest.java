package io.sluice.externalsecret;

import static io.sluice.testing.Fixtures.entry;
import static io.sluice.testing.Fixtures.externalSecret;
import static io.sluice.testing.Fixtures.fakeStore;
import static io.sluice.testing.Fixtures.withData;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.sluice.api.common.Condition;
import io.sluice.api.v1.ExternalSecret;
import io.sluice.api.v1.ExternalSecretTarget;
import io.sluice.api.v1.ExternalSecretTemplate;
import io.sluice.api.v1.TemplateMetadata;
import io.sluice.status.Conditions;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Secret templates through the reconciler: Qute, ESO's Go templates, and failures that leave the Secret alone. */
@QuarkusTest
@Tag("slow")
@WithKubernetesTestServer(crud = true)
class ExternalSecretTemplateTest {

    @Inject
    KubernetesClient client;

    private final String ns = "tpl-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void esoGoTemplateBuildsADockerConfigSecret() {
        client.resource(fakeStore(
                        ns,
                        "fake",
                        entry("registry", "{\"host\":\"r.example\",\"user\":\"robot\",\"pass\":\"hunter2\"}")))
                .create();
        ExternalSecret es = externalSecret(ns, "pull", "fake", "1h");
        withData(es, "host", "registry", "host");
        withData(es, "user", "registry", "user");
        withData(es, "password", "registry", "pass");
        es.getSpec().target = new ExternalSecretTarget();
        es.getSpec().target.template = new ExternalSecretTemplate();
        es.getSpec().target.template.type = "kubernetes.io/dockerconfigjson";
        es.getSpec().target.template.metadata = new TemplateMetadata();
        es.getSpec().target.template.metadata.labels = Map.of("registry", "{{ .host }}");
        es.getSpec().target.template.data = Map.of(
                ".dockerconfigjson",
                "{\"auths\":{\"{{ .host }}\":{\"auth\":\"{{ printf \"%s:%s\" .user .password | b64enc }}\"}}}");
        client.resource(es).create();

        Secret secret = await().atMost(Duration.ofSeconds(20))
                .until(() -> client.secrets().inNamespace(ns).withName("pull").get(), s -> s != null);
        assertEquals("kubernetes.io/dockerconfigjson", secret.getType());
        assertEquals("r.example", secret.getMetadata().getLabels().get("registry"));
        assertEquals(
                "{\"auths\":{\"r.example\":{\"auth\":\""
                        + Base64.getEncoder().encodeToString("robot:hunter2".getBytes(StandardCharsets.UTF_8))
                        + "\"}}}",
                value(secret, ".dockerconfigjson"));
        assertEquals(1, secret.getData().size(), "Replace: only the rendered keys");
    }

    @Test
    void aBrokenTemplateLeavesTheExistingSecretUntouched() {
        client.resource(fakeStore(ns, "fake", entry("db", "{\"user\":\"app\"}")))
                .create();
        ExternalSecret es = externalSecret(ns, "conn", "fake", "1h");
        withData(es, "user", "db", "user");
        es.getSpec().target = new ExternalSecretTarget();
        es.getSpec().target.template = new ExternalSecretTemplate();
        es.getSpec().target.template.data = Map.of("url", "postgres://{user}@db:5432/app");
        client.resource(es).create();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            Secret s = client.secrets().inNamespace(ns).withName("conn").get();
            return s != null && "postgres://app@db:5432/app".equals(value(s, "url"));
        });
        String version = client.secrets()
                .inNamespace(ns)
                .withName("conn")
                .get()
                .getMetadata()
                .getResourceVersion();

        ExternalSecret current = client.resources(ExternalSecret.class)
                .inNamespace(ns)
                .withName("conn")
                .get();
        current.getSpec().target.template.data = Map.of("url", "postgres://{user}@{hostname}:5432/app");
        io.sluice.testing.Fixtures.editSpec(client, current);

        Condition ready = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> Conditions.find(
                                client.resources(ExternalSecret.class)
                                        .inNamespace(ns)
                                        .withName("conn")
                                        .get()
                                        .getStatus()
                                        .conditions,
                                "Ready"),
                        c -> "False".equals(c.status));
        assertEquals("SecretSyncedError", ready.reason);
        assertTrue(ready.message.contains("TemplateKeyNotFound") && ready.message.contains("data[url]"), ready.message);
        assertFalse(ready.message.contains("postgres://app"), "no rendered value in the status");
        assertEquals(
                version,
                client.secrets()
                        .inNamespace(ns)
                        .withName("conn")
                        .get()
                        .getMetadata()
                        .getResourceVersion());
        assertTrue(client.v1().events().inNamespace(ns).list().getItems().stream()
                .anyMatch(e ->
                        "UpdateFailed".equals(e.getReason()) && e.getMessage().contains("data[url]")));
    }

    @Test
    @DisplayName("Hostile templates give Ready=False with the bound, keep the Secret, and stop nobody else")
    void hostileTemplatesAreBoundedPerExternalSecret() {
        client.resource(fakeStore(ns, "fake", entry("db", "{\"user\":\"app\"}")))
                .create();
        ExternalSecret es = externalSecret(ns, "victim", "fake", "1h");
        withData(es, "user", "db", "user");
        es.getSpec().target = new ExternalSecretTarget();
        es.getSpec().target.template = new ExternalSecretTemplate();
        es.getSpec().target.template.data = Map.of("user", "{{ .user }}");
        client.resource(es).create();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            Secret s = client.secrets().inNamespace(ns).withName("victim").get();
            return s != null && "app".equals(value(s, "user"));
        });
        String version = client.secrets()
                .inNamespace(ns)
                .withName("victim")
                .get()
                .getMetadata()
                .getResourceVersion();

        // 20,000 nested ifs overflowed the stack inside JOSDK: no condition, never reconciled again
        setTemplate("victim", "{{ if .user }}".repeat(20_000) + "{{ .user }}" + "{{ end }}".repeat(20_000));
        Condition nested = awaitNotReady("victim");
        assertTrue(
                nested.message.contains("TemplateLimitExceeded")
                        && nested.message.contains("data[user]")
                        && nested.message.contains("nested more than 100 levels"),
                nested.message);
        assertEquals(
                version,
                client.secrets()
                        .inNamespace(ns)
                        .withName("victim")
                        .get()
                        .getMetadata()
                        .getResourceVersion());

        // two indents of 400 MB each grew the operator to 7.5 GB on a real cluster
        ExternalSecret bomb = externalSecret(ns, "bomb", "fake", "1h");
        withData(bomb, "user", "db", "user");
        bomb.getSpec().target = new ExternalSecretTarget();
        bomb.getSpec().target.template = new ExternalSecretTemplate();
        bomb.getSpec().target.template.data =
                Map.of("user", "{{ .user | indent 400000000 }}{{ .user | indent 400000000 }}");
        client.resource(bomb).create();
        Condition indent = awaitNotReady("bomb");
        assertTrue(
                indent.message.contains("TemplateLimitExceeded") && indent.message.contains("function indent"),
                indent.message);
        assertEquals(null, client.secrets().inNamespace(ns).withName("bomb").get());

        // positive controls: a neighbour created afterwards syncs, and the hostile one recovers when fixed
        ExternalSecret neighbour = externalSecret(ns, "neighbour", "fake", "1h");
        withData(neighbour, "user", "db", "user");
        client.resource(neighbour).create();
        await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> client.secrets()
                                .inNamespace(ns)
                                .withName("neighbour")
                                .get(),
                        s -> s != null && "app".equals(value(s, "user")));
        setTemplate("victim", "{{ .user | upper }}");
        await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> client.secrets()
                                .inNamespace(ns)
                                .withName("victim")
                                .get(),
                        s -> "APP".equals(value(s, "user")));
    }

    @Test
    @DisplayName(
            "When templateFrom targets 'labels' in lower case, then it syncs; when it gives a token Secret the service account annotation, then nothing is written")
    void templateFromTargetInAnyCaseAndTheServiceAccountTokenRule() {
        client.resource(fakeStore(ns, "fake", entry("db", "{\"user\":\"app\"}")))
                .create();
        createFromYaml("""
                apiVersion: external-secrets.io/v1
                kind: ExternalSecret
                metadata: {name: lower, namespace: %s}
                spec:
                  refreshInterval: 1h
                  secretStoreRef: {name: fake, kind: SecretStore}
                  data: [{secretKey: user, remoteRef: {key: db, property: user}}]
                  target:
                    template:
                      templateFrom:
                      - target: labels
                        literal: "team: {{ .user }}"
                """.formatted(ns));
        Secret lower = await().atMost(Duration.ofSeconds(20))
                .until(() -> client.secrets().inNamespace(ns).withName("lower").get(), s -> s != null);
        assertEquals("app", lower.getMetadata().getLabels().get("team"));

        createFromYaml("""
                apiVersion: external-secrets.io/v1
                kind: ExternalSecret
                metadata: {name: token, namespace: %s}
                spec:
                  refreshInterval: 1h
                  secretStoreRef: {name: fake, kind: SecretStore}
                  data: [{secretKey: user, remoteRef: {key: db, property: user}}]
                  target:
                    template:
                      type: kubernetes.io/service-account-token
                      templateFrom:
                      - target: Annotations
                        literal: "kubernetes.io/service-account.name: {{ .user }}"
                """.formatted(ns));
        Condition refused = awaitNotReady("token");
        assertTrue(
                refused.message.contains("TemplateOutputError")
                        && refused.message.contains("must not set the service account annotation"),
                refused.message);
        assertEquals(null, client.secrets().inNamespace(ns).withName("token").get());
    }

    private void createFromYaml(String yaml) {
        client.resource(client.getKubernetesSerialization()
                        .unmarshal(yaml, io.fabric8.kubernetes.api.model.GenericKubernetesResource.class))
                .create();
    }

    /** Retries on a conflict: the operator writes the status of the resource meanwhile. */
    private void setTemplate(String name, String template) {
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> {
            ExternalSecret current = client.resources(ExternalSecret.class)
                    .inNamespace(ns)
                    .withName(name)
                    .get();
            current.getSpec().target.template.data = Map.of("user", template);
            io.sluice.testing.Fixtures.editSpec(client, current);
            return true;
        });
    }

    private Condition awaitNotReady(String name) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> {
                            ExternalSecret current = client.resources(ExternalSecret.class)
                                    .inNamespace(ns)
                                    .withName(name)
                                    .get();
                            return current.getStatus() == null
                                    ? null
                                    : Conditions.find(current.getStatus().conditions, "Ready");
                        },
                        c -> c != null && "False".equals(c.status));
    }

    private static String value(Secret secret, String key) {
        return new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
    }
}
