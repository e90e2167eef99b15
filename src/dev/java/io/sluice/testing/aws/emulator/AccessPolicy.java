package io.sluice.testing.aws.emulator;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who may call: every signed request by default; with an allow-list, only the listed access keys and the
 * temporary keys issued for listed role ARNs. Expired temporary keys are always refused, like AWS does, and so
 * are revoked keys (a deleted or deactivated access key, a revoked session).
 */
final class AccessPolicy {

    private final StsState sts;
    private final String account;
    private volatile Set<String> allowed;
    private final Set<String> revoked = ConcurrentHashMap.newKeySet();

    AccessPolicy(StsState sts, String account) {
        this.sts = sts;
        this.account = account;
    }

    void restrictTo(Collection<String> accessKeysOrRoleArns) {
        allowed = Set.copyOf(accessKeysOrRoleArns);
    }

    void allowAll() {
        allowed = null;
    }

    void revoke(Collection<String> accessKeys) {
        revoked.addAll(accessKeys);
    }

    void clearRevocations() {
        revoked.clear();
    }

    Optional<AwsError> check(ProtocolHandler handler, String operation, IncomingRequest request) {
        if (handler.isUnsigned(operation)) {
            return Optional.empty();
        }
        if (request.accessKey().isEmpty()) {
            return Optional.of(handler.missingAuthentication());
        }
        String accessKey = request.accessKey().get();
        if (revoked.contains(accessKey)) {
            return Optional.of(handler.invalidClientToken());
        }
        Optional<IssuedCredentials> issued = sts.byAccessKey(accessKey);
        if (issued.isPresent() && sts.isExpired(issued.get())) {
            return Optional.of(handler.expiredToken());
        }
        Set<String> allowList = allowed;
        if (allowList == null
                || allowList.contains(accessKey)
                || issued.map(c -> allowList.contains(c.roleArn())).orElse(false)) {
            return Optional.empty();
        }
        String principal =
                issued.map(IssuedCredentials::assumedRoleArn).orElse("arn:aws:iam::" + account + ":user/" + accessKey);
        return Optional.of(handler.accessDenied(operation, principal));
    }
}
