package io.sluice.provider.aws;

import static io.sluice.provider.aws.AwsStores.aws;
import static io.sluice.provider.aws.AwsStores.retry;
import static io.sluice.provider.aws.AwsStores.secretStore;
import static io.sluice.provider.aws.AwsStores.withStaticKeys;
import static io.sluice.provider.aws.ProviderHarness.NAMESPACE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.config.SluiceConfig.Aws.RetryMode;
import io.sluice.provider.ProviderConfigurationException;
import io.sluice.provider.ProviderException;
import io.sluice.provider.RemoteKey;
import io.sluice.provider.RetryableProviderException;
import io.sluice.provider.SecretsClient;
import io.sluice.testing.aws.AwsServersTest;
import io.sluice.testing.aws.AwsTestServer;
import io.sluice.testing.aws.FaultInjectingProxy;
import io.sluice.testing.aws.emulator.Fault;
import java.time.Duration;
import org.junit.jupiter.api.Tag;

/**
 * The provider faults against every AWS test server, moto included (which has no fault injection): a proxy in
 * front of the server injects them. Each fault ends as the same typed error, naming the AWS code, and the server
 * answers normally again once the fault is cleared.
 */
@Tag("slow")
class AwsFaultsThroughProxyTest {
    private static final RemoteKey KEY = new RemoteKey("app/db", null, false);

    @AwsServersTest
    void eachFaultIsTypedAndNamedAndTheNextCallAfterItSucceeds(AwsTestServer server) {
        server.createSecret("app/db", "value");
        try (FaultInjectingProxy proxy = new FaultInjectingProxy(server.endpoint());
                ProviderHarness harness = new ProviderHarness(
                        server,
                        s -> io.sluice.provider.aws.AwsSettings.defaults(proxy.endpoint(), server.endpoint())
                                .withCallTimeout(Duration.ofSeconds(2))
                                // no client-side rate limit: each fault is followed at once by the recovery call
                                .withRetryMode(RetryMode.STANDARD));
                SecretsClient client = harness.provider.newClient(
                        secretStore(
                                NAMESPACE,
                                "aws",
                                withStaticKeys(aws(server.region().id()), null),
                                retry(1, "10ms")),
                        NAMESPACE)) {
            assertEquals("value", client.fetch(KEY).asString(), "through the proxy, before any fault");
            expect(
                    proxy,
                    client,
                    Fault.throttling(),
                    RetryableProviderException.class,
                    "ThrottlingException (HTTP 400)");
            expect(
                    proxy,
                    client,
                    Fault.serverError(503),
                    RetryableProviderException.class,
                    "ServiceUnavailable (HTTP 503)");
            expect(proxy, client, Fault.slow(Duration.ofSeconds(4)), RetryableProviderException.class, "timed out");
            expect(proxy, client, Fault.connectionDrop(), RetryableProviderException.class, "network error");
            expect(
                    proxy,
                    client,
                    Fault.expiredToken(),
                    ProviderConfigurationException.class,
                    "ExpiredTokenException (HTTP 400)");
            expect(
                    proxy,
                    client,
                    Fault.invalidClientTokenId(),
                    ProviderConfigurationException.class,
                    "InvalidClientTokenId (HTTP 403)");
        }
    }

    private static void expect(
            FaultInjectingProxy proxy,
            SecretsClient client,
            Fault fault,
            Class<? extends ProviderException> type,
            String messagePart) {
        proxy.inject("GetSecretValue", fault);
        ProviderException e = assertThrows(type, () -> client.fetch(KEY), fault.toString());
        assertTrue(e.getMessage().contains(messagePart), fault + ": " + e.getMessage());
        proxy.clear();
        assertEquals("value", client.fetch(KEY).asString(), "recovered after " + fault);
    }
}
