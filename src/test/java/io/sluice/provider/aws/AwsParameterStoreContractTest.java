package io.sluice.provider.aws;

import static io.sluice.provider.aws.AwsStores.aws;
import static io.sluice.provider.aws.AwsStores.secretStore;
import static io.sluice.provider.aws.AwsStores.withStaticKeys;
import static io.sluice.provider.aws.ProviderHarness.NAMESPACE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.api.v1.AwsProvider;
import io.sluice.provider.FetchOutcome;
import io.sluice.provider.FindQuery;
import io.sluice.provider.ProviderConfigurationException;
import io.sluice.provider.ProviderException;
import io.sluice.provider.PushRequest;
import io.sluice.provider.PushTarget;
import io.sluice.provider.RemoteDeletion;
import io.sluice.provider.RemoteKey;
import io.sluice.provider.RemoteSecret;
import io.sluice.provider.RetryableProviderException;
import io.sluice.provider.SecretNotFoundException;
import io.sluice.provider.SecretsClient;
import io.sluice.testing.aws.AwsServersTest;
import io.sluice.testing.aws.AwsTestServer;
import io.sluice.testing.aws.emulator.AwsEmulator;
import io.sluice.testing.aws.emulator.Fault;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.Tag;
import software.amazon.awssdk.services.ssm.model.GetParameterResponse;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;
import software.amazon.awssdk.services.ssm.model.ParameterType;
import software.amazon.awssdk.services.ssm.model.ResourceTypeForTagging;

/**
 * The AWS Parameter Store provider ({@code service: ParameterStore}) against every available server (the in-JVM
 * emulator always; moto when configured), through the real SDK over HTTP. Call counts come from the provider's call
 * metric, labelled {@code AWS/ParameterStore} as ESO does.
 */
@Tag("slow")
class AwsParameterStoreContractTest {
    private static final String CALLS = CallMetricsInterceptor.PARAMETER_STORE;
    private static final ObjectMapper JSON = new ObjectMapper();

    @FunctionalInterface
    private interface ClientTest {
        void run(SecretsClient client, ProviderHarness harness);
    }

    private static void withClient(AwsTestServer server, Consumer<AwsProvider> store, ClientTest test) {
        try (ProviderHarness harness = new ProviderHarness(server)) {
            AwsProvider aws = withStaticKeys(aws(server.region().id()), null);
            aws.service = AwsProvider.Service.ParameterStore;
            store.accept(aws);
            try (SecretsClient client = harness.provider.newClient(secretStore(NAMESPACE, "ssm", aws), NAMESPACE)) {
                test.run(client, harness);
            }
        }
    }

    private static void withClient(AwsTestServer server, ClientTest test) {
        withClient(server, aws -> {}, test);
    }

    private static String read(SecretsClient client, String key, String version) {
        return client.fetch(new RemoteKey(key, version, false)).asString();
    }

    private static Map<String, String> texts(Map<String, RemoteSecret> secrets) {
        Map<String, String> texts = new TreeMap<>();
        secrets.forEach((k, v) -> texts.put(k, v.asString()));
        return texts;
    }

    @AwsServersTest
    void readsTheLatestVersionByDefaultAndOthersByNumberOrLabel(AwsTestServer server) {
        server.putParameter("/app/db", "{\"password\":\"v1\"}");
        server.putParameter("/app/db", "{\"password\":\"v2\"}");
        server.ssm()
                .labelParameterVersion(
                        b -> b.name("/app/db").parameterVersion(1L).labels("stable"));
        withClient(server, (client, harness) -> {
            assertEquals("{\"password\":\"v2\"}", read(client, "/app/db", null));
            assertEquals("{\"password\":\"v1\"}", read(client, "/app/db", "1"));
            assertEquals("{\"password\":\"v2\"}", read(client, "/app/db", "2"));
            assertEquals("{\"password\":\"v1\"}", read(client, "/app/db", "stable"));
            assertEquals(4, harness.calls(CALLS, "GetParameter"));
        });
    }

    @AwsServersTest
    void aVersionThatIsNeitherANumberNorALabelIsAConfigurationErrorBeforeAnyCall(AwsTestServer server) {
        withClient(server, (client, harness) -> {
            ProviderConfigurationException e =
                    assertThrows(ProviderConfigurationException.class, () -> read(client, "/app/db", "v 1/x"));
            assertTrue(e.getMessage().contains("version"), e.getMessage());
            assertEquals(0, harness.calls(CALLS, "GetParameter"));
        });
    }

    @AwsServersTest
    void secureStringsAreReadDecrypted(AwsTestServer server) {
        server.putParameter("/app/token", "s3cr3t-value", ParameterType.SECURE_STRING, Map.of());
        GetParameterResponse sealed = server.ssm().getParameter(b -> b.name("/app/token"));
        assertNotEquals(
                "s3cr3t-value", sealed.parameter().value(), "the server hides SecureStrings without decryption");
        withClient(server, (client, harness) -> assertEquals("s3cr3t-value", read(client, "/app/token", null)));
    }

    @AwsServersTest
    void theStorePrefixIsPrependedToFetchedNames(AwsTestServer server) {
        server.putParameter("/team-a/db", "prefixed");
        server.putParameter("/db", "unprefixed");
        withClient(
                server,
                aws -> aws.prefix = "/team-a",
                (client, harness) -> assertEquals("prefixed", read(client, "/db", null)));
    }

    @AwsServersTest
    void metadataFetchReturnsTheTagsAsAJsonObject(AwsTestServer server) {
        server.putParameter("/app/tagged", "value", ParameterType.STRING, Map.of("team", "payments", "env", "prod"));
        server.putParameter("/app/untagged", "value");
        withClient(server, (client, harness) -> {
            assertEquals(
                    "{\"env\":\"prod\",\"team\":\"payments\"}",
                    client.fetch(new RemoteKey("/app/tagged", null, true)).asString());
            assertEquals(
                    "{}",
                    client.fetch(new RemoteKey("/app/untagged", null, true)).asString());
            assertEquals(2, harness.calls(CALLS, "ListTagsForResource"));
            assertEquals(0, harness.calls(CALLS, "GetParameter"));
        });
    }

    @AwsServersTest
    void aMissingParameterIsNotFound(AwsTestServer server) {
        withClient(server, (client, harness) -> {
            SecretNotFoundException e =
                    assertThrows(SecretNotFoundException.class, () -> read(client, "/app/missing", null));
            assertTrue(e.getMessage().contains("/app/missing"), e.getMessage());
            assertThrows(SecretNotFoundException.class, () -> client.fetch(new RemoteKey("/app/missing", null, true)));
        });
    }

    @AwsServersTest
    void fetchAllReadsTenNamesPerGetParametersAndReportsMissingOnesAlone(AwsTestServer server) {
        List<RemoteKey> keys = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            server.putParameter("/batch/p" + i, "value-" + i);
            keys.add(new RemoteKey("/batch/p" + i, null, false));
        }
        server.putParameter("/batch/p0", "value-0-second");
        keys.add(new RemoteKey("/batch/p0", "1", false));
        keys.add(new RemoteKey("/batch/gone", null, false));
        withClient(server, (client, harness) -> {
            assertEquals(10, client.fetchBatchSize());
            Map<RemoteKey, FetchOutcome> outcomes = client.fetchAll(keys);
            assertEquals(keys.size(), outcomes.size());
            assertEquals("value-0-second", outcomes.get(keys.get(0)).get().asString());
            assertEquals("value-11", outcomes.get(keys.get(11)).get().asString());
            assertEquals("value-0", outcomes.get(keys.get(12)).get().asString());
            assertInstanceOf(
                    SecretNotFoundException.class, outcomes.get(keys.get(13)).failure());
            // 14 selectors, two of them for /batch/p0: 10 + 4 names in two calls, never one per name
            assertEquals(2, harness.calls(CALLS, "GetParameters"));
            assertEquals(0, harness.calls(CALLS, "GetParameter"));
        });
    }

    @AwsServersTest
    void findByPathReadsTheHierarchyRecursively(AwsTestServer server) {
        server.putParameter("/app/a", "1");
        server.putParameter("/app/nested/b", "2");
        server.putParameter("/other/c", "3");
        withClient(server, (client, harness) -> {
            assertEquals(
                    Map.of("/app/a", "1", "/app/nested/b", "2"),
                    texts(client.find(new FindQuery(null, Map.of(), "/app"))));
            assertEquals(Map.of("/app/nested/b", "2"), texts(client.find(new FindQuery("nested", Map.of(), "/app"))));
            assertEquals(0, harness.calls(CALLS, "GetParameter"));
        });
    }

    @AwsServersTest
    void findByNameWithoutPathSearchesEveryParameter(AwsTestServer server) {
        server.putParameter("/app/db-password", "1");
        server.putParameter("/other/db-user", "2");
        server.putParameter("/app/api-key", "3");
        withClient(server, (client, harness) -> {
            assertEquals(
                    Map.of("/app/db-password", "1", "/other/db-user", "2"),
                    texts(client.find(new FindQuery("db-", Map.of(), null))));
            assertTrue(harness.calls(CALLS, "GetParametersByPath") >= 1);
        });
    }

    @AwsServersTest
    void findByTagsDescribesThenReadsTheMatchesInBatches(AwsTestServer server) {
        server.putParameter("/app/one", "1", ParameterType.STRING, Map.of("team", "payments"));
        server.putParameter("/app/two", "2", ParameterType.SECURE_STRING, Map.of("team", "payments", "env", "prod"));
        server.putParameter("/app/three", "3", ParameterType.STRING, Map.of("team", "search"));
        server.putParameter("/other/four", "4", ParameterType.STRING, Map.of("team", "payments"));
        withClient(server, (client, harness) -> {
            assertEquals(
                    Map.of("/app/one", "1", "/app/two", "2", "/other/four", "4"),
                    texts(client.find(new FindQuery(null, Map.of("team", "payments"), null))));
            assertEquals(
                    Map.of("/app/one", "1", "/app/two", "2"),
                    texts(client.find(new FindQuery(null, Map.of("team", "payments"), "/app"))));
            assertEquals(
                    Map.of("/app/two", "2"),
                    texts(client.find(new FindQuery("two", Map.of("team", "payments"), null))));
            assertEquals(3, harness.calls(CALLS, "DescribeParameters"));
            assertEquals(3, harness.calls(CALLS, "GetParameters"));
            assertEquals(0, harness.calls(CALLS, "GetParameter"));
        });
    }

    private static JsonNode metadata(String spec) {
        try {
            return JSON.readTree("{\"apiVersion\":\"kubernetes.external-secrets.io/v1alpha1\","
                    + "\"kind\":\"PushSecretMetadata\",\"spec\":" + spec + "}");
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, String> tagsOf(AwsTestServer server, String name) {
        Map<String, String> tags = new TreeMap<>();
        server.ssm()
                .listTagsForResource(
                        b -> b.resourceType(ResourceTypeForTagging.PARAMETER).resourceId(name))
                .tagList()
                .forEach(t -> tags.put(t.key(), t.value()));
        return tags;
    }

    @AwsServersTest
    void pushCreatesATaggedParameterOfTheMetadataTypeAndWritesAgainOnlyWhenTheValueChanges(AwsTestServer server) {
        JsonNode meta = metadata("{\"secretType\":\"SecureString\",\"tags\":{\"team\":\"payments\"}}");
        withClient(server, (client, harness) -> {
            assertTrue(client.push(new PushRequest("/pushed/token", null, bytes("first"), meta)));
            GetParameterResponse created =
                    server.ssm().getParameter(b -> b.name("/pushed/token").withDecryption(true));
            assertEquals("first", created.parameter().value());
            assertEquals(ParameterType.SECURE_STRING, created.parameter().type());
            assertEquals(Map.of("managed-by", "external-secrets", "team", "payments"), tagsOf(server, "/pushed/token"));

            assertFalse(client.push(new PushRequest("/pushed/token", null, bytes("first"), meta)));
            assertEquals(1, harness.calls(CALLS, "PutParameter"));

            assertTrue(client.push(new PushRequest("/pushed/token", null, bytes("second"), meta)));
            GetParameterResponse updated =
                    server.ssm().getParameter(b -> b.name("/pushed/token").withDecryption(true));
            assertEquals("second", updated.parameter().value());
            assertEquals(2L, updated.parameter().version());
            assertTrue(client.exists(new PushTarget("/pushed/token", null)));
        });
    }

    @AwsServersTest
    void pushSetsOnePropertyOfAJsonParameterAndDeleteRemovesIt(AwsTestServer server) {
        withClient(server, (client, harness) -> {
            assertTrue(client.push(new PushRequest("/pushed/json", "user", bytes("app"), null)));
            assertTrue(client.push(new PushRequest("/pushed/json", "password", bytes("pw"), null)));
            assertEquals(
                    "{\"user\":\"app\",\"password\":\"pw\"}",
                    server.ssm()
                            .getParameter(b -> b.name("/pushed/json"))
                            .parameter()
                            .value());
            assertEquals(RemoteDeletion.DELETED, client.delete(new PushTarget("/pushed/json", "password")));
            assertEquals(
                    "{\"user\":\"app\"}",
                    server.ssm()
                            .getParameter(b -> b.name("/pushed/json"))
                            .parameter()
                            .value());
        });
    }

    @AwsServersTest
    void anUnmanagedParameterIsNeitherOverwrittenNorDeleted(AwsTestServer server) {
        server.putParameter("/theirs", "original", ParameterType.STRING, Map.of("owner", "someone-else"));
        withClient(server, (client, harness) -> {
            ProviderConfigurationException e = assertThrows(
                    ProviderConfigurationException.class,
                    () -> client.push(new PushRequest("/theirs", null, bytes("mine"), null)));
            assertTrue(e.getMessage().contains("not managed by external-secrets"), e.getMessage());
            assertFalse(e.getMessage().contains("mine"), "no value in messages");
            assertEquals(RemoteDeletion.KEPT_UNMANAGED, client.delete(new PushTarget("/theirs", null)));
            assertEquals(
                    "original",
                    server.ssm()
                            .getParameter(b -> b.name("/theirs"))
                            .parameter()
                            .value());
            assertEquals(0, harness.calls(CALLS, "PutParameter"));
            assertEquals(0, harness.calls(CALLS, "DeleteParameter"));
        });
    }

    @AwsServersTest
    void deleteRemovesAManagedParameterAndReportsAMissingOneAbsent(AwsTestServer server) {
        withClient(server, (client, harness) -> {
            client.push(new PushRequest("/pushed/gone", null, bytes("v"), null));
            assertEquals(RemoteDeletion.DELETED, client.delete(new PushTarget("/pushed/gone", null)));
            assertThrows(
                    ParameterNotFoundException.class, () -> server.ssm().getParameter(b -> b.name("/pushed/gone")));
            assertEquals(RemoteDeletion.ABSENT, client.delete(new PushTarget("/pushed/gone", null)));
            assertFalse(client.exists(new PushTarget("/pushed/gone", null)));
        });
    }

    @AwsServersTest
    void pushMetadataIsCheckedBeforeAnyCall(AwsTestServer server) {
        withClient(server, (client, harness) -> {
            for (String spec : List.of(
                    "{\"secretType\":\"Binary\"}",
                    "{\"tags\":{\"managed-by\":\"me\"}}",
                    "{\"unknown\":true}",
                    "{\"tier\":{\"type\":\"Standard\",\"policies\":[{\"Type\":\"Expiration\"}]}}")) {
                assertThrows(
                        ProviderException.class,
                        () -> client.push(new PushRequest("/pushed/x", null, bytes("v"), metadata(spec))),
                        spec);
            }
            assertEquals(0, harness.calls(CALLS, "GetParameter") + harness.calls(CALLS, "PutParameter"));
        });
    }

    @AwsServersTest
    void aDeniedPathReadFallsBackToDescribeParameters(AwsTestServer server) {
        assumeTrue(server.emulator().isPresent(), "needs the emulator's fault injection");
        server.putParameter("/app/db-password", "1");
        server.putParameter("/app/api-key", "2");
        server.emulator().orElseThrow().failNext("GetParametersByPath", 1, "AccessDeniedException", 400);
        withClient(server, (client, harness) -> {
            assertEquals(Map.of("/app/db-password", "1"), texts(client.find(new FindQuery("db-", Map.of(), "/app"))));
            assertEquals(1, harness.calls(CALLS, "DescribeParameters"));
            assertEquals(1, harness.calls(CALLS, "GetParameters"));
        });
    }

    @AwsServersTest
    void throttledBatchReadsAreRetriedAndAnOutageIsRetryableWithoutValues(AwsTestServer server) {
        assumeTrue(server.emulator().isPresent(), "needs the emulator's fault injection");
        AwsEmulator emulator = server.emulator().orElseThrow();
        server.putParameter("/app/a", "value-a", ParameterType.SECURE_STRING, Map.of());
        server.putParameter("/app/b", "value-b");
        List<RemoteKey> keys = List.of(new RemoteKey("/app/a", null, false), new RemoteKey("/app/b", null, false));
        emulator.failNext("GetParameters", 1, "ThrottlingException", 400);
        withClient(server, (client, harness) -> {
            assertEquals("value-a", client.fetchAll(keys).get(keys.get(0)).get().asString());
            try (AwsEmulator.Outage outage = emulator.injectUntilCleared("GetParameters", Fault.serverError(500))) {
                RetryableProviderException e =
                        assertThrows(RetryableProviderException.class, () -> client.fetchAll(keys));
                assertTrue(e.getMessage().contains("GetParameters"), e.getMessage());
                assertFalse(e.getMessage().contains("value-"), "no values in messages");
            }
        });
    }
}
