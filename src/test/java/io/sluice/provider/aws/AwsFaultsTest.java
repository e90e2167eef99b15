package io.sluice.provider.aws;

import static io.sluice.provider.aws.AwsStores.aws;
import static io.sluice.provider.aws.AwsStores.retry;
import static io.sluice.provider.aws.AwsStores.secretStore;
import static io.sluice.provider.aws.AwsStores.withStaticKeys;
import static io.sluice.provider.aws.ProviderHarness.NAMESPACE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.api.v1.AwsProvider;
import io.sluice.api.v1.RetrySettings;
import io.sluice.provider.ProviderConfigurationException;
import io.sluice.provider.RemoteKey;
import io.sluice.provider.RetryableProviderException;
import io.sluice.provider.SecretsClient;
import io.sluice.testing.aws.AwsTestServer;
import io.sluice.testing.aws.EmulatorExtension;
import io.sluice.testing.aws.emulator.AwsEmulator;
import io.sluice.testing.aws.emulator.Fault;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Failures the emulator can inject: retries, then the typed errors, and what their messages hold. */
@Tag("slow")
class AwsFaultsTest {
    private static final String MARKER_VALUE = "marker-value-7f3a9c-must-never-leak";

    @RegisterExtension
    static final EmulatorExtension EMULATOR = new EmulatorExtension();

    private ProviderHarness harness;

    @BeforeEach
    void setUp() {
        harness = new ProviderHarness(EMULATOR.server());
        EMULATOR.server().createSecret("app/db", MARKER_VALUE);
        emulator().resetCalls();
    }

    @AfterEach
    void tearDown() {
        harness.close();
    }

    private static AwsEmulator emulator() {
        return EMULATOR.emulator();
    }

    private SecretsClient client(RetrySettings retry) {
        AwsProvider aws = withStaticKeys(aws(EMULATOR.server().region().id()), null);
        return harness.provider.newClient(secretStore(NAMESPACE, "aws", aws, retry), NAMESPACE);
    }

    @Test
    void throttlingIsRetriedWithBackoffUntilItSucceeds() {
        emulator().failNext("GetSecretValue", 2, "ThrottlingException", 400);
        try (SecretsClient client = client(retry(3, "10ms"))) {
            assertEquals(
                    MARKER_VALUE,
                    client.fetch(new RemoteKey("app/db", null, false)).asString());
        }
        assertEquals(3, emulator().calls("GetSecretValue"), "two throttled attempts, then the successful one");
        assertEquals(
                1,
                harness.calls(CallMetricsInterceptor.SECRETS_MANAGER, "GetSecretValue"),
                "the metric counts API calls, not attempts");
    }

    @Test
    void persistentThrottlingEndsRetryableAfterMaxRetries() {
        emulator().failNext("GetSecretValue", 10, "ThrottlingException", 400);
        try (SecretsClient client = client(retry(2, "10ms"))) {
            RetryableProviderException e = assertThrows(
                    RetryableProviderException.class, () -> client.fetch(new RemoteKey("app/db", null, false)));
            assertTrue(e.getMessage().contains("ThrottlingException"), e.getMessage());
            assertTrue(e.getMessage().contains("app/db"), e.getMessage());
        }
        assertEquals(3, emulator().calls("GetSecretValue"), "1 attempt + maxRetries 2");
    }

    @Test
    void aCallThatRunsOutOfTimeWhileRetryingNamesWhatItsAttemptsMet() {
        harness.close();
        harness = new ProviderHarness(EMULATOR.server(), s -> s.withCallTimeout(Duration.ofMillis(800)));
        emulator().failNext("GetSecretValue", 100, "ThrottlingException", 400);
        try (SecretsClient client = client(retry(50, "300ms"))) {
            RetryableProviderException e = assertThrows(
                    RetryableProviderException.class, () -> client.fetch(new RemoteKey("app/db", null, false)));
            assertTrue(
                    e.getMessage().contains("timed out retrying SecretsManager ThrottlingException (HTTP 400)"),
                    e.getMessage());
        }
    }

    @Test
    void serverErrorsAreRetriedThenRetryable() {
        emulator().failNext("GetSecretValue", 10, "InternalServiceError", 500);
        try (SecretsClient client = client(retry(1, "10ms"))) {
            assertThrows(RetryableProviderException.class, () -> client.fetch(new RemoteKey("app/db", null, false)));
        }
        assertEquals(2, emulator().calls("GetSecretValue"));
    }

    @Test
    void withoutRetrySettingsTheSdkStandardStrategyRetries() {
        emulator().failNext("GetSecretValue", 1, "InternalServiceError", 500);
        try (SecretsClient client = client(null)) {
            assertEquals(
                    MARKER_VALUE,
                    client.fetch(new RemoteKey("app/db", null, false)).asString());
        }
        assertEquals(2, emulator().calls("GetSecretValue"));
    }

    @Test
    void slowAnswersWithinTheCallTimeoutAreServed() {
        emulator().inject("GetSecretValue", Fault.slow(Duration.ofMillis(300)), 1);
        try (SecretsClient client = client(retry(0, "10ms"))) {
            assertEquals(
                    MARKER_VALUE,
                    client.fetch(new RemoteKey("app/db", null, false)).asString());
        }
        assertEquals(1, emulator().faultsInjected("GetSecretValue"));
    }

    @Test
    void answersSlowerThanTheCallTimeoutAreARetryableTimeout() {
        try (ProviderHarness impatient =
                        new ProviderHarness(EMULATOR.server(), s -> s.withCallTimeout(Duration.ofMillis(500)));
                AwsEmulator.Outage slow =
                        emulator().injectUntilCleared("GetSecretValue", Fault.slow(Duration.ofSeconds(2)))) {
            AwsProvider aws = withStaticKeys(aws(EMULATOR.server().region().id()), null);
            try (SecretsClient client =
                    impatient.provider.newClient(secretStore(NAMESPACE, "aws", aws, retry(3, "10ms")), NAMESPACE)) {
                RetryableProviderException e = assertThrows(
                        RetryableProviderException.class, () -> client.fetch(new RemoteKey("app/db", null, false)));
                assertEquals("GetSecretValue app/db failed: timed out", e.getMessage());
            }
            assertEquals(1, impatient.metrics.count(CallMetricsInterceptor.SECRETS_MANAGER, "GetSecretValue", false));
        }
    }

    @Test
    void aDroppedConnectionIsRetriedAndPersistentDropsAreARetryableNetworkError() {
        emulator().inject("GetSecretValue", Fault.connectionDrop(), 1);
        try (SecretsClient client = client(retry(2, "10ms"))) {
            assertEquals(
                    MARKER_VALUE,
                    client.fetch(new RemoteKey("app/db", null, false)).asString());
            assertEquals(2, emulator().calls("GetSecretValue"), "the dropped attempt, then the retry");

            try (AwsEmulator.Outage drops = emulator().injectUntilCleared("GetSecretValue", Fault.connectionDrop())) {
                RetryableProviderException e = assertThrows(
                        RetryableProviderException.class, () -> client.fetch(new RemoteKey("app/db", null, false)));
                assertTrue(e.getMessage().startsWith("GetSecretValue app/db failed: network error"), e.getMessage());
            }
            assertEquals(5, emulator().calls("GetSecretValue"), "1 attempt + maxRetries 2");
        }
    }

    @Test
    void expiredOrUnknownCredentialsAreConfigurationErrorsNamingTheCodeAndAreNotRetried() {
        try (SecretsClient client = client(retry(3, "10ms"))) {
            emulator().inject("GetSecretValue", Fault.expiredToken(), 1);
            ProviderConfigurationException expired = assertThrows(
                    ProviderConfigurationException.class, () -> client.fetch(new RemoteKey("app/db", null, false)));
            assertTrue(expired.getMessage().contains("ExpiredTokenException (HTTP 400)"), expired.getMessage());

            emulator().inject("GetSecretValue", Fault.invalidClientTokenId(), 1);
            ProviderConfigurationException unknown = assertThrows(
                    ProviderConfigurationException.class, () -> client.fetch(new RemoteKey("app/db", null, false)));
            assertTrue(unknown.getMessage().contains("InvalidClientTokenId (HTTP 403)"), unknown.getMessage());
            assertFalse(unknown.getMessage().contains(AwsTestServer.TEST_ACCESS_KEY), unknown.getMessage());
        }
        assertEquals(2, emulator().calls("GetSecretValue"), "an authentication error is not retried");
    }

    @Test
    void accessDeniedIsAConfigurationErrorWithCodeAndNameButNoValueAndNoKey() {
        emulator().restrictAccessTo("AKIASOMEONEELSE00001");
        try (SecretsClient client = client(retry(3, "10ms"))) {
            ProviderConfigurationException e = assertThrows(
                    ProviderConfigurationException.class, () -> client.fetch(new RemoteKey("app/db", null, false)));
            String text = e.getMessage() + " " + e;
            assertTrue(text.contains("AccessDeniedException"), text);
            assertTrue(text.contains("app/db"), text);
            assertFalse(text.contains(MARKER_VALUE), text);
            assertFalse(text.contains(AwsTestServer.TEST_ACCESS_KEY), text);
            assertFalse(text.contains(AwsTestServer.TEST_SECRET_KEY), text);
        }
        assertEquals(1, emulator().calls("GetSecretValue"), "a denied call is not retried");
    }

    @Test
    void anUnreachableEndpointIsRetryable() throws Exception {
        URI closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
        try (KubernetesFixture kubernetes = new KubernetesFixture();
                AwsSecretsManagerProvider provider = new AwsSecretsManagerProvider(
                        AwsSettings.defaults(closed, closed),
                        kubernetes.client(),
                        harness.metrics,
                        java.time.Clock.systemUTC())) {
            kubernetes.secret(
                    NAMESPACE,
                    AwsStores.KEYS_SECRET,
                    java.util.Map.of("access-key", "AKIAEXAMPLE000000001", "secret-access-key", "x"));
            AwsProvider aws = withStaticKeys(aws("us-east-1"), null);
            try (SecretsClient client =
                    provider.newClient(secretStore(NAMESPACE, "aws", aws, retry(0, "1ms")), NAMESPACE)) {
                RetryableProviderException e = assertThrows(
                        RetryableProviderException.class, () -> client.fetch(new RemoteKey("app/db", null, false)));
                assertTrue(e.getMessage().contains("network error"), e.getMessage());
            }
        }
    }

    @Test
    void storeConfigurationErrorsAreReportedByNewClient() {
        AwsProvider unknownRegion = withStaticKeys(aws("mars-north-1"), null);
        assertThrows(
                ProviderConfigurationException.class,
                () -> harness.provider.newClient(secretStore(NAMESPACE, "aws", unknownRegion), NAMESPACE));
        AwsProvider certificateManager = withStaticKeys(aws("us-east-1"), null);
        certificateManager.service = AwsProvider.Service.CertificateManager;
        ProviderConfigurationException e = assertThrows(
                ProviderConfigurationException.class,
                () -> harness.provider.newClient(secretStore(NAMESPACE, "aws", certificateManager), NAMESPACE));
        assertTrue(e.getMessage().contains("CertificateManager"), e.getMessage());
        AwsProvider missingKeys = withStaticKeys(aws("us-east-1"), null);
        assertThrows(
                ProviderConfigurationException.class,
                () -> harness.provider.newClient(secretStore("no-keys-here", "aws", missingKeys), "no-keys-here"));
    }
}
