package io.sluice.testing.aws.emulator;

import java.util.List;
import java.util.Map;

/**
 * One STS call as received, so tests can assert on a credentials chain. {@code callerAccessKey} is the key
 * that signed the call (empty for the unsigned AssumeRoleWithWebIdentity); {@code issuedAccessKey} the key
 * handed out. The web identity token is kept for assertions but left out of {@link #toString()}.
 */
public record StsCall(
        String action,
        String callerAccessKey,
        String roleArn,
        String roleSessionName,
        String externalId,
        Map<String, String> tags,
        List<String> transitiveTagKeys,
        Integer durationSeconds,
        String webIdentityToken,
        String issuedAccessKey) {

    public StsCall {
        tags = Map.copyOf(tags);
        transitiveTagKeys = List.copyOf(transitiveTagKeys);
    }

    @Override
    public String toString() {
        return "StsCall[" + action + " role=" + roleArn + " session=" + roleSessionName + " externalId=" + externalId
                + " tags=" + tags + " transitive=" + transitiveTagKeys + " caller=" + callerAccessKey
                + " issued=" + issuedAccessKey + (webIdentityToken == null ? "" : " token=<redacted>") + "]";
    }
}
