package io.sluice.testing.aws;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.BatchGetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.Filter;
import software.amazon.awssdk.services.secretsmanager.model.FilterNameStringType;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.InvalidRequestException;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;
import software.amazon.awssdk.services.secretsmanager.model.SecretValueEntry;
import software.amazon.awssdk.services.secretsmanager.model.Tag;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityResponse;
import software.amazon.awssdk.services.sts.model.Credentials;

/** Proves the fixture: the same SDK calls behave the same on every available AWS test server. */
@org.junit.jupiter.api.Tag("slow") // qualified: the AWS model has a Tag too
class AwsServersContractTest {

    private static final String ROLE_ARN = "arn:aws:iam::123456789012:role/sluice-reader";

    @AwsServersTest
    void readsTheCurrentPreviousAndAnyVersion(AwsTestServer server) {
        SecretsManagerClient sm = server.secretsManager();
        String arn = server.createSecret("app/db", "first");
        String firstVersion = sm.getSecretValue(b -> b.secretId("app/db")).versionId();
        String secondVersion = server.putSecretValue("app/db", "second");

        GetSecretValueResponse current = sm.getSecretValue(b -> b.secretId("app/db"));
        assertEquals("second", current.secretString());
        assertEquals(secondVersion, current.versionId());
        assertEquals(arn, current.arn());
        assertTrue(current.versionStages().contains("AWSCURRENT"));
        assertEquals(
                "first",
                sm.getSecretValue(b -> b.secretId("app/db").versionStage("AWSPREVIOUS"))
                        .secretString());
        assertEquals(
                "first",
                sm.getSecretValue(b -> b.secretId(arn).versionId(firstVersion)).secretString());
        assertEquals("second", sm.getSecretValue(b -> b.secretId(arn)).secretString());

        DescribeSecretResponse described = sm.describeSecret(b -> b.secretId("app/db"));
        assertEquals(List.of("AWSCURRENT"), described.versionIdsToStages().get(secondVersion));
        assertEquals(List.of("AWSPREVIOUS"), described.versionIdsToStages().get(firstVersion));
        Set<String> listedVersions = sm.listSecretVersionIds(b -> b.secretId(arn)).versions().stream()
                .map(v -> v.versionId())
                .collect(Collectors.toSet());
        assertEquals(Set.of(firstVersion, secondVersion), listedVersions);
    }

    @AwsServersTest
    void readsBinarySecrets(AwsTestServer server) {
        byte[] value = {0, 1, 2, (byte) 0xff, 'k'};
        server.createBinarySecret("app/keystore", value, Map.of());

        GetSecretValueResponse read = server.secretsManager().getSecretValue(b -> b.secretId("app/keystore"));
        assertArrayEquals(value, read.secretBinary().asByteArray());
        assertNull(read.secretString());
    }

    @AwsServersTest
    void reportsMissingAndDuplicateSecretsWithTypedErrors(AwsTestServer server) {
        SecretsManagerClient sm = server.secretsManager();
        assertThrows(ResourceNotFoundException.class, () -> sm.getSecretValue(b -> b.secretId("absent")));
        server.createSecret("app/once", "v");
        assertThrows(ResourceExistsException.class, () -> server.createSecret("app/once", "again"));
        assertThrows(
                ResourceNotFoundException.class,
                () -> sm.getSecretValue(b -> b.secretId("app/once").versionId("00000000-0000-0000-0000-000000000000")));
        sm.createSecret(b -> b.name("app/no-value"));
        assertThrows(ResourceNotFoundException.class, () -> sm.getSecretValue(b -> b.secretId("app/no-value")));
    }

    @AwsServersTest
    void listsByNamePrefixAndTagsAcrossPages(AwsTestServer server) {
        server.createSecret("team-a/db", "1", Map.of("env", "prod", "owner", "a"));
        server.createSecret("team-a/api", "2", Map.of("env", "dev"));
        server.createSecret("team-a/cache", "3", Map.of("env", "prod"));
        server.createSecret("team-b/db", "4", Map.of("env", "prod", "owner", "b"));
        server.createSecret("other", "5", Map.of());

        assertEquals(
                Set.of("team-a/db", "team-a/api", "team-a/cache"),
                names(server, filter(FilterNameStringType.NAME, "team-a/")));
        assertEquals(Set.of("team-a/db", "team-b/db"), names(server, filter(FilterNameStringType.TAG_KEY, "owner")));
        assertEquals(
                Set.of("team-a/db", "team-a/cache"),
                names(
                        server,
                        filter(FilterNameStringType.NAME, "team-a"),
                        filter(FilterNameStringType.TAG_VALUE, "prod")));

        List<String> paged = new ArrayList<>();
        int pages = 0;
        String token = null;
        do {
            String next = token;
            ListSecretsResponse page =
                    server.secretsManager().listSecrets(b -> b.maxResults(2).nextToken(next));
            assertTrue(page.secretList().size() <= 2);
            page.secretList().forEach(entry -> paged.add(entry.name()));
            token = page.nextToken();
            pages++;
        } while (token != null);
        assertEquals(5, paged.size());
        assertEquals(5, new HashSet<>(paged).size());
        assertTrue(pages >= 3, "5 secrets in pages of 2 need at least 3 pages, got " + pages);
    }

    @AwsServersTest
    void batchGetsByIdsAndByFilters(AwsTestServer server) {
        String dbArn = server.createSecret("batch/db", "db-value", Map.of("group", "batch"));
        server.createSecret("batch/api", "api-value", Map.of("group", "batch"));

        BatchGetSecretValueResponse byIds =
                server.secretsManager().batchGetSecretValue(b -> b.secretIdList(dbArn, "batch/api", "batch/absent"));
        assertEquals(Map.of("batch/db", "db-value", "batch/api", "api-value"), values(byIds.secretValues()));
        if (server.hasQuirk(ServerQuirk.BATCH_GET_OMITS_MISSING_IDS)) {
            assertTrue(byIds.errors().isEmpty());
        } else {
            assertEquals(1, byIds.errors().size());
            assertEquals("batch/absent", byIds.errors().get(0).secretId());
            assertEquals("ResourceNotFoundException", byIds.errors().get(0).errorCode());
        }

        Map<String, String> byFilter = new java.util.HashMap<>();
        String token = null;
        do {
            String next = token;
            BatchGetSecretValueResponse page = server.secretsManager()
                    .batchGetSecretValue(b -> b.filters(filter(FilterNameStringType.TAG_VALUE, "batch"))
                            .maxResults(1)
                            .nextToken(next));
            assertTrue(page.secretValues().size() <= 1);
            byFilter.putAll(values(page.secretValues()));
            token = page.nextToken();
        } while (token != null);
        assertEquals(Map.of("batch/db", "db-value", "batch/api", "api-value"), byFilter);
    }

    @AwsServersTest
    void tagsAndUntags(AwsTestServer server) {
        server.createSecret("app/tagged", "v", Map.of("keep", "1", "drop", "2"));
        SecretsManagerClient sm = server.secretsManager();

        sm.tagResource(b -> b.secretId("app/tagged")
                .tags(
                        Tag.builder().key("added").value("3").build(),
                        Tag.builder().key("keep").value("changed").build()));
        sm.untagResource(b -> b.secretId("app/tagged").tagKeys("drop"));

        Map<String, String> tags = sm.describeSecret(b -> b.secretId("app/tagged")).tags().stream()
                .collect(Collectors.toMap(Tag::key, Tag::value));
        assertEquals(Map.of("keep", "changed", "added", "3"), tags);
    }

    @AwsServersTest
    void deleteWithRecoveryWindowKeepsTheSecretMarkedForDeletion(AwsTestServer server) {
        server.createSecret("app/retired", "v");
        SecretsManagerClient sm = server.secretsManager();

        Instant deletionDate = sm.deleteSecret(b -> b.secretId("app/retired").recoveryWindowInDays(7L))
                .deletionDate();
        Duration untilDeletion = Duration.between(Instant.now(), deletionDate);
        assertTrue(
                untilDeletion.compareTo(Duration.ofDays(7).minusMinutes(5)) > 0
                        && untilDeletion.compareTo(Duration.ofDays(7).plusMinutes(5)) < 0,
                "deletion in 7 days: " + deletionDate);

        InvalidRequestException error =
                assertThrows(InvalidRequestException.class, () -> sm.getSecretValue(b -> b.secretId("app/retired")));
        // AWS: "...because it was marked for deletion."; moto: "...currently marked deleted."
        String message = error.awsErrorDetails().errorMessage();
        assertTrue(message.contains("marked") && message.contains("delet"), message);
        Instant deletedDate = sm.describeSecret(b -> b.secretId("app/retired")).deletedDate();
        assertTrue(
                Duration.between(deletedDate, deletionDate).abs().getSeconds() <= 1,
                "DescribeSecret's DeletedDate is the scheduled deletion date: " + deletedDate);
        assertFalse(listedNames(sm.listSecrets(b -> {})).contains("app/retired"));
        assertTrue(
                listedNames(sm.listSecrets(b -> b.includePlannedDeletion(true))).contains("app/retired"));
    }

    @AwsServersTest
    void forcedDeleteRemovesTheSecretAtOnce(AwsTestServer server) {
        server.createSecret("app/gone", "v");
        SecretsManagerClient sm = server.secretsManager();

        sm.deleteSecret(b -> b.secretId("app/gone").forceDeleteWithoutRecovery(true));

        assertThrows(ResourceNotFoundException.class, () -> sm.getSecretValue(b -> b.secretId("app/gone")));
        assertThrows(ResourceNotFoundException.class, () -> sm.describeSecret(b -> b.secretId("app/gone")));
        server.createSecret("app/gone", "reborn");
        assertEquals("reborn", sm.getSecretValue(b -> b.secretId("app/gone")).secretString());
    }

    @AwsServersTest
    void webIdentityCredentialsActAsTheAssumedRole(AwsTestServer server) {
        server.createSecret("app/irsa", "from-role");
        String token = fakeJwt("system:serviceaccount:apps:reader");

        AssumeRoleWithWebIdentityResponse assumed = server.sts()
                .assumeRoleWithWebIdentity(
                        b -> b.roleArn(ROLE_ARN).roleSessionName("sluice-test").webIdentityToken(token));
        assertNotNull(assumed.credentials().expiration());
        StaticCredentialsProvider asRole = asProvider(assumed.credentials());

        try (var sts = server.sts(asRole);
                var sm = server.secretsManager(asRole)) {
            assertEquals(
                    "arn:aws:sts::123456789012:assumed-role/sluice-reader/sluice-test",
                    sts.getCallerIdentity().arn());
            assertEquals(
                    "from-role", sm.getSecretValue(b -> b.secretId("app/irsa")).secretString());
        }
        server.emulator().ifPresent(emulator -> {
            var call = emulator.stsCalls().get(0);
            assertEquals("AssumeRoleWithWebIdentity", call.action());
            assertEquals(ROLE_ARN, call.roleArn());
            assertEquals(token, call.webIdentityToken());
        });
    }

    @AwsServersTest
    void assumeRoleChainsFromStaticCredentials(AwsTestServer server) {
        AssumeRoleResponse assumed = server.sts()
                .assumeRole(b -> b.roleArn(ROLE_ARN)
                        .roleSessionName("chain")
                        .externalId("ext-123")
                        .durationSeconds(900)
                        .tags(software.amazon.awssdk.services.sts.model.Tag.builder()
                                .key("team")
                                .value("a")
                                .build())
                        .transitiveTagKeys("team"));

        assertEquals(
                "arn:aws:sts::123456789012:assumed-role/sluice-reader/chain",
                assumed.assumedRoleUser().arn());
        try (var sts = server.sts(asProvider(assumed.credentials()))) {
            assertEquals(
                    assumed.assumedRoleUser().arn(), sts.getCallerIdentity().arn());
        }
        server.emulator().ifPresent(emulator -> {
            var call = emulator.stsCalls().get(0);
            assertEquals(AwsTestServer.TEST_ACCESS_KEY, call.callerAccessKey());
            assertEquals("ext-123", call.externalId());
            assertEquals(Map.of("team", "a"), call.tags());
            assertEquals(List.of("team"), call.transitiveTagKeys());
            assertEquals(assumed.credentials().accessKeyId(), call.issuedAccessKey());
        });
    }

    private static Filter filter(FilterNameStringType key, String... values) {
        return Filter.builder().key(key).values(values).build();
    }

    private static Set<String> names(AwsTestServer server, Filter... filters) {
        return listedNames(server.secretsManager().listSecrets(b -> b.filters(filters)));
    }

    private static Set<String> listedNames(ListSecretsResponse response) {
        return response.secretList().stream().map(SecretListEntry::name).collect(Collectors.toSet());
    }

    private static Map<String, String> values(List<SecretValueEntry> entries) {
        return entries.stream().collect(Collectors.toMap(SecretValueEntry::name, SecretValueEntry::secretString));
    }

    private static StaticCredentialsProvider asProvider(Credentials credentials) {
        return StaticCredentialsProvider.create(AwsSessionCredentials.create(
                credentials.accessKeyId(), credentials.secretAccessKey(), credentials.sessionToken()));
    }

    private static String fakeJwt(String subject) {
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        String header = encoder.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8));
        String claims = encoder.encodeToString(
                ("{\"sub\":\"" + subject + "\",\"aud\":[\"sts.amazonaws.com\"]," + "\"iss\":\"https://oidc.example\"}")
                        .getBytes(StandardCharsets.UTF_8));
        return header + "." + claims + ".c2lnbmF0dXJl";
    }
}
