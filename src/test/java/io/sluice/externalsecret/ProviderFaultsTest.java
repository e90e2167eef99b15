package io.sluice.externalsecret;

import static io.sluice.testing.Fixtures.externalSecret;
import static io.sluice.testing.Fixtures.withData;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.sluice.api.common.Condition;
import io.sluice.api.v1.SecretStore;
import io.sluice.kube.WellKnown;
import io.sluice.metrics.ProviderCallMetrics;
import io.sluice.metrics.SyncMetrics;
import io.sluice.testing.Fixtures;
import io.sluice.testing.aws.EmulatorResource;
import io.sluice.testing.aws.emulator.AwsEmulator;
import io.sluice.testing.aws.emulator.Fault;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each provider fault, injected in the AWS emulator while an ExternalSecret is synced by the real reconciler:
 * the Secret stays byte for byte the same, Ready=False names the failure (the AWS error code when there is one),
 * the error metrics count it, and the first attempt after the fault clears brings the ExternalSecret back.
 */
@Tag("slow")
@QuarkusTest
@WithKubernetesTestServer(crud = true)
@QuarkusTestResource(EmulatorResource.class)
@TestProfile(ProviderFaultsTest.ShortAwsCallTimeout.class)
class ProviderFaultsTest {
    private static final String AWS = "AWS/SecretsManager";

    /**
     * A slow answer becomes a timeout within a test's patience, yet a throttled call still gets its token from
     * the adaptive rate limiter (at least one every 2 s) within the timeout.
     */
    public static class ShortAwsCallTimeout implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("sluice.aws.call-timeout", "3s");
        }
    }

    enum ProviderFault {
        THROTTLING(Fault.throttling(), "ThrottlingException (HTTP 400)"),
        SERVER_ERROR(Fault.serverError(503), "ServiceUnavailable (HTTP 503)"),
        TIMEOUT(Fault.slow(Duration.ofSeconds(5)), "GetSecretValue %s failed: timed out"),
        CONNECTION_DROP(Fault.connectionDrop(), "GetSecretValue %s failed: network error"),
        EXPIRED_TOKEN(Fault.expiredToken(), "ExpiredTokenException (HTTP 400)"),
        INVALID_CLIENT_TOKEN(Fault.invalidClientTokenId(), "InvalidClientTokenId (HTTP 403)");

        final Fault fault;
        final String message;

        ProviderFault(Fault fault, String message) {
            this.fault = fault;
            this.message = message;
        }
    }

    @Inject
    KubernetesClient client;

    @Inject
    SyncMetrics syncs;

    @Inject
    ProviderCallMetrics providerCalls;

    private TestNamespace t;

    @BeforeEach
    void namespace() {
        t = new TestNamespace(client);
    }

    @ParameterizedTest
    @EnumSource(ProviderFault.class)
    void aProviderFaultLeavesTheSecretAsItWasReportsTheCodeAndRecoversAtTheNextAttempt(ProviderFault kind) {
        AwsEmulator aws = EmulatorResource.emulator();
        String remote = t.ns + "/db";
        aws.seedSecret(remote, "{\"user\":\"app\",\"pass\":\"p4ss\"}", Map.of());
        // an identity of its own: the adaptive rate limiter of one case does not slow the next
        createKeys("AKID" + kind.name().replace("_", "").substring(0, 6) + t.ns.substring(2));
        client.resource(awsStore("aws")).create();
        client.resource(withData(
                        withData(externalSecret(t.ns, "app", "aws", "1h"), "user", remote, "user"),
                        "pass",
                        remote,
                        "pass"))
                .create();
        t.awaitData("app", Map.of("user", "app", "pass", "p4ss"));
        // synced and recorded: the force-sync below is a change after a sync, which reads the provider afresh
        await().atMost(TestNamespace.WAIT)
                .until(() -> t.es("app").getStatus() != null
                        && t.es("app").getStatus().syncedResourceVersion != null
                        && "True".equals(t.ready("app").status));
        Secret before = t.secret("app");
        double errorsBefore = syncs.errorCount(t.ns, "app");
        double failedCallsBefore = providerCalls.count(AWS, "GetSecretValue", false);
        int injectedBefore = aws.faultsInjected("GetSecretValue");

        Condition failed;
        double errorsAtClear;
        int injected;
        long clearedAt;
        try (AwsEmulator.Outage outage = aws.injectUntilCleared("GetSecretValue", kind.fault)) {
            forceSync();
            failed = t.awaitReady("app", "False", kind.message.formatted(remote));
            // a few backoff steps (test profile: 200 ms doubling to 2 s) pass while the fault lasts
            await().atMost(TestNamespace.WAIT).until(() -> syncs.errorCount(t.ns, "app") >= errorsBefore + 3);
            errorsAtClear = syncs.errorCount(t.ns, "app");
            injected = aws.faultsInjected("GetSecretValue") - injectedBefore;
            clearedAt = System.nanoTime();
        }
        t.awaitReady("app", "True");
        long recoveryMs = (System.nanoTime() - clearedAt) / 1_000_000;

        assertEquals("SecretSyncedError", failed.reason);
        assertTrue(failed.message.contains(remote), failed.message);
        assertFalse(failed.message.contains("p4ss"), failed.message);
        Secret after = t.secret("app");
        assertEquals(
                before.getMetadata().getResourceVersion(),
                after.getMetadata().getResourceVersion(),
                "the Secret was not written during the fault");
        assertEquals(before, after, "byte for byte the same");
        assertTrue(t.hasEvent("UpdateFailed"));
        assertTrue(errorsAtClear >= errorsBefore + 3, "externalsecret_sync_calls_error counts each failed sync");
        assertTrue(
                providerCalls.count(AWS, "GetSecretValue", false) >= failedCallsBefore + 3,
                "the provider call metric counts each failed call");
        // at most the attempt that straddled the clear fails: the next backoff step succeeds
        assertTrue(
                syncs.errorCount(t.ns, "app") <= errorsAtClear + 1,
                "failures after the fault cleared: " + (syncs.errorCount(t.ns, "app") - errorsAtClear));
        // the attempt straddling the clear may time out (3 s), then a backoff step (2 s), then, after throttling,
        // the adaptive rate limiter hands out its next token (up to 2 s) to a call that may be throttled once more
        assertTrue(recoveryMs <= 15_000, "recovered " + recoveryMs + " ms after the fault cleared");
        System.out.printf(
                "[measure] fault %s: injected into %d GetSecretValue calls, %d failed syncs, "
                        + "Ready=False '%s', Secret unchanged, recovered %d ms after the fault cleared (backoff cap 2 s)%n",
                kind, injected, (long) (errorsAtClear - errorsBefore), failed.message, recoveryMs);
    }

    private void forceSync() {
        t.editEs("app", e -> {
            if (e.getMetadata().getAnnotations() == null) {
                e.getMetadata().setAnnotations(new java.util.HashMap<>());
            }
            e.getMetadata().getAnnotations().put(WellKnown.FORCE_SYNC_ANNOTATION, String.valueOf(System.nanoTime()));
            return e;
        });
    }

    private void createKeys(String accessKey) {
        client.resource(new SecretBuilder()
                        .withMetadata(new ObjectMetaBuilder()
                                .withNamespace(t.ns)
                                .withName("aws-keys")
                                .build())
                        .withData(Map.of("access-key", b64(accessKey), "secret-access-key", b64("s3cret")))
                        .build())
                .create();
    }

    private SecretStore awsStore(String name) {
        return Fixtures.awsStore(t.ns, name);
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
