package io.sluice.testing.aws.emulator;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Registry logins the emulated ECR handed out: {@code AWS:<random>}, valid 12 hours as in AWS. */
public final class EcrState {

    static final Duration TOKEN_LIFETIME = Duration.ofHours(12);

    private final Clock clock;
    private final String account;
    private final SecureRandom random = new SecureRandom();
    private final List<Token> issued = new ArrayList<>();
    private volatile Duration lifetime = TOKEN_LIFETIME;

    EcrState(Clock clock, String account) {
        this.clock = clock;
        this.account = account;
    }

    /** One login; {@link #toString()} leaves the password out. */
    public record Token(String callerAccessKey, String password, Instant expiresAt, String proxyEndpoint) {
        public String authorizationToken() {
            return Base64.getEncoder().encodeToString(("AWS:" + password).getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String toString() {
            return "Token[" + proxyEndpoint + " caller=" + callerAccessKey + " until " + expiresAt + "]";
        }
    }

    synchronized Token issue(String callerAccessKey, String region) {
        byte[] secret = new byte[96];
        random.nextBytes(secret);
        Token token = new Token(
                callerAccessKey,
                Base64.getEncoder().encodeToString(secret),
                clock.instant().plus(lifetime).truncatedTo(ChronoUnit.SECONDS),
                "https://" + account + ".dkr.ecr." + region + ".amazonaws.com");
        issued.add(token);
        return token;
    }

    synchronized List<Token> issued() {
        return List.copyOf(issued);
    }

    void lifetime(Duration lifetime) {
        this.lifetime = lifetime;
    }

    synchronized void clear() {
        issued.clear();
        lifetime = TOKEN_LIFETIME;
    }
}
