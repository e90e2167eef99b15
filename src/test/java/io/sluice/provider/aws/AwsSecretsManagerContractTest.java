package io.sluice.provider.aws;

import static io.sluice.provider.aws.AwsStores.aws;
import static io.sluice.provider.aws.AwsStores.secretStore;
import static io.sluice.provider.aws.AwsStores.withStaticKeys;
import static io.sluice.provider.aws.ProviderHarness.NAMESPACE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.api.v1.AwsProvider;
import io.sluice.provider.FindQuery;
import io.sluice.provider.RemoteKey;
import io.sluice.provider.RemoteSecret;
import io.sluice.provider.SecretNotFoundException;
import io.sluice.provider.SecretsClient;
import io.sluice.testing.aws.AwsServersTest;
import io.sluice.testing.aws.AwsTestServer;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Tag;

/**
 * The AWS Secrets Manager provider against every available server (the in-JVM emulator always; moto and
 * LocalStack when configured), through the real SDK over HTTP. Call counts come from the provider's own call
 * metric on every server and, on the emulator, from the calls the server received.
 */
@Tag("slow")
class AwsSecretsManagerContractTest {
    private static final String CALLS = CallMetricsInterceptor.SECRETS_MANAGER;

    private static void withClient(
            AwsTestServer server, UnaryOperator<AwsSettings> settings, Consumer<AwsProvider> store, ClientTest test) {
        try (ProviderHarness harness = new ProviderHarness(server, settings)) {
            AwsProvider aws = withStaticKeys(aws(server.region().id()), null);
            store.accept(aws);
            try (SecretsClient client = harness.provider.newClient(secretStore(NAMESPACE, "aws", aws), NAMESPACE)) {
                test.run(client, harness);
            }
        }
    }

    private static void withClient(AwsTestServer server, ClientTest test) {
        withClient(server, UnaryOperator.identity(), aws -> {}, test);
    }

    @FunctionalInterface
    private interface ClientTest {
        void run(SecretsClient client, ProviderHarness harness);
    }

    private static String text(RemoteSecret secret) {
        return secret.asString();
    }

    private static Map<String, String> texts(Map<String, RemoteSecret> secrets) {
        Map<String, String> texts = new TreeMap<>();
        secrets.forEach((k, v) -> texts.put(k, v.asString()));
        return texts;
    }

    @AwsServersTest
    void readsTheCurrentVersionByDefaultAndOtherStagesOnRequest(AwsTestServer server) {
        server.createSecret("app/db", "{\"password\":\"v1\"}");
        server.putSecretValue("app/db", "{\"password\":\"v2\"}");
        withClient(server, (client, harness) -> {
            assertEquals("{\"password\":\"v2\"}", text(client.fetch(new RemoteKey("app/db", null, false))));
            assertEquals("{\"password\":\"v2\"}", text(client.fetch(new RemoteKey("app/db", "AWSCURRENT", false))));
            assertEquals("{\"password\":\"v1\"}", text(client.fetch(new RemoteKey("app/db", "AWSPREVIOUS", false))));
        });
    }

    @AwsServersTest
    void readsAVersionByItsId(AwsTestServer server) {
        server.createSecret("app/token", "first");
        String second = server.putSecretValue("app/token", "second");
        server.putSecretValue("app/token", "third");
        withClient(
                server,
                (client, harness) -> assertEquals(
                        "second", text(client.fetch(new RemoteKey("app/token", "uuid/" + second, false)))));
    }

    @AwsServersTest
    void returnsBinarySecretsAsTheirBytes(AwsTestServer server) {
        byte[] bytes = {0, 1, 2, (byte) 0xfe, (byte) 0xff, '\n'};
        server.createBinarySecret("app/keystore", bytes, Map.of());
        withClient(
                server,
                (client, harness) -> assertArrayEquals(
                        bytes,
                        client.fetch(new RemoteKey("app/keystore", null, false)).value()));
    }

    @AwsServersTest
    void prependsTheStorePrefixToFetchedKeys(AwsTestServer server) {
        server.createSecret("team-a/db", "prefixed");
        server.createSecret("db", "unprefixed");
        withClient(
                server,
                UnaryOperator.identity(),
                aws -> aws.prefix = "team-a/",
                (client, harness) -> assertEquals("prefixed", text(client.fetch(new RemoteKey("db", null, false)))));
    }

    @AwsServersTest
    void metadataFetchReturnsTheTagsAsAJsonObject(AwsTestServer server) {
        server.createSecret("app/tagged", "value", Map.of("team", "payments", "env", "prod"));
        server.createSecret("app/untagged", "value");
        withClient(server, (client, harness) -> {
            assertEquals(
                    "{\"env\":\"prod\",\"team\":\"payments\"}",
                    text(client.fetch(new RemoteKey("app/tagged", null, true))));
            assertEquals("{}", text(client.fetch(new RemoteKey("app/untagged", null, true))));
            assertEquals(2, harness.calls(CALLS, "DescribeSecret"));
            assertEquals(0, harness.calls(CALLS, "GetSecretValue"));
        });
    }

    @AwsServersTest
    void aMissingSecretIsNotFound(AwsTestServer server) {
        withClient(server, (client, harness) -> {
            SecretNotFoundException e = assertThrows(
                    SecretNotFoundException.class, () -> client.fetch(new RemoteKey("app/missing", null, false)));
            assertTrue(e.getMessage().contains("app/missing"), e.getMessage());
            assertTrue(e.getMessage().contains("ResourceNotFoundException"), e.getMessage());
        });
    }

    @AwsServersTest
    void aSecretScheduledForDeletionIsNotFound(AwsTestServer server) {
        server.createSecret("app/retired", "old");
        server.secretsManager().deleteSecret(b -> b.secretId("app/retired").recoveryWindowInDays(7L));
        withClient(
                server,
                (client, harness) -> assertThrows(
                        SecretNotFoundException.class, () -> client.fetch(new RemoteKey("app/retired", null, false))));
    }

    @AwsServersTest
    void oneFetchIsExactlyOneGetSecretValue(AwsTestServer server) {
        server.createSecret("app/one", "1");
        server.createSecret("app/two", "2");
        withClient(server, (client, harness) -> {
            server.emulator().ifPresent(e -> e.resetCalls());
            client.fetch(new RemoteKey("app/one", null, false));
            client.fetch(new RemoteKey("app/two", "AWSCURRENT", false));
            client.fetch(new RemoteKey("app/one", null, false));
            assertEquals(3, harness.calls(CALLS, "GetSecretValue"));
            assertEquals(0, harness.calls(CALLS, "DescribeSecret"));
            assertEquals(0, harness.calls(CALLS, "ListSecretVersionIds"));
            server.emulator()
                    .ifPresent(e ->
                            assertEquals(Map.of("GetSecretValue", 3), e.callCounts(), "calls the server received"));
            System.out.println("[measure] " + server.name() + ": AWS calls per fetch(RemoteKey) = GetSecretValue "
                    + harness.calls(CALLS, "GetSecretValue") / 3.0 + ", DescribeSecret "
                    + harness.calls(CALLS, "DescribeSecret") + ", ListSecretVersionIds "
                    + harness.calls(CALLS, "ListSecretVersionIds") + " (3 fetches"
                    + server.emulator()
                            .map(e -> "; server saw " + e.callCounts())
                            .orElse("") + ")");
        });
    }

    @AwsServersTest
    void findsByNameRegexpAcrossPages(AwsTestServer server) {
        for (int i = 1; i <= 7; i++) {
            server.createSecret("find/app-" + i, "value-" + i);
        }
        server.createSecret("other/app-8", "not matched");
        server.createSecret("find-not/app-9", "not matched");
        withClient(server, s -> s.withPageSizes(3, 2), aws -> {}, (client, harness) -> {
            Map<String, String> found = texts(client.find(new FindQuery("^find/app-\\d$", Map.of(), null)));
            assertEquals(7, found.size(), found.keySet().toString());
            for (int i = 1; i <= 7; i++) {
                assertEquals("value-" + i, found.get("find/app-" + i));
            }
            int listCalls = harness.calls(CALLS, "ListSecrets");
            assertTrue(
                    listCalls == 3 || listCalls == 4,
                    "9 secrets in pages of 3 (a server may end on an empty page): " + listCalls);
            assertEquals(4, harness.calls(CALLS, "BatchGetSecretValue"), "7 matches, 2 ids per call");
            assertEquals(0, harness.calls(CALLS, "GetSecretValue"));
        });
    }

    @AwsServersTest
    void findsByNameAndTagsOnlyTheSecretsCarryingEveryTag(AwsTestServer server) {
        server.createSecret("svc/a", "a", Map.of("team", "payments", "env", "prod"));
        server.createSecret("svc/b", "b", Map.of("team", "payments", "env", "dev"));
        server.createSecret("svc/c", "c", Map.of("team", "prod", "env", "payments"));
        server.createSecret("web/d", "d", Map.of("team", "payments", "env", "prod"));
        withClient(
                server,
                (client, harness) -> assertEquals(
                        Map.of("svc/a", "a"),
                        texts(client.find(new FindQuery("^svc/", Map.of("team", "payments", "env", "prod"), null)))));
    }

    @AwsServersTest
    void findsByTagsAcrossPages(AwsTestServer server) {
        for (int i = 1; i <= 5; i++) {
            server.createSecret("tagged/" + i, "t" + i, Map.of("team", "payments"));
        }
        server.createSecret("tagged/other", "x", Map.of("team", "search"));
        server.createSecret("untagged", "y");
        withClient(server, s -> s.withPageSizes(3, 2), aws -> {}, (client, harness) -> {
            Map<String, String> found = texts(client.find(new FindQuery(null, Map.of("team", "payments"), null)));
            assertEquals(
                    Map.of("tagged/1", "t1", "tagged/2", "t2", "tagged/3", "t3", "tagged/4", "t4", "tagged/5", "t5"),
                    found);
            assertTrue(harness.calls(CALLS, "BatchGetSecretValue") >= 3, "5 results in pages of 2");
            assertEquals(0, harness.calls(CALLS, "ListSecrets"));
            assertEquals(0, harness.calls(CALLS, "GetSecretValue"));
        });
    }

    @AwsServersTest
    void findsByPath(AwsTestServer server) {
        server.createSecret("payments/db", "db");
        server.createSecret("payments/api", "api");
        server.createSecret("search/db", "other");
        withClient(server, (client, harness) -> {
            assertEquals(
                    Map.of("payments/db", "db", "payments/api", "api"),
                    texts(client.find(new FindQuery(null, Map.of(), "payments/"))));
            assertEquals(Map.of("payments/db", "db"), texts(client.find(new FindQuery("db$", Map.of(), "payments/"))));
        });
    }

    @AwsServersTest
    void findDoesNotPrependTheStorePrefixAgain(AwsTestServer server) {
        server.createSecret("team-a/one", "1");
        server.createSecret("team-a/two", "2");
        server.createSecret("team-a/team-a/one", "double prefix");
        withClient(
                server,
                UnaryOperator.identity(),
                aws -> aws.prefix = "team-a/",
                (client, harness) -> assertEquals(
                        Map.of("team-a/one", "1", "team-a/two", "2"),
                        texts(client.find(new FindQuery("^team-a/(one|two)$", Map.of(), null)))));
    }

    @AwsServersTest
    void validatesWithGetCallerIdentity(AwsTestServer server) {
        withClient(server, (client, harness) -> {
            client.validate();
            assertEquals(1, harness.calls(CallMetricsInterceptor.STS, "GetCallerIdentity"));
            assertFalse(harness.calls(CALLS, "GetSecretValue") > 0);
        });
    }
}
