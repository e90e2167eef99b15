package io.sluice.provider.aws;

import static io.sluice.provider.aws.AwsStores.aws;
import static io.sluice.provider.aws.AwsStores.secretStore;
import static io.sluice.provider.aws.AwsStores.withStaticKeys;
import static io.sluice.provider.aws.ProviderHarness.NAMESPACE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.api.v1.AwsProvider;
import io.sluice.provider.ProviderConfigurationException;
import io.sluice.provider.PushRequest;
import io.sluice.provider.PushTarget;
import io.sluice.provider.RemoteDeletion;
import io.sluice.provider.SecretsClient;
import io.sluice.testing.aws.AwsServersTest;
import io.sluice.testing.aws.AwsTestServer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/**
 * PushSecret's writes against every available server: creation with the ownership tag, writes only on change,
 * refusal of unmanaged secrets, property merges, deletion with and without recovery window. Only the calls of
 * the IAM policy in docs/aws.md may be made; the provider call metric proves it on every server.
 */
@Tag("slow")
class AwsPushContractTest {
    private static final String CALLS = CallMetricsInterceptor.SECRETS_MANAGER;
    private static final Set<String> ALLOWED =
            Set.of("DescribeSecret", "GetSecretValue", "CreateSecret", "PutSecretValue", "TagResource", "DeleteSecret");
    private static final ObjectMapper JSON = new ObjectMapper();

    @FunctionalInterface
    private interface ClientTest {
        void run(SecretsClient client, ProviderHarness harness);
    }

    private static void withClient(AwsTestServer server, Consumer<AwsProvider> store, ClientTest test) {
        try (ProviderHarness harness = new ProviderHarness(server)) {
            AwsProvider aws = withStaticKeys(aws(server.region().id()), null);
            store.accept(aws);
            try (SecretsClient client = harness.provider.newClient(secretStore(NAMESPACE, "aws", aws), NAMESPACE)) {
                test.run(client, harness);
            }
            for (String op : List.of(
                    "DeleteResourcePolicy",
                    "PutResourcePolicy",
                    "UntagResource",
                    "RestoreSecret",
                    "UpdateSecret",
                    "ListSecrets")) {
                assertEquals(0, harness.calls(CALLS, op), op + " is outside the PushSecret IAM policy");
            }
        }
    }

    private static void withClient(AwsTestServer server, ClientTest test) {
        withClient(server, aws -> {}, test);
    }

    @AwsServersTest
    void createsWithTheManagedTagAndWritesAgainOnlyWhenTheValueChanges(AwsTestServer server) {
        withClient(server, (client, harness) -> {
            assertTrue(client.push(push("app/token", null, "v1", null)));
            DescribeSecretResponse described = server.secretsManager().describeSecret(b -> b.secretId("app/token"));
            assertEquals("external-secrets", tags(described).get("managed-by"));
            assertArrayEquals(
                    bytes("v1"),
                    server.secretsManager()
                            .getSecretValue(b -> b.secretId("app/token"))
                            .secretBinary()
                            .asByteArray(),
                    "binary is ESO's default push format");

            assertFalse(client.push(push("app/token", null, "v1", null)), "same value: no write");
            assertFalse(client.push(push("app/token", null, "v1", null)));
            assertEquals(1, harness.calls(CALLS, "CreateSecret"));
            assertEquals(0, harness.calls(CALLS, "PutSecretValue"));
            server.emulator().ifPresent(e -> assertEquals(0, e.calls("PutSecretValue")));

            assertTrue(client.push(push("app/token", null, "v2", null)));
            assertEquals(1, harness.calls(CALLS, "PutSecretValue"));
            assertArrayEquals(
                    bytes("v2"),
                    server.secretsManager()
                            .getSecretValue(b -> b.secretId("app/token"))
                            .secretBinary()
                            .asByteArray());
            server.emulator().ifPresent(e -> assertEquals(1, e.calls("PutSecretValue")));
        });
    }

    @AwsServersTest
    void metadataSetsStringFormatDescriptionAndTagsButNeverTheManagedByTag(AwsTestServer server) {
        withClient(server, (client, harness) -> {
            JsonNode metadata = metadata(
                    "{\"tags\":{\"team\":\"payments\"},\"description\":\"db\"," + "\"secretPushFormat\":\"string\"}");
            client.push(push("app/db", null, "pw", metadata));
            DescribeSecretResponse described = server.secretsManager().describeSecret(b -> b.secretId("app/db"));
            assertEquals(Map.of("team", "payments", "managed-by", "external-secrets"), tags(described));
            assertEquals("db", described.description());
            assertEquals(
                    "pw",
                    server.secretsManager()
                            .getSecretValue(b -> b.secretId("app/db"))
                            .secretString());

            client.push(push(
                    "app/db",
                    null,
                    "pw",
                    metadata("{\"tags\":{\"team\":\"billing\"}," + "\"secretPushFormat\":\"string\"}")));
            assertEquals(
                    "billing",
                    tags(server.secretsManager().describeSecret(b -> b.secretId("app/db")))
                            .get("team"));
            assertEquals(0, harness.calls(CALLS, "PutSecretValue"), "a tag change alone writes no new version");

            ProviderConfigurationException e = assertThrows(
                    ProviderConfigurationException.class,
                    () -> client.push(push("app/db", null, "pw", metadata("{\"tags\":{\"managed-by\":\"me\"}}"))));
            assertTrue(e.getMessage().contains("managed-by"), e.getMessage());
            assertThrows(
                    ProviderConfigurationException.class,
                    () -> client.push(push("app/db", null, "pw", metadata("{\"unknownField\":true}"))));
        });
    }

    @AwsServersTest
    void neverOverwritesOrDeletesASecretItDidNotCreate(AwsTestServer server) {
        server.createSecret("legacy/db", "precious");
        withClient(server, (client, harness) -> {
            ProviderConfigurationException e = assertThrows(
                    ProviderConfigurationException.class, () -> client.push(push("legacy/db", null, "new", null)));
            assertTrue(e.getMessage().contains("not managed by external-secrets"), e.getMessage());
            assertFalse(e.getMessage().contains("precious") || e.getMessage().contains("new\""));
            assertEquals(RemoteDeletion.KEPT_UNMANAGED, client.delete(new PushTarget("legacy/db", null)));
            assertEquals(
                    "precious",
                    server.secretsManager()
                            .getSecretValue(b -> b.secretId("legacy/db"))
                            .secretString());
            assertEquals(0, harness.calls(CALLS, "PutSecretValue") + harness.calls(CALLS, "DeleteSecret"));
        });
    }

    @AwsServersTest
    void existsReportsPresenceForIfNotExists(AwsTestServer server) {
        server.createSecret("app/present", "x");
        withClient(server, (client, harness) -> {
            assertTrue(client.exists(new PushTarget("app/present", null)));
            assertFalse(client.exists(new PushTarget("app/absent", null)));
            assertEquals(0, harness.calls(CALLS, "GetSecretValue"), "existence needs no read of the value");
        });
    }

    @AwsServersTest
    void aPropertyIsMergedIntoTheJsonObjectKeepingTheOtherFields(AwsTestServer server) {
        withClient(server, (client, harness) -> {
            assertTrue(client.push(push("app/config", "user", "admin", null)));
            JsonNode metadata = metadata("{\"secretPushFormat\":\"string\"}");
            client.push(push("app/other", null, "{\"keep\":\"me\"}", metadata));
            assertTrue(client.push(push("app/other", "password", "s3cr3t", metadata)));
            assertFalse(client.push(push("app/other", "password", "s3cr3t", metadata)), "unchanged property: no write");

            GetSecretValueResponse other = server.secretsManager().getSecretValue(b -> b.secretId("app/other"));
            assertEquals(
                    JSON.createObjectNode().put("keep", "me").put("password", "s3cr3t"), tree(other.secretString()));
            assertEquals(
                    JSON.createObjectNode().put("user", "admin"),
                    tree(new String(
                            server.secretsManager()
                                    .getSecretValue(b -> b.secretId("app/config"))
                                    .secretBinary()
                                    .asByteArray(),
                            StandardCharsets.UTF_8)));
            assertEquals(1, harness.calls(CALLS, "PutSecretValue"));

            assertEquals(RemoteDeletion.DELETED, client.delete(new PushTarget("app/other", "password")));
            assertEquals(
                    JSON.createObjectNode().put("keep", "me"),
                    tree(server.secretsManager()
                            .getSecretValue(b -> b.secretId("app/other"))
                            .secretString()));

            client.push(push("app/plain", null, "not json", metadata));
            assertThrows(ProviderConfigurationException.class, () -> client.push(push("app/plain", "p", "v", null)));
        });
    }

    @AwsServersTest
    void deletesWithTheStoreRecoveryWindow(AwsTestServer server) {
        withClient(
                server,
                aws -> {
                    aws.secretsManager = new AwsProvider.SecretsManagerOptions();
                    aws.secretsManager.recoveryWindowInDays = 7L;
                },
                (client, harness) -> {
                    client.push(push("app/old", null, "v", null));
                    assertEquals(RemoteDeletion.DELETED, client.delete(new PushTarget("app/old", null)));
                    DescribeSecretResponse described =
                            server.secretsManager().describeSecret(b -> b.secretId("app/old"));
                    assertNotNull(described.deletedDate(), "scheduled for deletion, recoverable");
                    assertFalse(client.exists(new PushTarget("app/old", null)));
                    assertEquals(RemoteDeletion.ABSENT, client.delete(new PushTarget("app/old", null)));
                    ProviderConfigurationException e = assertThrows(
                            ProviderConfigurationException.class,
                            () -> client.push(push("app/old", null, "again", null)));
                    assertTrue(e.getMessage().contains("scheduled for deletion"), e.getMessage());
                    assertEquals(1, harness.calls(CALLS, "DeleteSecret"));
                });
    }

    @AwsServersTest
    void deletesWithoutRecoveryWhenTheStoreSaysSo(AwsTestServer server) {
        withClient(
                server,
                aws -> {
                    aws.secretsManager = new AwsProvider.SecretsManagerOptions();
                    aws.secretsManager.forceDeleteWithoutRecovery = true;
                },
                (client, harness) -> {
                    client.push(push("app/gone", null, "v", null));
                    assertEquals(RemoteDeletion.DELETED, client.delete(new PushTarget("app/gone", null)));
                    assertThrows(
                            ResourceNotFoundException.class,
                            () -> server.secretsManager().describeSecret(b -> b.secretId("app/gone")));
                    assertEquals(RemoteDeletion.ABSENT, client.delete(new PushTarget("app/gone", null)));
                    assertTrue(client.push(push("app/gone", null, "reborn", null)), "the name is free again at once");
                });
    }

    @AwsServersTest
    void everyCallFitsThePushPolicy(AwsTestServer server) {
        withClient(server, (client, harness) -> {
            client.push(push("app/a", null, "1", metadata("{\"tags\":{\"t\":\"1\"}}")));
            client.push(push("app/a", null, "{\"x\":\"2\"}", metadata("{\"tags\":{\"t\":\"2\"}}")));
            client.push(push("app/a", "p", "3", null));
            client.exists(new PushTarget("app/a", null));
            client.delete(new PushTarget("app/a", "p"));
            client.delete(new PushTarget("app/a", null));
            server.emulator().ifPresent(e -> {
                Set<String> used = e.callCounts().entrySet().stream()
                        .filter(c -> c.getValue() > 0)
                        .map(Map.Entry::getKey)
                        .collect(Collectors.toSet());
                used.remove("GetCallerIdentity");
                assertTrue(ALLOWED.containsAll(used), "calls outside the policy: " + used);
            });
        });
    }

    private static PushRequest push(String key, String property, String value, JsonNode metadata) {
        return new PushRequest(key, property, bytes(value), metadata);
    }

    private static JsonNode metadata(String spec) {
        try {
            return JSON.readTree("{\"apiVersion\":\"kubernetes.external-secrets.io/v1alpha1\","
                    + "\"kind\":\"PushSecretMetadata\",\"spec\":" + spec + "}");
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Map<String, String> tags(DescribeSecretResponse described) {
        return described.tags().stream().collect(Collectors.toMap(t -> t.key(), t -> t.value()));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
