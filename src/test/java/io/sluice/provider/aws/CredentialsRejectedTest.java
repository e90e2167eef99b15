package io.sluice.provider.aws;

import static io.sluice.provider.aws.AwsStores.aws;
import static io.sluice.provider.aws.AwsStores.secretStore;
import static io.sluice.provider.aws.AwsStores.withStaticKeys;
import static io.sluice.provider.aws.ProviderHarness.NAMESPACE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.provider.CredentialsRejectedException;
import io.sluice.provider.RemoteKey;
import io.sluice.provider.SecretsClient;
import io.sluice.provider.StoreView;
import io.sluice.store.StoreClientCache;
import io.sluice.testing.aws.AwsTestServer;
import io.sluice.testing.aws.EmulatorExtension;
import io.sluice.testing.aws.emulator.AwsEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * When AWS rejects a store client's credentials, the client is built anew once (keys read again from
 * Kubernetes, a new STS session) and the call retried, before the failure is reported. The emulator rejects
 * revoked keys the way AWS does (UnrecognizedClientException, InvalidClientTokenId).
 */
@Tag("slow")
class CredentialsRejectedTest {
    private static final String ROLE = "arn:aws:iam::123456789012:role/secrets-reader";
    private static final String ROTATED_KEY = "AKIAROTATEDKEY000001";
    private static final RemoteKey DB = new RemoteKey("app/db", null, false);

    @RegisterExtension
    static final EmulatorExtension EMULATOR = new EmulatorExtension();

    private ProviderHarness harness;
    private final StoreClientCache cache = new StoreClientCache();

    @BeforeEach
    void setUp() {
        harness = new ProviderHarness(EMULATOR.server());
        EMULATOR.server().createSecret("app/db", "s3cr3t");
    }

    @AfterEach
    void tearDown() {
        cache.evict("SecretStore", NAMESPACE, "keys");
        cache.evict("SecretStore", NAMESPACE, "role");
        harness.close();
    }

    private static AwsEmulator emulator() {
        return EMULATOR.emulator();
    }

    @Test
    void aRevokedKeyMakesTheClientReadTheRotatedKeyAndTheCallSucceeds() {
        StoreView store = secretStore(NAMESPACE, "keys", withStaticKeys(aws(AwsEmulator.DEFAULT_REGION), null));
        SecretsClient client = cache.clientFor(store, harness.provider, NAMESPACE);
        assertEquals("s3cr3t", client.fetch(DB).asString());

        // rotated in Kubernetes, unseen by any watch; then the old key is deleted in IAM
        harness.storeKeys(NAMESPACE, ROTATED_KEY, "rotated-secret");
        emulator().revokeAccessKeys(AwsTestServer.TEST_ACCESS_KEY);
        int before = emulator().calls("GetSecretValue");

        assertEquals("s3cr3t", client.fetch(DB).asString());
        assertEquals(2, emulator().calls("GetSecretValue") - before, "rejected once, then served");
        assertEquals("s3cr3t", client.fetch(DB).asString());
        assertEquals(3, emulator().calls("GetSecretValue") - before, "the rebuilt client is kept");
    }

    @Test
    void aRevokedStsSessionIsReplacedByANewAssumeRole() {
        var aws = withStaticKeys(aws(AwsEmulator.DEFAULT_REGION), null);
        aws.role = ROLE;
        StoreView store = secretStore(NAMESPACE, "role", aws);
        SecretsClient client = cache.clientFor(store, harness.provider, NAMESPACE);
        assertEquals("s3cr3t", client.fetch(DB).asString());
        assertEquals(1, assumeRoleCalls());

        emulator().revokeIssuedSessions();

        assertEquals("s3cr3t", client.fetch(DB).asString());
        assertEquals(2, assumeRoleCalls(), "a new session, not the cached revoked one");
    }

    @Test
    void credentialsStillRejectedAfterOneRebuildAreReportedWithoutFurtherAttempts() {
        StoreView store = secretStore(NAMESPACE, "keys", withStaticKeys(aws(AwsEmulator.DEFAULT_REGION), null));
        SecretsClient client = cache.clientFor(store, harness.provider, NAMESPACE);
        client.validate();
        emulator().revokeAccessKeys(AwsTestServer.TEST_ACCESS_KEY);
        int before = emulator().calls("GetSecretValue");

        CredentialsRejectedException e = assertThrows(CredentialsRejectedException.class, () -> client.fetch(DB));

        assertEquals(2, emulator().calls("GetSecretValue") - before, "one rebuild, one retry, no more");
        assertTrue(e.getMessage().contains("UnrecognizedClientException"), e.getMessage());
        assertFalse(e.getMessage().contains(AwsTestServer.TEST_ACCESS_KEY), e.getMessage());
        assertFalse(e.getMessage().contains(AwsTestServer.TEST_SECRET_KEY), e.getMessage());
    }

    @Test
    void validationRebuildsTooSoARotatedStoreBecomesValidAgain() {
        StoreView store = secretStore(NAMESPACE, "keys", withStaticKeys(aws(AwsEmulator.DEFAULT_REGION), null));
        SecretsClient client = cache.clientFor(store, harness.provider, NAMESPACE);
        client.validate();
        harness.storeKeys(NAMESPACE, ROTATED_KEY, "rotated-secret");
        emulator().revokeAccessKeys(AwsTestServer.TEST_ACCESS_KEY);
        int before = emulator().calls("GetCallerIdentity");

        client.validate();

        assertEquals(2, emulator().calls("GetCallerIdentity") - before, "rejected once, then served");
    }

    private int assumeRoleCalls() {
        return (int) emulator().stsCalls().stream()
                .filter(c -> c.action().equals("AssumeRole"))
                .count();
    }
}
