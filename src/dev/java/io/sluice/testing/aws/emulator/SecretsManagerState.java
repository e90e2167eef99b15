package io.sluice.testing.aws.emulator;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The secrets of one account in one region, with AWS's rules for names, versions, staging labels and
 * deletion. Callers that read several fields of a returned record synchronize on this object.
 */
public final class SecretsManagerState {

    static final String NOT_FOUND = "Secrets Manager can't find the specified secret.";
    static final String MARKED_FOR_DELETION =
            "You can't perform this operation on the secret because it was marked for deletion.";
    private static final Pattern VALID_NAME = Pattern.compile("[A-Za-z0-9/_+=.@-]{1,512}");
    private static final String SUFFIX_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final int DEFAULT_RECOVERY_DAYS = 30;

    private final String region;
    private final String account;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, SecretRecord> byName = new LinkedHashMap<>();
    private long sequence;

    /** What a successful DeleteSecret reports. */
    record Deletion(String arn, String name, Instant deletionDate) {}

    SecretsManagerState(String region, String account, Clock clock) {
        this.region = region;
        this.account = account;
        this.clock = clock;
    }

    synchronized SecretRecord create(
            String name,
            String description,
            String kmsKeyId,
            Map<String, String> tags,
            String versionId,
            String string,
            byte[] binary) {
        if (name == null || !VALID_NAME.matcher(name).matches()) {
            throw AwsError.badRequest(
                    "InvalidParameterException",
                    "Invalid name. Must be a valid name containing "
                            + "alphanumeric characters, or any of the following: -/_+=.@!");
        }
        SecretRecord existing = byName.get(name);
        if (existing != null && existing.isMarkedForDeletion()) {
            throw AwsError.badRequest(
                    "InvalidRequestException",
                    "You can't create this secret because a secret with this name is already scheduled for deletion.");
        }
        if (existing != null) {
            throw AwsError.badRequest(
                    "ResourceExistsException", "The operation failed because the secret " + name + " already exists.");
        }
        requireAtMostOneValue(string, binary);
        Instant now = clock.instant();
        SecretRecord secret = new SecretRecord(name, arnFor(name), ++sequence, now);
        secret.description(description);
        secret.kmsKeyId(kmsKeyId);
        secret.tags().putAll(tags);
        if (string != null || binary != null) {
            secret.addVersion(
                    new SecretVersion(versionIdOr(versionId), string, binary, now), List.of(SecretRecord.CURRENT));
        }
        byName.put(name, secret);
        return secret;
    }

    /** Finds a secret by name, full ARN or partial ARN (without the random suffix), deleted or not. */
    synchronized SecretRecord find(String secretId) {
        if (secretId == null || secretId.isEmpty()) {
            throw AwsError.badRequest("InvalidParameterException", "You must specify a SecretId.");
        }
        SecretRecord byId = byName.get(secretId);
        if (byId != null) {
            return byId;
        }
        return byName.values().stream()
                .filter(s -> s.arn().equals(secretId)
                        || s.arn().equals(secretId + s.arn().substring(s.arn().length() - 7)))
                .findFirst()
                .orElseThrow(() -> AwsError.badRequest("ResourceNotFoundException", NOT_FOUND));
    }

    /** Finds a secret that is not marked for deletion. */
    synchronized SecretRecord findLive(String secretId) {
        SecretRecord secret = find(secretId);
        if (secret.isMarkedForDeletion()) {
            throw AwsError.badRequest("InvalidRequestException", MARKED_FOR_DELETION);
        }
        return secret;
    }

    /** The version selected by id and/or stage (AWSCURRENT when neither is given). */
    synchronized SecretVersion read(SecretRecord secret, String versionId, String stage) {
        Optional<SecretVersion> version;
        if (versionId != null) {
            version = secret.version(versionId)
                    .filter(v -> stage == null || v.stages().contains(stage));
        } else {
            version = secret.versionByStage(stage == null ? SecretRecord.CURRENT : stage);
        }
        SecretVersion found = version.orElseThrow(() -> AwsError.badRequest(
                "ResourceNotFoundException",
                "Secrets Manager can't find the specified secret value for "
                        + (versionId != null
                                ? "VersionId: " + versionId
                                : "staging label: " + (stage == null ? SecretRecord.CURRENT : stage))));
        secret.accessed(clock.instant());
        return found;
    }

    /** PutSecretValue / UpdateSecret: a new version, idempotent for a repeated client request token. */
    synchronized SecretVersion putValue(
            SecretRecord secret, String token, String string, byte[] binary, List<String> stages) {
        if (string == null && binary == null) {
            throw AwsError.badRequest(
                    "InvalidRequestException", "You must provide either SecretString or SecretBinary.");
        }
        requireAtMostOneValue(string, binary);
        Optional<SecretVersion> existing = token == null ? Optional.empty() : secret.version(token);
        if (existing.isPresent()) {
            if (existing.get().sameValueAs(string, binary)) {
                return existing.get();
            }
            throw AwsError.badRequest(
                    "ResourceExistsException",
                    "You can't modify an existing version, you can only create a new version.");
        }
        Instant now = clock.instant();
        SecretVersion version = new SecretVersion(versionIdOr(token), string, binary, now);
        secret.addVersion(version, stages == null || stages.isEmpty() ? List.of(SecretRecord.CURRENT) : stages);
        secret.changed(now);
        return version;
    }

    /** Secrets matching every filter, oldest first (or newest first when descending). */
    synchronized List<SecretRecord> list(
            List<SecretFilter> filters, boolean includePlannedDeletion, boolean descending) {
        Comparator<SecretRecord> order = Comparator.comparingLong(SecretRecord::sequence);
        return byName.values().stream()
                .filter(s -> includePlannedDeletion || !s.isMarkedForDeletion())
                .filter(s -> SecretFilter.allMatch(filters, s))
                .sorted(descending ? order.reversed() : order)
                .toList();
    }

    synchronized void tag(SecretRecord secret, Map<String, String> tags) {
        secret.tags().putAll(tags);
        secret.changed(clock.instant());
    }

    synchronized void untag(SecretRecord secret, List<String> keys) {
        keys.forEach(secret.tags()::remove);
        secret.changed(clock.instant());
    }

    synchronized Deletion delete(String secretId, Integer recoveryWindowInDays, boolean force) {
        if (recoveryWindowInDays != null && force) {
            throw AwsError.badRequest(
                    "InvalidParameterException",
                    "You can't use ForceDeleteWithoutRecovery in conjunction with RecoveryWindowInDays.");
        }
        if (recoveryWindowInDays != null && (recoveryWindowInDays < 7 || recoveryWindowInDays > 30)) {
            throw AwsError.badRequest(
                    "InvalidParameterException",
                    "The RecoveryWindowInDays value must be between 7 and 30 days (inclusive).");
        }
        Instant now = clock.instant();
        SecretRecord secret;
        try {
            secret = find(secretId);
        } catch (AwsError notFound) {
            if (force && notFound.code().equals("ResourceNotFoundException")) {
                // AWS answers a forced delete of an unknown secret with success
                return new Deletion(arnFor(secretId), secretId, now);
            }
            throw notFound;
        }
        if (force) {
            byName.remove(secret.name());
            return new Deletion(secret.arn(), secret.name(), now);
        }
        if (secret.isMarkedForDeletion()) {
            throw AwsError.badRequest("InvalidRequestException", MARKED_FOR_DELETION);
        }
        int days = recoveryWindowInDays == null ? DEFAULT_RECOVERY_DAYS : recoveryWindowInDays;
        Instant deletionDate = now.plus(Duration.ofDays(days));
        // DescribeSecret's DeletedDate is documented as the date the secret is scheduled for deletion
        secret.markDeleted(deletionDate);
        return new Deletion(secret.arn(), secret.name(), deletionDate);
    }

    synchronized SecretRecord restore(String secretId) {
        SecretRecord secret = find(secretId);
        secret.restore();
        return secret;
    }

    synchronized void clear() {
        byName.clear();
    }

    private String arnFor(String name) {
        StringBuilder suffix = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            suffix.append(SUFFIX_CHARS.charAt(random.nextInt(SUFFIX_CHARS.length())));
        }
        return "arn:aws:secretsmanager:" + region + ":" + account + ":secret:" + name + "-" + suffix;
    }

    private static String versionIdOr(String requested) {
        return requested != null ? requested : UUID.randomUUID().toString();
    }

    private static void requireAtMostOneValue(String string, byte[] binary) {
        if (string != null && binary != null) {
            throw AwsError.badRequest(
                    "InvalidParameterException",
                    "You can't specify both a binary secret value and a string secret value in the same secret.");
        }
    }
}
