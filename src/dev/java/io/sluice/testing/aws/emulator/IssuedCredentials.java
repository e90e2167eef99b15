package io.sluice.testing.aws.emulator;

import java.time.Instant;

/** Temporary credentials the emulator's STS handed out, and the assumed role they act as. */
public record IssuedCredentials(
        String accessKeyId,
        String secretAccessKey,
        String sessionToken,
        Instant expiration,
        String roleArn,
        String sessionName,
        String assumedRoleArn,
        String assumedRoleId) {

    public String account() {
        return roleArn.split(":")[4];
    }

    @Override
    public String toString() {
        return "IssuedCredentials[" + accessKeyId + " as " + assumedRoleArn + " until " + expiration + "]";
    }
}
