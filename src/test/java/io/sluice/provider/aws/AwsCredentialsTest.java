package io.sluice.provider.aws;

import static io.sluice.provider.aws.AwsStores.aws;
import static io.sluice.provider.aws.AwsStores.clusterStore;
import static io.sluice.provider.aws.AwsStores.secretStore;
import static io.sluice.provider.aws.AwsStores.withJwt;
import static io.sluice.provider.aws.AwsStores.withStaticKeys;
import static io.sluice.provider.aws.ProviderHarness.NAMESPACE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.api.v1.AwsProvider;
import io.sluice.provider.ProviderConfigurationException;
import io.sluice.provider.RemoteKey;
import io.sluice.provider.SecretsClient;
import io.sluice.provider.StoreView;
import io.sluice.provider.aws.credentials.CredentialsProviders;
import io.sluice.testing.aws.AwsTestServer;
import io.sluice.testing.aws.EmulatorExtension;
import io.sluice.testing.aws.emulator.AwsEmulator;
import io.sluice.testing.aws.emulator.StsCall;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each way of getting credentials, end to end on the emulator: the Kubernetes reads or the token request,
 * the STS exchange, then a read that only the resulting credentials are allowed to make.
 */
@Tag("slow")
class AwsCredentialsTest {
    private static final String ROLE = "arn:aws:iam::123456789012:role/secrets-reader";
    private static final String OTHER_KEY = "AKIAOTHERNAMESPACE01";

    @RegisterExtension
    static final EmulatorExtension EMULATOR = new EmulatorExtension();

    private ProviderHarness harness;

    @BeforeEach
    void setUp() {
        harness = new ProviderHarness(EMULATOR.server());
        harness.storeKeys("team-b", OTHER_KEY, "other-secret");
        EMULATOR.server().createSecret("app/db", "s3cr3t");
    }

    @AfterEach
    void tearDown() {
        harness.close();
    }

    private static AwsEmulator emulator() {
        return EMULATOR.emulator();
    }

    private String read(StoreView store, String consumerNamespace) {
        try (SecretsClient client = harness.provider.newClient(store, consumerNamespace)) {
            return client.fetch(new RemoteKey("app/db", null, false)).asString();
        }
    }

    private static List<StsCall> stsCalls(String action) {
        return emulator().stsCalls().stream()
                .filter(c -> c.action().equals(action))
                .toList();
    }

    @Test
    void aSecretStoreReadsItsKeysInItsOwnNamespaceWhateverTheRefSays() {
        emulator().restrictAccessTo(AwsTestServer.TEST_ACCESS_KEY);
        AwsProvider aws = withStaticKeys(aws("us-east-1"), "team-b");
        assertEquals("s3cr3t", read(secretStore(NAMESPACE, "aws", aws), NAMESPACE));
        assertTrue(emulator().stsCalls().isEmpty());
    }

    @Test
    void aClusterStoreWithoutRefNamespaceReadsTheConsumersKeys() {
        emulator().restrictAccessTo(AwsTestServer.TEST_ACCESS_KEY);
        StoreView store = clusterStore("shared", withStaticKeys(aws("us-east-1"), null));
        assertTrue(harness.provider.usesReferentAuth(store));
        assertEquals("s3cr3t", read(store, NAMESPACE));
        ProviderConfigurationException denied =
                assertThrows(ProviderConfigurationException.class, () -> read(store, "team-b"));
        assertTrue(denied.getMessage().contains("AccessDenied"), denied.getMessage());
        assertThrows(ProviderConfigurationException.class, () -> harness.provider.newClient(store, null));
    }

    @Test
    void refusedStaticKeysNeverAppearInTheError() {
        String accessKey = "AKIALEAKCHECK0000042";
        String secretKey = "LEAKCHECK-secret-key-42";
        harness.storeKeys(NAMESPACE, accessKey, secretKey);
        emulator().restrictAccessTo(AwsTestServer.TEST_ACCESS_KEY);

        ProviderConfigurationException denied = assertThrows(
                ProviderConfigurationException.class,
                () -> read(secretStore(NAMESPACE, "aws", withStaticKeys(aws("us-east-1"), null)), NAMESPACE));

        assertTrue(denied.getMessage().contains("AccessDenied"), denied.getMessage());
        assertFalse(denied.getMessage().contains(accessKey), denied.getMessage());
        assertFalse(denied.getMessage().contains("LEAKCHECK"), denied.getMessage());
        assertTrue(emulator().calls("GetSecretValue") > 0, "the keys reached AWS and were refused there");
    }

    @Test
    void aClusterStoreRefNamespaceWins() {
        emulator().restrictAccessTo(AwsTestServer.TEST_ACCESS_KEY);
        StoreView store = clusterStore("shared", withStaticKeys(aws("us-east-1"), NAMESPACE));
        assertEquals("s3cr3t", read(store, "team-b"));
    }

    @Test
    void irsaExchangesTheTokenFileForTheRoleFromTheEnvironment(@TempDir Path dir) throws Exception {
        Path tokenFile = dir.resolve("token");
        Files.writeString(tokenFile, "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzeXN0ZW06c2VydmljZWFjY291bnQ6c2x1aWNlIn0.c2ln");
        emulator().restrictAccessTo(ROLE);
        // The SDK reads AWS_ROLE_ARN/AWS_WEB_IDENTITY_TOKEN_FILE from these system properties first.
        System.setProperty("aws.roleArn", ROLE);
        System.setProperty("aws.webIdentityTokenFile", tokenFile.toString());
        try {
            assertEquals("s3cr3t", read(secretStore(NAMESPACE, "aws", aws("us-east-1")), NAMESPACE));
        } finally {
            System.clearProperty("aws.roleArn");
            System.clearProperty("aws.webIdentityTokenFile");
        }
        List<StsCall> calls = stsCalls("AssumeRoleWithWebIdentity");
        assertEquals(1, calls.size(), emulator().stsCalls().toString());
        assertEquals(ROLE, calls.get(0).roleArn());
        assertEquals(Files.readString(tokenFile), calls.get(0).webIdentityToken());
        assertEquals(CredentialsProviders.SESSION_NAME, calls.get(0).roleSessionName());
    }

    @Test
    void jwtMintsAServiceAccountTokenAndAssumesTheAnnotatedRole() {
        harness.kubernetes.serviceAccount(NAMESPACE, "reader", Map.of("eks.amazonaws.com/role-arn", ROLE));
        emulator().restrictAccessTo(ROLE);
        AwsProvider aws = withJwt(aws("us-east-1"), "reader", "ignored-for-secret-stores");
        aws.auth.jwt.serviceAccountRef.audiences = List.of("sluice");
        assertEquals("s3cr3t", read(secretStore(NAMESPACE, "aws", aws), NAMESPACE));

        List<KubernetesFixture.MintedToken> minted = harness.kubernetes.minted();
        assertEquals(1, minted.size());
        assertEquals(List.of("sts.amazonaws.com", "sluice"), minted.get(0).audiences());
        assertEquals(NAMESPACE, minted.get(0).namespace());
        List<StsCall> calls = stsCalls("AssumeRoleWithWebIdentity");
        assertEquals(1, calls.size());
        assertEquals(ROLE, calls.get(0).roleArn());
        assertEquals(minted.get(0).token(), calls.get(0).webIdentityToken());
        assertEquals(CredentialsProviders.SESSION_NAME, calls.get(0).roleSessionName());
    }

    @Test
    void jwtTakesTheAudienceFromTheServiceAccountAnnotation() {
        harness.kubernetes.serviceAccount(
                NAMESPACE,
                "reader",
                Map.of("eks.amazonaws.com/role-arn", ROLE, "eks.amazonaws.com/audience", "custom.example.com"));
        read(secretStore(NAMESPACE, "aws", withJwt(aws("us-east-1"), "reader", null)), NAMESPACE);
        assertEquals(
                List.of("custom.example.com"),
                harness.kubernetes.minted().get(0).audiences());
    }

    @Test
    void jwtWithoutARoleAnnotationIsAClearConfigurationError() {
        harness.kubernetes.serviceAccount(NAMESPACE, "plain", Map.of());
        ProviderConfigurationException e = assertThrows(
                ProviderConfigurationException.class,
                () -> harness.provider.newClient(
                        secretStore(NAMESPACE, "aws", withJwt(aws("us-east-1"), "plain", null)), NAMESPACE));
        assertTrue(
                e.getMessage().contains("an IAM role must be associated with service account team-a/plain"),
                e.getMessage());
    }

    @Test
    void rolesAreAssumedInOrderWithTheExternalIdAndTagsOnTheLastOne() {
        String hop1 = "arn:aws:iam::111111111111:role/hop-1";
        String hop2 = "arn:aws:iam::222222222222:role/hop-2";
        String target = "arn:aws:iam::333333333333:role/reader";
        emulator().restrictAccessTo(AwsTestServer.TEST_ACCESS_KEY, hop1, hop2, target);
        AwsProvider aws = withStaticKeys(aws("us-east-1"), null);
        aws.additionalRoles = List.of(hop1, hop2);
        aws.role = target;
        aws.externalID = "ext-42";
        AwsProvider.Tag tag = new AwsProvider.Tag();
        tag.key = "team";
        tag.value = "payments";
        aws.sessionTags = List.of(tag);
        aws.transitiveTagKeys = List.of("team");
        assertEquals("s3cr3t", read(secretStore(NAMESPACE, "aws", aws), NAMESPACE));

        List<StsCall> calls = stsCalls("AssumeRole");
        assertEquals(3, calls.size(), calls.toString());
        assertEquals(
                List.of(hop1, hop2, target),
                calls.stream().map(StsCall::roleArn).toList());
        assertEquals(AwsTestServer.TEST_ACCESS_KEY, calls.get(0).callerAccessKey());
        assertEquals(calls.get(0).issuedAccessKey(), calls.get(1).callerAccessKey());
        assertEquals(calls.get(1).issuedAccessKey(), calls.get(2).callerAccessKey());
        assertNull(calls.get(0).externalId());
        assertTrue(calls.get(0).tags().isEmpty());
        assertEquals("ext-42", calls.get(2).externalId());
        assertEquals(Map.of("team", "payments"), calls.get(2).tags());
        assertEquals(List.of("team"), calls.get(2).transitiveTagKeys());
    }

    @Test
    void oneJwtStoreCostsOneStsCallForAHundredSyncs() {
        harness.kubernetes.serviceAccount(NAMESPACE, "reader", Map.of("eks.amazonaws.com/role-arn", ROLE));
        StoreView store = secretStore(NAMESPACE, "aws", withJwt(aws("us-east-1"), "reader", null));
        // Each sync builds its client anew, as a reconcile after a store edit would: the pool keeps the session.
        for (int i = 0; i < 100; i++) {
            assertEquals("s3cr3t", read(store, NAMESPACE));
        }
        int sts = stsCalls("AssumeRoleWithWebIdentity").size();
        System.out.println("[measure] emulator: STS AssumeRoleWithWebIdentity calls for 100 fetches through one jwt"
                + " store = " + sts + ", TokenRequests = "
                + harness.kubernetes.minted().size()
                + ", GetSecretValue = " + emulator().calls("GetSecretValue"));
        assertEquals(1, sts);
        assertEquals(1, harness.kubernetes.minted().size());
        assertEquals(100, emulator().calls("GetSecretValue"));
    }

    @Test
    void renewingTheStsSessionMintsAFreshToken() {
        emulator().issueCredentialsValidFor(Duration.ofMinutes(2));
        harness.kubernetes.serviceAccount(NAMESPACE, "reader", Map.of("eks.amazonaws.com/role-arn", ROLE));
        StoreView store = secretStore(NAMESPACE, "aws", withJwt(aws("us-east-1"), "reader", null));
        try (SecretsClient client = harness.provider.newClient(store, NAMESPACE)) {
            for (int i = 0; i < 3; i++) {
                client.fetch(new RemoteKey("app/db", null, false));
            }
        }
        // Sessions shorter than the 5 minute refresh margin are renewed on every use.
        List<StsCall> calls = stsCalls("AssumeRoleWithWebIdentity");
        assertEquals(3, calls.size());
        assertEquals(3, calls.stream().map(StsCall::webIdentityToken).distinct().count());
    }

    @Test
    void aRefusedTokenExchangeIsAConfigurationErrorWithoutTheToken() {
        harness.kubernetes.serviceAccount(NAMESPACE, "reader", Map.of("eks.amazonaws.com/role-arn", ROLE));
        emulator().failNext("AssumeRoleWithWebIdentity", 1, "AccessDenied", 403);
        try (SecretsClient client = harness.provider.newClient(
                secretStore(NAMESPACE, "aws", withJwt(aws("us-east-1"), "reader", null)), NAMESPACE)) {
            ProviderConfigurationException e = assertThrows(
                    ProviderConfigurationException.class, () -> client.fetch(new RemoteKey("app/db", null, false)));
            assertTrue(e.getMessage().contains("AccessDenied"), e.getMessage());
            assertTrue(e.getMessage().contains("app/db"), e.getMessage());
            String token = harness.kubernetes.minted().get(0).token();
            assertFalse(e.getMessage().contains(token), e.getMessage());
            assertFalse(e.getMessage().contains("s3cr3t"), e.getMessage());
        }
        assertEquals(0, emulator().calls("GetSecretValue"));
    }

    @Test
    void validationResolvesTheCredentialsAndCallsGetCallerIdentity() {
        harness.kubernetes.serviceAccount(NAMESPACE, "reader", Map.of("eks.amazonaws.com/role-arn", ROLE));
        try (SecretsClient client = harness.provider.newClient(
                secretStore(NAMESPACE, "aws", withJwt(aws("us-east-1"), "reader", null)), NAMESPACE)) {
            client.validate();
        }
        assertEquals(1, stsCalls("AssumeRoleWithWebIdentity").size());
        assertEquals(1, emulator().calls("GetCallerIdentity"));
        assertEquals(0, emulator().calls("GetSecretValue"));
    }
}
