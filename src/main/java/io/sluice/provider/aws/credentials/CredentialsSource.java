package io.sluice.provider.aws.credentials;

import java.util.List;
import java.util.Objects;

/**
 * Where a store's base credentials come from, before any role is assumed. Values are part of the SDK client
 * cache key, so two stores with the same source share one client and one STS session.
 */
public sealed interface CredentialsSource {

    /** No {@code auth}: the operator pod's own credentials (IRSA, EKS pod identity, environment). */
    record DefaultChain() implements CredentialsSource {}

    /** {@code auth.secretRef}: keys read from Kubernetes Secrets. {@link #toString()} shows none of them. */
    record StaticKeys(String accessKeyId, String secretAccessKey, String sessionToken) implements CredentialsSource {
        public StaticKeys {
            Objects.requireNonNull(accessKeyId, "accessKeyId");
            Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        }

        @Override
        public String toString() {
            return "StaticKeys[***]";
        }
    }

    /** {@code auth.jwt}: a ServiceAccount token exchanged with AssumeRoleWithWebIdentity for {@code roleArn}. */
    record ServiceAccountWebIdentity(String namespace, String serviceAccount, List<String> audiences, String roleArn)
            implements CredentialsSource {
        public ServiceAccountWebIdentity {
            audiences = List.copyOf(audiences);
        }
    }
}
