package io.sluice.externalsecret;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.sluice.api.common.Condition;
import io.sluice.api.generators.ECRAuthorizationToken;
import io.sluice.api.generators.Password;
import io.sluice.api.v1.ExternalSecret;
import io.sluice.status.Conditions;
import io.sluice.testing.LogCapture;
import io.sluice.testing.aws.EmulatorResource;
import io.sluice.testing.aws.emulator.AwsEmulator;
import io.sluice.testing.aws.emulator.EcrState;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** ExternalSecrets fed by generators, end to end: the operator, a Kubernetes API, and ECR/STS in the emulator. */
@QuarkusTest
@Tag("slow")
@WithKubernetesTestServer(crud = true)
@QuarkusTestResource(EmulatorResource.class)
class ExternalSecretGeneratorsTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    KubernetesClient client;

    private final String ns = "gen-" + UUID.randomUUID().toString().substring(0, 8);

    /** ESO's generator manifest, with static keys. */
    private static final String ECR_GENERATOR = """
            apiVersion: generators.external-secrets.io/v1alpha1
            kind: ECRAuthorizationToken
            metadata:
              name: ecr-gen
            spec:
              region: us-east-1
              auth:
                secretRef:
                  accessKeyIDSecretRef:
                    name: aws-keys
                    key: access-key
                  secretAccessKeySecretRef:
                    name: aws-keys
                    key: secret-access-key
            """;

    /** The documented ECR pull-Secret ExternalSecret, as users copy it. */
    private static final String ECR_PULL_SECRET = """
            apiVersion: external-secrets.io/v1
            kind: ExternalSecret
            metadata:
              name: ecr-secret
            spec:
              refreshInterval: 1h
              target:
                name: ecr-secret
                template:
                  type: kubernetes.io/dockerconfigjson
                  data:
                    .dockerconfigjson: |
                      {
                        "auths": {
                          "{{ .proxy_endpoint }}": {
                            "username": "{{ .username }}",
                            "password": "{{ .password }}",
                            "auth": "{{ printf "%s:%s" .username .password | b64enc }}"
                          }
                        }
                      }
              dataFrom:
                - sourceRef:
                    generatorRef:
                      apiVersion: generators.external-secrets.io/v1alpha1
                      kind: ECRAuthorizationToken
                      name: ecr-gen
            """;

    private <T extends HasMetadata> T inNamespace(T resource) {
        resource.getMetadata().setNamespace(ns);
        return resource;
    }

    private void createKeys() {
        client.resource(new SecretBuilder()
                        .withMetadata(new ObjectMetaBuilder()
                                .withNamespace(ns)
                                .withName("aws-keys")
                                .build())
                        .withStringData(Map.of("access-key", "AKIDGENERATORS", "secret-access-key", "s3cret"))
                        .build())
                .create();
    }

    private String value(String secret, String key) {
        Secret s = client.secrets().inNamespace(ns).withName(secret).get();
        if (s == null || s.getData() == null || s.getData().get(key) == null) {
            return null;
        }
        return new String(Base64.getDecoder().decode(s.getData().get(key)), StandardCharsets.UTF_8);
    }

    private Condition ready(String name) {
        ExternalSecret es = client.resources(ExternalSecret.class)
                .inNamespace(ns)
                .withName(name)
                .get();
        return es == null || es.getStatus() == null ? null : Conditions.find(es.getStatus().conditions, "Ready");
    }

    @Test
    void esosEcrPullSecretManifestRendersAValidDockerConfigJsonAndNoTokenLeaks() throws Exception {
        AwsEmulator aws = EmulatorResource.emulator();
        createKeys();
        client.resource(inNamespace(Serialization.unmarshal(ECR_GENERATOR, ECRAuthorizationToken.class)))
                .create();
        try (LogCapture logs = LogCapture.start()) {
            client.resource(inNamespace(Serialization.unmarshal(ECR_PULL_SECRET, ExternalSecret.class)))
                    .create();

            await().atMost(WAIT).until(() -> value("ecr-secret", ".dockerconfigjson") != null);
            Secret secret =
                    client.secrets().inNamespace(ns).withName("ecr-secret").get();
            assertEquals("kubernetes.io/dockerconfigjson", secret.getType());
            assertEquals(Set.of(".dockerconfigjson"), secret.getData().keySet());
            EcrState.Token issued = aws.ecrTokens().stream()
                    .filter(t -> "AKIDGENERATORS".equals(t.callerAccessKey()))
                    .reduce((first, second) -> second)
                    .orElseThrow();
            JsonNode config = JSON.readTree(value("ecr-secret", ".dockerconfigjson"));
            JsonNode auths = config.path("auths");
            assertEquals(1, auths.size());
            JsonNode registry = auths.path("https://123456789012.dkr.ecr.us-east-1.amazonaws.com");
            assertEquals("AWS", registry.path("username").asText());
            assertEquals(issued.password(), registry.path("password").asText());
            // what the kubelet reads: base64 of user:password, the ECR authorization token itself
            assertEquals(issued.authorizationToken(), registry.path("auth").asText());
            await().atMost(WAIT).until(() -> ready("ecr-secret"), c -> c != null && "True".equals(c.status));

            String token = issued.password();
            logs.lines().forEach(line -> assertFalse(line.contains(token), line));
            client.v1()
                    .events()
                    .inNamespace(ns)
                    .list()
                    .getItems()
                    .forEach(e -> assertFalse(e.getMessage().contains(token), e.getMessage()));
            assertFalse(Serialization.asJson(client.resources(ExternalSecret.class)
                            .inNamespace(ns)
                            .withName("ecr-secret")
                            .get()
                            .getStatus())
                    .contains(token));
        }
    }

    @Test
    void aTokenIsRenewedBeforeItExpiresWhateverTheRefreshInterval() {
        AwsEmulator aws = EmulatorResource.emulator();
        createKeys();
        client.resource(inNamespace(Serialization.unmarshal(ECR_GENERATOR, ECRAuthorizationToken.class)))
                .create();
        aws.issueEcrTokensValidFor(Duration.ofSeconds(8));
        try {
            ExternalSecret es = inNamespace(Serialization.unmarshal(ECR_PULL_SECRET, ExternalSecret.class));
            es.getSpec().refreshInterval = "24h";
            client.resource(es).create();
            await().atMost(WAIT).until(() -> value("ecr-secret", ".dockerconfigjson") != null);
            String first = value("ecr-secret", ".dockerconfigjson");

            // renewed after three quarters of its 8 s; the 24 h interval alone would wait a day
            await().atMost(WAIT).until(() -> !first.equals(value("ecr-secret", ".dockerconfigjson")));
        } finally {
            aws.issueEcrTokensValidFor(Duration.ofHours(12));
        }
    }

    private static final String PASSWORD_GENERATOR = """
            apiVersion: generators.external-secrets.io/v1alpha1
            kind: Password
            metadata:
              name: db-password
            spec:
              length: 32
              symbols: 4
              symbolCharacters: "-_.!"
              allowRepeat: true
            """;

    private static ExternalSecret passwordSecret(String name, String refreshPolicy) {
        return Serialization.unmarshal("""
                apiVersion: external-secrets.io/v1
                kind: ExternalSecret
                metadata:
                  name: %1$s
                spec:
                  refreshPolicy: %2$s
                  refreshInterval: 1s
                  target:
                    name: %1$s
                  dataFrom:
                    - sourceRef:
                        generatorRef:
                          apiVersion: generators.external-secrets.io/v1alpha1
                          kind: Password
                          name: db-password
                """.formatted(name, refreshPolicy), ExternalSecret.class);
    }

    @Test
    void aPasswordIsGeneratedAgainAtEachRefreshUnlessCreatedOnce() {
        client.resource(inNamespace(Serialization.unmarshal(PASSWORD_GENERATOR, Password.class)))
                .create();
        client.resource(inNamespace(passwordSecret("kept", "CreatedOnce"))).create();
        client.resource(inNamespace(passwordSecret("rotating", "Periodic"))).create();

        await().atMost(WAIT).until(() -> value("kept", "password") != null);
        String kept = value("kept", "password");
        assertEquals(32, kept.length());
        Set<String> rotating = new HashSet<>();
        // positive control: under the same 1 s interval the Periodic one gets three new passwords
        await().atMost(WAIT).until(() -> {
            String current = value("rotating", "password");
            if (current != null) {
                rotating.add(current);
            }
            return rotating.size() >= 4;
        });
        assertEquals(kept, value("kept", "password"), "CreatedOnce keeps the first password");
        assertFalse(rotating.contains(kept));
    }

    @Test
    void anUnsupportedOrMissingGeneratorFailsTheSyncNamingTheEntry() {
        client.resource(inNamespace(Serialization.unmarshal("""
                apiVersion: external-secrets.io/v1
                kind: ExternalSecret
                metadata:
                  name: uuid
                spec:
                  refreshInterval: 1h
                  target:
                    name: uuid
                  dataFrom:
                    - sourceRef:
                        generatorRef:
                          apiVersion: generators.external-secrets.io/v1alpha1
                          kind: UUID
                          name: some-uuid
                    - sourceRef:
                        generatorRef:
                          kind: Password
                          name: absent
                """, ExternalSecret.class)))
                .create();

        Condition failed = await().atMost(WAIT).until(() -> ready("uuid"), c -> c != null && "False".equals(c.status));
        assertEquals("SecretSyncedError", failed.reason);
        assertTrue(
                failed.message.startsWith("error processing spec.dataFrom[0].sourceRef.generatorRef: generator kind "
                        + "UUID is not supported"),
                failed.message);
        assertEquals(null, client.secrets().inNamespace(ns).withName("uuid").get());
    }
}
