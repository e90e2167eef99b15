package io.sluice.testing.aws.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.testing.MutableClock;
import io.sluice.testing.aws.SdkClients;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.Filter;
import software.amazon.awssdk.services.secretsmanager.model.FilterNameStringType;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.StsException;

/** The emulator's own test hooks and the AWS rules that only the emulator lets a test provoke. */
@Tag("slow")
class AwsEmulatorTest {

    private static final String KEY = "AKIAEMULATORTEST0001";
    private static final String ROLE = "arn:aws:iam::123456789012:role/reader";
    private static final StaticCredentialsProvider STATIC =
            StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY, "secret"));

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private AwsEmulator emulator;
    private SecretsManagerClient sm;
    private StsClient sts;

    @BeforeEach
    void start() {
        emulator = AwsEmulator.start(clock);
        sm = secretsManager(STATIC, Region.US_EAST_1);
        sts = SdkClients.sts(emulator.endpoint(), Region.US_EAST_1, STATIC);
    }

    @AfterEach
    void stop() {
        sm.close();
        sts.close();
        emulator.close();
    }

    @Test
    void countsCallsIncludingRetriesOfAnInjectedThrottle() {
        emulator.seedSecret("app/db", "v", Map.of());
        emulator.failNext("GetSecretValue", 1, "ThrottlingException", 400);

        assertEquals("v", sm.getSecretValue(b -> b.secretId("app/db")).secretString());

        assertEquals(2, emulator.calls("GetSecretValue"));
        emulator.resetCalls();
        assertEquals(0, emulator.calls("GetSecretValue"));
    }

    @Test
    void injectedErrorsReachTheCallerWithCodeAndStatus() {
        emulator.seedSecret("app/db", "v", Map.of());
        emulator.failNext("GetSecretValue", 1, "AccessDeniedException", 400);
        SecretsManagerException denied =
                assertThrows(SecretsManagerException.class, () -> sm.getSecretValue(b -> b.secretId("app/db")));
        assertEquals("AccessDeniedException", denied.awsErrorDetails().errorCode());
        assertEquals(1, emulator.calls("GetSecretValue"), "a client error is not retried");

        emulator.failNext("GetSecretValue", 10, "InternalFailure", 500);
        SecretsManagerException failure =
                assertThrows(SecretsManagerException.class, () -> sm.getSecretValue(b -> b.secretId("app/db")));
        assertEquals(500, failure.statusCode());
        assertTrue(emulator.calls("GetSecretValue") > 2, "a server error is retried");
    }

    @Test
    void faultsAreCountedOrStandUntilClearedAndMayCoverEveryOperation() {
        emulator.seedSecret("app/db", "v", Map.of());
        emulator.inject("GetSecretValue", Fault.error("InternalServiceError", 500), 1);
        try (AwsEmulator.Outage outage =
                emulator.injectUntilCleared(AwsEmulator.ALL_OPERATIONS, Fault.error("ExpiredTokenException", 400))) {
            SecretsManagerException expired =
                    assertThrows(SecretsManagerException.class, () -> sm.getSecretValue(b -> b.secretId("app/db")));
            assertEquals(
                    "ExpiredTokenException",
                    expired.awsErrorDetails().errorCode(),
                    "the counted 500 first, retried, then the standing fault");
            assertThrows(SecretsManagerException.class, () -> sm.describeSecret(b -> b.secretId("app/db")));
        }
        assertEquals("v", sm.getSecretValue(b -> b.secretId("app/db")).secretString(), "closed: the outage ends");
        assertEquals(2, emulator.faultsInjected("GetSecretValue"));
        assertEquals(1, emulator.faultsInjected("DescribeSecret"));
    }

    @Test
    void aDroppedConnectionIsAnIoErrorAndASlowAnswerStillArrives() {
        emulator.seedSecret("app/db", "v", Map.of());
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(emulator.endpoint())
                .header("X-Amz-Target", "secretsmanager.GetSecretValue")
                .header("Content-Type", "application/x-amz-json-1.1")
                .POST(HttpRequest.BodyPublishers.ofString("{\"SecretId\":\"app/db\"}"))
                .build();
        emulator.inject("GetSecretValue", Fault.connectionDrop(), 1);
        assertThrows(java.io.IOException.class, () -> http.send(request, HttpResponse.BodyHandlers.ofString()));

        emulator.inject("GetSecretValue", Fault.slow(Duration.ofMillis(400)), 1);
        long start = System.nanoTime();
        assertEquals("v", sm.getSecretValue(b -> b.secretId("app/db")).secretString());
        assertTrue(System.nanoTime() - start >= 400_000_000L, "answered after the delay");
    }

    @Test
    void allowListRefusesUnknownKeysButAcceptsRolesIssuedForListedArns() {
        emulator.seedSecret("app/db", "v", Map.of());
        emulator.restrictAccessTo(KEY, ROLE);

        try (SecretsManagerClient stranger = secretsManager(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIASTRANGER00000001", "x")),
                Region.US_EAST_1)) {
            SecretsManagerException denied = assertThrows(
                    SecretsManagerException.class, () -> stranger.getSecretValue(b -> b.secretId("app/db")));
            assertEquals("AccessDeniedException", denied.awsErrorDetails().errorCode());
        }
        Credentials allowed =
                sts.assumeRole(b -> b.roleArn(ROLE).roleSessionName("ok")).credentials();
        try (SecretsManagerClient asRole = secretsManager(asProvider(allowed), Region.US_EAST_1)) {
            assertEquals("v", asRole.getSecretValue(b -> b.secretId("app/db")).secretString());
        }
        Credentials other = sts.assumeRole(
                        b -> b.roleArn("arn:aws:iam::123456789012:role/other").roleSessionName("no"))
                .credentials();
        try (StsClient asOther = SdkClients.sts(emulator.endpoint(), Region.US_EAST_1, asProvider(other))) {
            StsException denied = assertThrows(StsException.class, asOther::getCallerIdentity);
            assertEquals("AccessDenied", denied.awsErrorDetails().errorCode());
            assertEquals(403, denied.statusCode());
        }
    }

    @Test
    void expiredTemporaryCredentialsAreRefused() {
        emulator.seedSecret("app/db", "v", Map.of());
        emulator.issueCredentialsValidFor(Duration.ofMinutes(15));
        Credentials issued =
                sts.assumeRole(b -> b.roleArn(ROLE).roleSessionName("short")).credentials();
        assertEquals(clock.instant().plus(Duration.ofMinutes(15)), issued.expiration());

        clock.advance(Duration.ofMinutes(16));
        try (SecretsManagerClient asRole = secretsManager(asProvider(issued), Region.US_EAST_1)) {
            SecretsManagerException expired =
                    assertThrows(SecretsManagerException.class, () -> asRole.getSecretValue(b -> b.secretId("app/db")));
            assertEquals("ExpiredTokenException", expired.awsErrorDetails().errorCode());
        }
    }

    @Test
    void callerIdentityOfStaticKeysAndValidationOfAssumeRole() {
        assertEquals("123456789012", sts.getCallerIdentity().account());
        StsException invalid = assertThrows(
                StsException.class,
                () -> sts.assumeRole(b -> b.roleArn(ROLE).roleSessionName("s").durationSeconds(60)));
        assertEquals("ValidationError", invalid.awsErrorDetails().errorCode());
        assertEquals(
                List.of("GetCallerIdentity"),
                emulator.stsCalls().stream().map(StsCall::action).toList());
    }

    @Test
    void unsignedRequestsAreRefusedExceptWebIdentity() throws Exception {
        HttpRequest unsigned = HttpRequest.newBuilder(emulator.endpoint())
                .header("X-Amz-Target", "secretsmanager.ListSecrets")
                .header("Content-Type", "application/x-amz-json-1.1")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(unsigned, HttpResponse.BodyHandlers.ofString());
            assertEquals(403, response.statusCode());
            assertTrue(response.body().contains("MissingAuthenticationTokenException"), response.body());
        }
    }

    @Test
    void oldVersionsLoseTheirLabelsAndClientTokensAreIdempotent() {
        emulator.seedSecret("app/db", "one", Map.of());
        String two =
                sm.putSecretValue(b -> b.secretId("app/db").secretString("two")).versionId();
        String three = sm.putSecretValue(b -> b.secretId("app/db")
                        .secretString("three")
                        .clientRequestToken("11111111-2222-3333-4444-555555555555"))
                .versionId();

        assertEquals(
                "two",
                sm.getSecretValue(b -> b.secretId("app/db").versionStage("AWSPREVIOUS"))
                        .secretString());
        assertEquals(Set.of(two, three), versionIds(false));
        assertEquals(3, versionIds(true).size());
        String again = sm.putSecretValue(
                        b -> b.secretId("app/db").secretString("three").clientRequestToken(three))
                .versionId();
        assertEquals(three, again);
        assertThrows(
                ResourceExistsException.class,
                () -> sm.putSecretValue(
                        b -> b.secretId("app/db").secretString("other").clientRequestToken(three)));
    }

    @Test
    void secretsAreFoundByPartialArnAndKeptPerRegion() {
        String arn = emulator.seedSecret("app/db", "v", Map.of());
        assertTrue(arn.startsWith("arn:aws:secretsmanager:us-east-1:123456789012:secret:app/db-"), arn);
        String partial = arn.substring(0, arn.length() - 7);
        assertEquals("v", sm.getSecretValue(b -> b.secretId(partial)).secretString());

        try (SecretsManagerClient europe = secretsManager(STATIC, Region.EU_WEST_1)) {
            assertThrows(ResourceNotFoundException.class, () -> europe.getSecretValue(b -> b.secretId("app/db")));
        }
    }

    @Test
    void descriptionAndAllFiltersMatchWordsAndValuesCanBeNegated() {
        sm.createSecret(b ->
                b.name("billing/db").description("Primary Postgres password").secretString("x"));
        sm.createSecret(b -> b.name("search/api").description("Elastic token").secretString("y"));

        assertEquals(Set.of("billing/db"), names(FilterNameStringType.DESCRIPTION, "postgres"));
        assertEquals(Set.of("search/api"), names(FilterNameStringType.ALL, "elastic"));
        assertEquals(Set.of("search/api"), names(FilterNameStringType.NAME, "!billing"));
    }

    @Test
    void secretValuesStayOutOfDiagnostics() {
        emulator.seedSecret("app/db", "hunter2-value", Map.of());
        SecretsManagerState state = emulator.secrets("us-east-1");
        SecretRecord secret = state.find("app/db");
        SecretVersion version = state.read(secret, null, null);

        assertFalse(version.toString().contains("hunter2"));
        assertFalse(secret.toString().contains("hunter2"));
        StsCall call = new StsCall(
                "AssumeRoleWithWebIdentity",
                null,
                ROLE,
                "s",
                null,
                Map.of(),
                List.of(),
                null,
                "token-hunter2",
                "ASIA1");
        assertFalse(call.toString().contains("hunter2"));
    }

    private Set<String> versionIds(boolean includeDeprecated) {
        return sm
                .listSecretVersionIds(b -> b.secretId("app/db").includeDeprecated(includeDeprecated))
                .versions()
                .stream()
                .map(v -> v.versionId())
                .collect(Collectors.toSet());
    }

    private Set<String> names(FilterNameStringType key, String value) {
        return sm
                .listSecrets(
                        b -> b.filters(Filter.builder().key(key).values(value).build()))
                .secretList()
                .stream()
                .map(SecretListEntry::name)
                .collect(Collectors.toSet());
    }

    private SecretsManagerClient secretsManager(AwsCredentialsProvider credentials, Region region) {
        return SdkClients.secretsManager(emulator.endpoint(), region, credentials);
    }

    private static StaticCredentialsProvider asProvider(Credentials credentials) {
        return StaticCredentialsProvider.create(AwsSessionCredentials.create(
                credentials.accessKeyId(), credentials.secretAccessKey(), credentials.sessionToken()));
    }

    /** A clock the test moves forward, to expire issued credentials without waiting. */
}
