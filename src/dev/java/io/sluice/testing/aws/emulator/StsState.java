package io.sluice.testing.aws.emulator;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Credentials issued by the emulated STS, by access key, and the log of STS calls. */
final class StsState {

    static final Duration DEFAULT_LIFETIME = Duration.ofHours(1);
    static final int SESSION_TOKEN_DEFAULT_SECONDS = 43_200;

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, IssuedCredentials> byAccessKey = new ConcurrentHashMap<>();
    private final List<StsCall> calls = new ArrayList<>();
    private volatile Duration lifetimeOverride;

    StsState(Clock clock) {
        this.clock = clock;
    }

    IssuedCredentials issue(String roleArn, String sessionName, Integer durationSeconds) {
        Duration lifetime = lifetimeOverride != null
                ? lifetimeOverride
                : durationSeconds != null ? Duration.ofSeconds(durationSeconds) : DEFAULT_LIFETIME;
        String roleName = roleArn.substring(roleArn.lastIndexOf('/') + 1);
        String account = roleArn.split(":")[4];
        String roleId = "AROA" + String.format(Locale.ROOT, "%016X", roleArn.hashCode() & 0xffffffffL);
        IssuedCredentials credentials = new IssuedCredentials(
                "ASIA" + randomToken(8).toUpperCase(Locale.ROOT),
                randomToken(20),
                randomToken(48),
                clock.instant().plus(lifetime).truncatedTo(ChronoUnit.SECONDS),
                roleArn,
                sessionName,
                "arn:aws:sts::" + account + ":assumed-role/" + roleName + "/" + sessionName,
                roleId + ":" + sessionName);
        byAccessKey.put(credentials.accessKeyId(), credentials);
        return credentials;
    }

    /** GetSessionToken: temporary keys acting as the calling IAM user itself (12 hours unless asked otherwise). */
    IssuedCredentials issueSession(String userArn, Integer durationSeconds) {
        Duration lifetime = lifetimeOverride != null
                ? lifetimeOverride
                : Duration.ofSeconds(durationSeconds != null ? durationSeconds : SESSION_TOKEN_DEFAULT_SECONDS);
        IssuedCredentials credentials = new IssuedCredentials(
                "ASIA" + randomToken(8).toUpperCase(Locale.ROOT),
                randomToken(20),
                randomToken(48),
                clock.instant().plus(lifetime).truncatedTo(ChronoUnit.SECONDS),
                userArn,
                null,
                userArn,
                "AIDA" + String.format(Locale.ROOT, "%016X", userArn.hashCode() & 0xffffffffL));
        byAccessKey.put(credentials.accessKeyId(), credentials);
        return credentials;
    }

    List<String> issuedAccessKeys() {
        return List.copyOf(byAccessKey.keySet());
    }

    Optional<IssuedCredentials> byAccessKey(String accessKey) {
        return Optional.ofNullable(byAccessKey.get(accessKey));
    }

    boolean isExpired(IssuedCredentials credentials) {
        return !clock.instant().isBefore(credentials.expiration());
    }

    synchronized void record(StsCall call) {
        calls.add(call);
    }

    synchronized List<StsCall> calls() {
        return List.copyOf(calls);
    }

    void lifetimeOverride(Duration lifetime) {
        this.lifetimeOverride = lifetime;
    }

    synchronized void clear() {
        byAccessKey.clear();
        calls.clear();
        lifetimeOverride = null;
    }

    private String randomToken(int bytes) {
        byte[] buffer = new byte[bytes];
        random.nextBytes(buffer);
        return HexFormat.of().formatHex(buffer);
    }
}
