package io.sluice.testing.aws.emulator;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An in-JVM AWS Secrets Manager, Parameter Store, STS and ECR (GetAuthorizationToken) speaking the real wire protocols on a random loopback port, for
 * the real SDK clients built with {@code endpointOverride(endpoint())}. Besides the AWS behaviour it offers
 * test hooks: call counters, fault injection ({@link Fault}: errors, slow answers, dropped connections), an
 * access-key allow-list, the STS call log and seeding.
 */
public final class AwsEmulator implements AutoCloseable {

    public static final String DEFAULT_REGION = "us-east-1";
    public static final String ACCOUNT = "123456789012";
    /** Faults injected for this pseudo-operation apply to every operation without a fault of its own. */
    public static final String ALL_OPERATIONS = "*";

    private final Clock clock;
    private final Map<String, SecretsManagerState> secretsByRegion = new ConcurrentHashMap<>();
    private final Map<String, ParameterStoreState> parametersByRegion = new ConcurrentHashMap<>();
    private final StsState sts;
    private final EcrState ecr;
    private final CallCounter calls = new CallCounter();
    private final FaultInjector faults = new FaultInjector();
    private final AccessPolicy access;
    private final EmulatorHttpServer server;

    private AwsEmulator(Clock clock) {
        this.clock = clock;
        this.sts = new StsState(clock);
        this.ecr = new EcrState(clock, ACCOUNT);
        this.access = new AccessPolicy(sts, ACCOUNT);
        SecretsManagerHandler secretsManager =
                new SecretsManagerHandler(region -> secrets(region.orElse(DEFAULT_REGION)));
        ParameterStoreHandler parameterStore =
                new ParameterStoreHandler(region -> parameters(region.orElse(DEFAULT_REGION)));
        this.server = new EmulatorHttpServer(
                List.of(secretsManager, parameterStore, new StsHandler(sts, ACCOUNT), new EcrHandler(ecr)),
                calls,
                faults,
                access);
    }

    public static AwsEmulator start() {
        return start(Clock.systemUTC());
    }

    /** Starts with a clock of the test's choosing, which decides creation dates and credential expiry. */
    public static AwsEmulator start(Clock clock) {
        return new AwsEmulator(clock);
    }

    public URI endpoint() {
        return server.endpoint();
    }

    /** HTTP calls received for an operation (e.g. "GetSecretValue", "AssumeRole"), including SDK retries. */
    public int calls(String operation) {
        return calls.calls(operation);
    }

    public Map<String, Integer> callCounts() {
        return calls.snapshot();
    }

    public void resetCalls() {
        calls.reset();
    }

    /** The next {@code times} calls of the operation fail with this error (e.g. ThrottlingException, 400). */
    public void failNext(String operation, int times, String errorCode, int httpStatus) {
        failNext(operation, times, new AwsError(errorCode, httpStatus, "Injected " + errorCode + " for " + operation));
    }

    public void failNext(String operation, int times, AwsError error) {
        faults.inject(operation, Fault.error(error.code(), error.status()), times);
    }

    /** The next {@code times} calls of the operation (or of {@link #ALL_OPERATIONS}) meet this fault. */
    public void inject(String operation, Fault fault, int times) {
        faults.inject(operation, fault, times);
    }

    /**
     * Every call of the operation (or of {@link #ALL_OPERATIONS}) meets this fault until the returned outage
     * is closed or {@link #clearFaults} runs; calls queued by {@link #inject} or {@link #failNext} go first.
     */
    public Outage injectUntilCleared(String operation, Fault fault) {
        faults.injectUntilCleared(operation, fault);
        return () -> faults.clear(operation);
    }

    /** How many calls of the operation met an injected fault since the last {@link #reset}. */
    public int faultsInjected(String operation) {
        return faults.injected(operation);
    }

    /** Drops every injected fault, counted or standing: an injected outage ends. */
    public void clearFaults() {
        faults.clear();
    }

    /** A standing fault; closing it ends it. */
    @FunctionalInterface
    public interface Outage extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Only these access keys, and temporary keys issued for these role ARNs, may call; others get
     * AccessDeniedException (Secrets Manager) or AccessDenied (STS), as an IAM principal without permission.
     */
    public void restrictAccessTo(String... accessKeysOrRoleArns) {
        access.restrictTo(Arrays.asList(accessKeysOrRoleArns));
    }

    public void allowAllAccess() {
        access.allowAll();
    }

    /**
     * These access keys no longer exist (deleted or deactivated): their calls get UnrecognizedClientException
     * (Secrets Manager) or InvalidClientTokenId (STS).
     */
    public void revokeAccessKeys(String... accessKeys) {
        access.revoke(Arrays.asList(accessKeys));
    }

    /** Revokes every temporary key issued so far, as IAM's "revoke active sessions" does. */
    public void revokeIssuedSessions() {
        access.revoke(sts.issuedAccessKeys());
    }

    /** Issued credentials expire after this lifetime, whatever DurationSeconds the caller asked for. */
    public void issueCredentialsValidFor(Duration lifetime) {
        sts.lifetimeOverride(lifetime);
    }

    /** Every STS call so far, oldest first. */
    public List<StsCall> stsCalls() {
        return sts.calls();
    }

    public Optional<IssuedCredentials> issuedCredentials(String accessKeyId) {
        return sts.byAccessKey(accessKeyId);
    }

    /** ECR logins handed out by GetAuthorizationToken, oldest first. */
    public List<EcrState.Token> ecrTokens() {
        return ecr.issued();
    }

    /** ECR logins issued from now on expire after this lifetime instead of AWS's 12 hours. */
    public void issueEcrTokensValidFor(Duration lifetime) {
        ecr.lifetime(lifetime);
    }

    /** Creates a secret with a string value directly in the default region; returns its ARN. */
    public String seedSecret(String name, String value, Map<String, String> tags) {
        return secrets(DEFAULT_REGION)
                .create(name, null, null, tags, null, value, null)
                .arn();
    }

    /** Creates a secret with a binary value directly in the default region; returns its ARN. */
    public String seedBinarySecret(String name, byte[] value, Map<String, String> tags) {
        return secrets(DEFAULT_REGION)
                .create(name, null, null, tags, null, null, value)
                .arn();
    }

    public SecretsManagerState secrets(String region) {
        return secretsByRegion.computeIfAbsent(region, r -> new SecretsManagerState(r, ACCOUNT, clock));
    }

    /** The Parameter Store parameters of a region. */
    public ParameterStoreState parameters(String region) {
        return parametersByRegion.computeIfAbsent(region, r -> new ParameterStoreState(r, ACCOUNT, clock));
    }

    /** Forgets secrets, parameters, issued credentials, the STS log, counters, faults, the allow-list and revocations. */
    public void reset() {
        secretsByRegion.values().forEach(SecretsManagerState::clear);
        parametersByRegion.values().forEach(ParameterStoreState::clear);
        sts.clear();
        ecr.clear();
        calls.reset();
        faults.reset();
        access.allowAll();
        access.clearRevocations();
    }

    @Override
    public void close() {
        server.close();
    }
}
